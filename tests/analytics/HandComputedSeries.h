#pragma once

// A small strategy and benchmark series whose every metric was worked out by hand, following the definitions
// of docs/strategy-metrics.md (QuantStats 0.0.81, 252 periods a year, no risk-free rate). The unit test of
// the metric calculator checks the calculator against this table; the storage tests write the same days into
// SQLite and PostgreSQL and check the figures read back through the database against it.
//
// Thirteen trading days from Monday 29 December 2025 to Wednesday 4 February 2026: three calendar months
// (Dec, Jan, Feb), two quarters (Q4 2025, Q1 2026) and two years. Returns are fractions (0.02 = 2 %).
//
//   day         strategy  benchmark   strategy equity        benchmark equity
//   2025-12-29   +0.02     -0.01      1.02                   0.99
//   2025-12-30   -0.01     +0.01      1.0098                 0.9999
//   2025-12-31   +0.03     +0.02      1.040094               1.019898
//   2026-01-02   -0.02     -0.01      1.01929212             1.00970
//   2026-01-05   -0.01      0.00      1.0091                 1.00970
//   2026-01-06    0.00     +0.01      1.0091                 1.01980
//   2026-01-07   +0.04     +0.02      1.04946                1.04019 (new peak)
//   2026-01-08   +0.01     -0.03      1.05996                1.00899
//   2026-01-09   +0.01     +0.01      1.07056 (peak)         1.01908
//   2026-01-30   -0.03     -0.01      1.03844                1.00889
//   2026-02-02   -0.01     +0.01      1.02806                1.01898
//   2026-02-03   +0.02     +0.01      1.04862                1.02917
//   2026-02-04   -0.02     -0.01      1.02765                1.01887
//
// Shared intermediate figures (n = 13 days):
//   strategy:  sum = 0.03, mean m = 0.03/13 = 0.0023076923076923
//              sum of squared deviations SS = sum r^2 - n m^2 = 0.0055 - 13 x 0.0023077^2 =
//              0.0054307692307692 variance (ddof 1) = SS/12 = 0.00045256410256410, sd = 0.021273554065179202
//              up days: .02 .03 .04 .01 .01 .02 (6, sum .13); down days: -.01 -.02 -.01 -.03 -.01 -.02
//              (6, sum -.10); one flat day (2026-01-06)
//              months (compounded): Dec 1.02 x .99 x 1.03 - 1 = +0.040094;
//              Jan .98 x .99 x 1 x 1.04 x 1.01 x 1.01 x .97 - 1 = -0.001589611024;
//              Feb .99 x 1.02 x .98 - 1 = -0.010396
//              quarters/years: Q4 2025 = 2025 = +0.040094; Q1 2026 = 2026 = .998410388976 x .989604 - 1
//              = -0.011969085427794512
//   benchmark: sum = 0.02, mean = 0.02/13 = 0.0015384615384615, SS = 0.0031 - 13 x 0.0015385^2
//              = 0.0025692307692308, variance = 0.00021410256410256, sd = 0.014632243987255138
//              up days: .01 .02 .01 .02 .01 .01 .01 (7, sum .09); down days: -.01 -.01 -.03 -.01 -.01
//              (5, sum -.07); one flat day (2026-01-05)
//              months: Dec .99 x 1.01 x 1.02 - 1 = +0.019898; Jan .99 x 1 x 1.01 x 1.02 x .97 x 1.01 x .99
//              - 1 = -0.010797870106; Feb 1.01 x 1.01 x .99 - 1 = +0.009899;
//              2026 = .989202129894 x 1.009899 - 1 = -0.0010057582221794
//   sorted strategy returns: -.03 -.02 -.02 -.01 -.01 -.01 0 .01 .01 .02 .02 .03 .04
//   sorted benchmark returns: -.03 -.01 -.01 -.01 -.01 0 .01 .01 .01 .01 .01 .02 .02
//   quantile q (linear, as pandas): position q x 12 in the sorted list.
//   The underwater curve starts from an equity of 1 before the first day (QuantStats' baseline), so the
//   benchmark is under water from its first day.
//   Strategy drawdowns: 12-30 (-1 %, recovered 12-31, 1 day); 01-02..01-06 (valley 01-05 at 1.0091/1.040094
//   - 1 = -0.0298, recovered 01-07, 5 days); 01-30..02-04 (valley 02-04 at 1.02765/1.07056 - 1 =
//   -0.04008412, not recovered, 6 days).
//   Benchmark drawdowns: 12-29..12-30 (valley 12-29 at -0.01, recovered 12-31, 2 days); 01-02..01-06 (valley
//   01-02 at -0.01, recovered 01-07, 5 days); 01-08..02-04 (valley 01-30 at 1.00889/1.04019 - 1 = -0.030097,
//   not recovered, 28 days).

#include <cmath>
#include <limits>

#include <QDate>
#include <QList>
#include <QString>

#include "analytics/ReturnSeries.h"

namespace strata::handcomputed {

struct Day
{
    QDate day;
    double strategy;
    double benchmark;
};

inline const QList<Day>& days()
{
    static const QList<Day> rows = {
        {QDate(2025, 12, 29), 0.02, -0.01}, {QDate(2025, 12, 30), -0.01, 0.01},
        {QDate(2025, 12, 31), 0.03, 0.02},  {QDate(2026, 1, 2), -0.02, -0.01},
        {QDate(2026, 1, 5), -0.01, 0.00},   {QDate(2026, 1, 6), 0.00, 0.01},
        {QDate(2026, 1, 7), 0.04, 0.02},    {QDate(2026, 1, 8), 0.01, -0.03},
        {QDate(2026, 1, 9), 0.01, 0.01},    {QDate(2026, 1, 30), -0.03, -0.01},
        {QDate(2026, 2, 2), -0.01, 0.01},   {QDate(2026, 2, 3), 0.02, 0.01},
        {QDate(2026, 2, 4), -0.02, -0.01},
    };
    return rows;
}

inline ReturnSeries strategySeries()
{
    ReturnSeries s;
    s.label = QStringLiteral("hand-computed strategy");
    for (const Day& d : days()) {
        s.day.append(d.day);
        s.ret.append(d.strategy);
    }
    return s;
}

inline ReturnSeries benchmarkSeries()
{
    ReturnSeries s;
    s.label = QStringLiteral("hand-computed benchmark");
    for (const Day& d : days()) {
        s.day.append(d.day);
        s.ret.append(d.benchmark);
    }
    return s;
}

/// One row of the metric table: the strategy's value (computed with the benchmark) and the benchmark's
/// own value (computed on its own, so the metrics against a benchmark are NaN in its column).
struct ExpectedMetric
{
    QString key;
    double strategy;
    double benchmark;
};

inline double julian(int y, int m, int d)
{
    return double(QDate(y, m, d).toJulianDay());
}

inline const QList<ExpectedMetric>& expectedMetrics()
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    static const QList<ExpectedMetric> rows = {
        // First and last day.
        {QStringLiteral("start_period"), julian(2025, 12, 29), julian(2025, 12, 29)},
        {QStringLiteral("end_period"), julian(2026, 2, 4), julian(2026, 2, 4)},
        // Days with a non-zero return / all days, rounded UP to a whole percent: 12/13 = 92.3 % -> 93 %.
        {QStringLiteral("time_in_market"), 0.93, 0.93},
        // Product of (1 + r) - 1: strategy 1.0276450260610637 - 1; benchmark 1.018872229200716 - 1.
        {QStringLiteral("cumulative_return"), 0.02764502606106367, 0.018872229200715962},
        // (1 + cumulative)^(1 / years) - 1 with years = days / 252 = 13/252 = 0.0515873:
        // 1.0276450260610637^(252/13) - 1 = 0.6965802775643710; 1.018872229200716^(252/13) - 1 = 0.4368047.
        {QStringLiteral("cagr"), 0.696580277564371, 0.4368047264647157},
        // mean / sd x sqrt(252): 0.0023076923 / 0.0212735541 x 15.874508 = 1.72201972;
        // benchmark 0.0015384615 / 0.0146322440 x 15.874508 = 1.66907549.
        {QStringLiteral("sharpe"), 1.7220197236166415, 1.6690754894269475},
        // Phi(SR / sigma) with SR the daily Sharpe (0.10847704622 / 0.10514187296) and
        // sigma^2 = (1 + SR^2/2 - skew SR + (kurtosis - 3)/4 SR^2) / (n - 1):
        // strategy (1 + 0.0058836 - 0.0280101 - 0.0115359) / 12 = 0.0805277543, SR/sigma = 0.38226546,
        // Phi = 0.64886776; benchmark (1 + 0.0055274 + 0.0724035 - 0.0081822) / 12 = 0.0891453857,
        // SR/sigma = 0.35214885, Phi = 0.63763668.
        {QStringLiteral("prob_sharpe_ratio"), 0.6488677636145979, 0.6376366827711444},
        // Sharpe / autocorrelation penalty, penalty = sqrt(1 + 2 sum_{x=1..12} (13 - x)/13 |rho1|^x) with
        // rho1
        // the correlation of r[0..11] with r[1..12]: strategy rho1 = -0.20872302, penalty 1.21502009,
        // 1.72201972 / 1.21502009 = 1.41727675; benchmark rho1 = -0.44329897, penalty 1.54030488,
        // 1.66907549 / 1.54030488 = 1.08360073.
        {QStringLiteral("smart_sharpe"), 1.4172767466907292, 1.0836007287599516},
        // mean / sqrt(sum of squared losses / n) x sqrt(252): strategy squared losses .0001+.0004+.0001+.0009
        // +.0001+.0004 = .002, sqrt(.002/13) = 0.012403473, 0.0023076923 / 0.012403473 x 15.874508 =
        // 2.95348555; benchmark .0013/13 = .0001, sqrt = 0.01, 0.0015384615 / 0.01 x 15.874508 = 2.44223198.
        {QStringLiteral("sortino"), 2.9534855549125214, 2.4422319794442378},
        // Sortino / the same penalty: 2.95348555 / 1.21502009; 2.44223198 / 1.54030488.
        {QStringLiteral("smart_sortino"), 2.4308121104868103, 1.585551024798309},
        {QStringLiteral("sortino_sqrt2"), 2.088429664015157, 1.7269187938956654},
        {QStringLiteral("smart_sortino_sqrt2"), 1.7188437271156067, 1.121153881552164},
        // Sum of gains / -sum of losses (threshold 0): .13 / .10 = 1.3; .09 / .07 = 1.2857142857.
        {QStringLiteral("omega"), 1.3, 9.0 / 7.0},
        // Deepest drawdown (see the periods above): 1.0276450/1.0705574 - 1; 1.0088993/1.0401896 - 1.
        {QStringLiteral("max_drawdown"), -0.04008412, -0.030097},
        {QStringLiteral("max_dd_date"), julian(2026, 2, 4), julian(2026, 1, 30)},
        {QStringLiteral("max_dd_period_start"), julian(2026, 1, 30), julian(2026, 1, 8)},
        // Not recovered: QuantStats ends the period on the series' last day.
        {QStringLiteral("max_dd_period_end"), julian(2026, 2, 4), julian(2026, 2, 4)},
        // Longest period, calendar days from start to its last day under water, both counted:
        // strategy 01-30..02-04 = 6; benchmark 01-08..02-04 = 28.
        {QStringLiteral("longest_dd_days"), 6, 28},
        // sd x sqrt(252): 0.0212735541 x 15.874508 = 0.33770720; 0.0146322440 x 15.874508 = 0.23227967.
        {QStringLiteral("volatility"), 0.33770720135370796, 0.23227967227858354},
        // Correlation^2: cov = sum of (r - 0.0023077)(b - 0.0015385) / 12 = 0.00165384615 / 12 =
        // 0.000137820513; corr = cov / (0.0212735541 x 0.0146322440) = 0.44275439; corr^2 = 0.19603145.
        {QStringLiteral("r_squared"), 0.19603144984817894, nan},
        // mean(r - b) / sd(r - b) (not annualised): differences .03 -.02 .01 -.01 -.01 -.01 .02 .04 0 -.02
        // -.02 .01 -.01, mean .01/13 = 0.00076923, sd 0.01977437, ratio 0.03890040.
        {QStringLiteral("information_ratio"), 0.03890039662398253, nan},
        // CAGR / |max drawdown|: 0.69658028 / 0.04008412 = 17.37796109; 0.43680473 / 0.030097 = 14.5132314.
        {QStringLiteral("calmar"), 17.377961086943458, 14.51323143385432},
        // Sample skewness (pandas): n sqrt(n-1)/(n-2) x M3 / SS^1.5 with M3 the sum of cubed deviations:
        // strategy 13 x sqrt(12)/11 x 2.52426036e-05 / 0.00543076923^1.5 = 0.25821616;
        // benchmark 13 x sqrt(12)/11 x -2.19053254e-05 / 0.00256923077^1.5 = -0.68863062.
        {QStringLiteral("skew"), 0.25821615716069857, -0.6886306176080895},
        // Excess kurtosis (pandas): n(n+1)(n-1) M4 / ((n-2)(n-3) SS^2) - 3(n-1)^2/((n-2)(n-3)), M4 the sum of
        // fourth-power deviations: 13 x 14 x 12 x 4.46309513e-06 / (11 x 10 x 0.00543076923^2) - 432/110 =
        // 3.00501456 - 3.92727273 = -0.92276452; benchmark 13 x 14 x 12 x 1.31824306e-06 / (110 x
        // 0.00256923077^2) - 3.92727273 = 0.03778225.
        {QStringLiteral("kurtosis"), -0.9227645164985154, 0.03778224715511502},
        // Cumulative return / ulcer index: 0.02764503 / 0.02376782 = 1.16312843; 0.01887223 / 0.01699633.
        {QStringLiteral("ulcer_performance_index"), 1.1631284264789659, 1.1103711144222843},
        // CAGR / time in market: 0.69658028 / 0.93 = 0.74901105; 0.43680473 / 0.93 = 0.46968250.
        {QStringLiteral("risk_adjusted_return"), 0.749011051144485, 0.4696825015749631},
        // Daily mean / sd: 0.0023076923 / 0.0212735541; 0.0015384615 / 0.0146322440.
        {QStringLiteral("risk_return_ratio"), 0.10847704622470983, 0.10514187296231237},
        // Mean of the non-zero days: .03 / 12 = .0025; .02 / 12 = .0016666667.
        {QStringLiteral("avg_return"), 0.0025, 0.02 / 12},
        // Mean gain: .13 / 6 = .0216667; .09 / 7 = .0128571. Mean loss: -.10 / 6; -.07 / 5 = -.014.
        {QStringLiteral("avg_win"), 0.13 / 6, 0.09 / 7},
        {QStringLiteral("avg_loss"), -0.10 / 6, -0.014},
        // Mean gain / |mean loss|: .0216667 / .0166667 = 1.3; .0128571 / .014 = 0.91836735.
        {QStringLiteral("win_loss_ratio"), 1.3, 0.9183673469387752},
        // QuantStats' profit ratio: |mean of r >= 0 / their count| / |mean of r < 0 / their count|:
        // strategy (.13/7)/7 = .00265306 over (.10/6)/6 = .00277778 -> 0.95510204;
        // benchmark (.09/8)/8 = .00140625 over (.07/5)/5 = .0028 -> 0.50223214.
        {QStringLiteral("profit_ratio"), 0.9551020408163264, 0.5022321428571427},
        // Geometric mean: (1 + cumulative)^(1/13) - 1 = 1.02764503^(1/13) - 1 = 0.00209988;
        // 1.01887223^(1/13) - 1 = 0.00143922.
        {QStringLiteral("expected_daily"), 0.0020998787416961484, 0.0014392160603011739},
        // Over the 3 months: 1.02764503^(1/3) - 1 = 0.00913137; 1.01887223^(1/3) - 1 = 0.00625158.
        {QStringLiteral("expected_monthly"), 0.009131372918355307, 0.006251579380239347},
        // Over the 2 years: 1.02764503^(1/2) - 1 = 0.01372828; 1.01887223^(1/2) - 1 = 0.00939201.
        {QStringLiteral("expected_yearly"), 0.013728280192016662, 0.009392009677467117},
        // (payoff x p - (1 - p)) / payoff, p = wins / non-zero days: strategy p = 6/12 = .5,
        // (1.3 x .5 - .5) / 1.3 = 0.11538462; benchmark p = 7/12, (0.91836735 x 7/12 - 5/12) / 0.91836735
        // = 0.12962963.
        {QStringLiteral("kelly_criterion"), 0.15 / 1.3, 0.12962962962962957},
        // ((1 - p) / (1 + p))^n: (.5 / 1.5)^13 = 3^-13 = 6.2722547e-07; ((5/12) / (19/12))^13 = (5/19)^13.
        {QStringLiteral("risk_of_ruin"), 6.272254743863065e-07, 2.902774130390982e-08},
        // Normal VaR at 95 %: mean - 1.6448536269514722 x sd = 0.0023076923 - 0.0349919195 = -0.03268419;
        // 0.0015384615 - 0.0240679 = -0.02252944.
        {QStringLiteral("daily_var"), -0.03268419025456594, -0.022529438054413948},
        // Mean of the days below the VaR, or the VaR when there is none: strategy none below -0.0327 ->
        // -0.03268419; benchmark only -.03 -> -0.03.
        {QStringLiteral("cvar"), -0.03268419025456594, -0.03},
        // Longest run of up days (01-07..01-09 = 3; benchmark 12-30..12-31, 02-02..02-03 = 2) and of down
        // days (01-02..01-05, 01-30..02-02 = 2; benchmark none consecutive = 1).
        {QStringLiteral("max_consecutive_wins"), 3, 2},
        {QStringLiteral("max_consecutive_losses"), 2, 1},
        // Sum of returns / |sum of losses|: .03 / .10 = .3; .02 / .07 = .2857142857.
        {QStringLiteral("gain_pain_ratio"), 0.3, 2.0 / 7.0},
        // Same on monthly SUMS (not compounded): strategy Dec .04, Jan .02, Feb -.01 -> .03 / .01 = 3;
        // benchmark Dec .02, Jan -.01, Feb .01 -> .02 / .01 = 2.
        {QStringLiteral("gain_pain_1m"), 3.0, 2.0},
        {QStringLiteral("payoff_ratio"), 1.3, 0.9183673469387752},
        // Sum of r >= 0 / |sum of r < 0|: .13 / .10; .09 / .07.
        {QStringLiteral("profit_factor"), 1.3, 9.0 / 7.0},
        // Profit factor x tail ratio: 1.3 x 1.41666667 = 1.84166667; 1.28571429 x 1.11111111 = 1.42857143.
        {QStringLiteral("common_sense_ratio"), 1.3 * 0.034 / 0.024, 9.0 / 7.0 * 0.02 / 0.018},
        // Profit factor x win rate x payoff: 1.3 x .5 x 1.3 = .845; 1.28571429 x 7/12 x 0.91836735 =
        // 0.68877551.
        {QStringLiteral("cpc_index"), 0.845, 0.6887755102040813},
        // |95th percentile / 5th percentile|: position 0.95 x 12 = 11.4 -> .03 + .4 x (.04 - .03) = .034,
        // position 0.6 -> -.03 + .6 x (-.02 + .03) = -.024, .034 / .024 = 1.41666667; benchmark 11.4 -> .02,
        // 0.6 -> -.03 + .6 x .02 = -.018, .02 / .018 = 1.11111111.
        {QStringLiteral("tail_ratio"), 0.034 / 0.024, 0.02 / 0.018},
        // 99th percentile / mean of r >= 0: position 11.88 -> .03 + .88 x .01 = .0388, mean .13/7 =
        // .0185714, ratio 2.08923077; benchmark .02 / (.09/8 = .01125) = 1.77777778.
        {QStringLiteral("outlier_win_ratio"), 0.0388 / (0.13 / 7), 0.02 / 0.01125},
        // 1st percentile / mean of r < 0: position 0.12 -> -.03 + .12 x .01 = -.0288, over -.10/6 = 1.728;
        // benchmark -.03 + .12 x .02 = -.0276, over -.014 = 1.97142857.
        {QStringLiteral("outlier_loss_ratio"), 1.728, 0.0276 / 0.014},
        // Trailing periods ending on the last day, 2026-02-04. MTD = February: .99 x 1.02 x .98 - 1 =
        // -.010396; benchmark 1.01 x 1.01 x .99 - 1 = .009899.
        {QStringLiteral("mtd"), -0.010396, 0.009899},
        // 3M, 6M and 1Y start on or before the first day: the cumulative return.
        {QStringLiteral("three_month"), 0.02764502606106367, 0.018872229200715962},
        {QStringLiteral("six_month"), 0.02764502606106367, 0.018872229200715962},
        // YTD = the 2026 days: -0.01196909; -0.00100576.
        {QStringLiteral("ytd"), -0.011969085427794512, -0.0010057582221794092},
        {QStringLiteral("one_year"), 0.02764502606106367, 0.018872229200715962},
        // 3Y (35 months back), 5Y (59 months), 10Y and all-time all cover the whole series: the CAGR.
        {QStringLiteral("three_year_ann"), 0.696580277564371, 0.4368047264647157},
        {QStringLiteral("five_year_ann"), 0.696580277564371, 0.4368047264647157},
        {QStringLiteral("ten_year_ann"), 0.696580277564371, 0.4368047264647157},
        {QStringLiteral("all_time_ann"), 0.696580277564371, 0.4368047264647157},
        {QStringLiteral("best_day"), 0.04, 0.02},
        {QStringLiteral("worst_day"), -0.03, -0.03},
        // Months: strategy +.040094 -.001590 -.010396; benchmark +.019898 -.010798 +.009899.
        {QStringLiteral("best_month"), 0.040094, 0.019898},
        {QStringLiteral("worst_month"), -0.010396, -0.010797870106},
        // Years: strategy 2025 +.040094, 2026 -.011969; benchmark 2025 +.019898, 2026 -.001006.
        {QStringLiteral("best_year"), 0.040094, 0.019898},
        {QStringLiteral("worst_year"), -0.011969085427794512, -0.0010057582221794092},
        // Mean depth of the periods: (-.01 - .0298 - .04008412) / 3 = -.02662804;
        // (-.01 - .01 - .030097) / 3 = -.016699.
        {QStringLiteral("avg_drawdown"), -0.02662804, -0.016699},
        // Mean days, rounded to a whole day as QuantStats prints it: (1 + 5 + 6) / 3 = 4; (2 + 5 + 28) / 3
        // = 11.67 -> 12.
        {QStringLiteral("avg_drawdown_days"), 4, 12},
        // |sum of returns| / |max drawdown|: .03 / .04008412 = 0.74842606; .02 / .030097 = 0.66451806.
        {QStringLiteral("recovery_factor"), 0.03 / 0.04008412, 0.02 / 0.030097},
        // sqrt(sum of squared drawdowns / (n - 1)): strategy squares .0001 + .0004 + .00088804 x 2 + .0009 +
        // .00157609 + .00042000 + .00160674 = 0.00677891, / 12, sqrt = 0.02376782; benchmark 0.00346650 / 12,
        // sqrt = 0.01699633.
        {QStringLiteral("ulcer_index"), 0.023767819126174206, 0.01699632578296582},
        // Sum of returns / (ulcer x pitfall), pitfall = -cVaR(drawdowns) / sd(returns): the drawdown curve's
        // VaR is mean - 1.6448536 sd = -0.01691370 - 1.6448536 x 0.01596861 = -0.04317973 with no day below
        // it, so cVaR = -0.04317973; pitfall = 0.04317973 / 0.02127355 = 2.02975; .03 / (0.02376782 x
        // 2.02975) = 0.62185923. Benchmark: VaR = -0.01246868 - 1.6448536 x 0.01097504 = -0.03052101,
        // pitfall = 0.03052101 / 0.01463224 = 2.08587, .02 / (0.01699633 x 2.08587) = 0.56414013.
        {QStringLiteral("serenity_index"), 0.6218592297290338, 0.5641401293047352},
        // Mean of the up months / down months: strategy +.040094; (-.001589611 - .010396) / 2 = -.00599281;
        // benchmark (.019898 + .009899) / 2 = .0148985; -.010797870.
        {QStringLiteral("avg_up_month"), 0.040094, 0.0148985},
        {QStringLiteral("avg_down_month"), -0.005992805512, -0.010797870106},
        // Up periods / non-flat periods: days 6/12, 7/12; months 1/3, 2/3; quarters and years 1/2.
        {QStringLiteral("win_rate_day"), 0.5, 7.0 / 12.0},
        {QStringLiteral("win_rate_month"), 1.0 / 3.0, 2.0 / 3.0},
        {QStringLiteral("win_rate_quarter"), 0.5, 0.5},
        {QStringLiteral("win_rate_year"), 0.5, 0.5},
        // cov / var(b) = 0.000137820513 / 0.000214102564 = 0.64371257 (= .0016538462 / .0025692308).
        {QStringLiteral("beta"), 0.6437125748502992, nan},
        // (mean r - beta mean b) x 252 = (0.0023076923 - 0.64371257 x 0.0015384615) x 252 = 0.33197605.
        {QStringLiteral("alpha"), 0.3319760479041917, nan},
        {QStringLiteral("correlation"), 0.4427543899818261, nan},
        // Cumulative return / beta: 0.02764503 / 0.64371257 = 0.04294623.
        {QStringLiteral("treynor_ratio"), 0.042946226532071016, nan},
    };
    return rows;
}

} // namespace strata::handcomputed
