#include "analytics/MetricCalculator.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analytics/BenchmarkRelative.h"
#include "analytics/DailyTally.h"
#include "analytics/DrawdownPeriod.h"
#include "analytics/MetricDefinition.h"
#include "analytics/PeriodReturns.h"
#include "analytics/ReturnMoments.h"
#include "analytics/TailRisk.h"
#include "analytics/UnderwaterCurve.h"

namespace strata {

namespace metric_calculator_detail {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

/// a / b, NaN when b is 0 or either is not a number (a metric never divides by zero).
double quotient(double a, double b)
{
    if (b == 0 || std::isnan(a) || std::isnan(b))
        return kNoValue;
    return a / b;
}

double average(double sum, qsizetype count)
{
    return count == 0 ? kNoValue : sum / static_cast<double>(count);
}

/// What every section of the table reads: the cleaned series and the figures several sections share.
struct Inputs
{
    ReturnSeries series; ///< non-finite returns replaced by 0, as QuantStats fills them
    const QList<double>& r() const { return series.ret; }
    qsizetype n = 0;
    ReturnMoments moments;
    DailyTally tally;
    PeriodReturns periods;
    double cumulative = kNoValue;
    double cagr = kNoValue;
    double timeInMarket = kNoValue;
    MetricColumn* column = nullptr;

    void set(const char* key, double value) const { column->values.insert(QString::fromLatin1(key), value); }
};

void addReturns(const Inputs& in)
{
    const double n = static_cast<double>(in.n);
    in.set("start_period", static_cast<double>(in.series.day.constFirst().toJulianDay()));
    in.set("end_period", static_cast<double>(in.series.day.constLast().toJulianDay()));
    in.set("time_in_market", in.timeInMarket);
    in.set("cumulative_return", in.cumulative);
    in.set("cagr", in.cagr);
    // Geometric means of the days, months and years: the periods' product is the whole product.
    const double growth = 1.0 + in.cumulative;
    in.set("expected_daily", std::pow(growth, 1.0 / n) - 1.0);
    in.set("expected_monthly", std::pow(growth, 1.0 / static_cast<double>(in.periods.months.size())) - 1.0);
    in.set("expected_yearly", std::pow(growth, 1.0 / static_cast<double>(in.periods.years.size())) - 1.0);
}

void addRatios(const Inputs& in)
{
    const ReturnMoments& m = in.moments;
    const double annualise = std::sqrt(MetricCalculator::kPeriodsPerYear);
    const double dailySharpe = quotient(m.mean, m.stddev);
    const double penalty = ReturnMoments::autocorrelationPenalty(in.r());
    const double downside = std::sqrt(in.tally.downSquares / static_cast<double>(in.n));
    const double sortino = quotient(m.mean, downside) * annualise;
    const double smartSortino = quotient(m.mean, downside * penalty) * annualise;
    in.set("sharpe", dailySharpe * annualise);
    in.set("smart_sharpe", quotient(m.mean, m.stddev * penalty) * annualise);
    in.set("sortino", sortino);
    in.set("smart_sortino", smartSortino);
    in.set("sortino_sqrt2", sortino / std::sqrt(2.0));
    in.set("smart_sortino_sqrt2", smartSortino / std::sqrt(2.0));
    // Probabilistic Sharpe ratio against 0, QuantStats' variance of the daily Sharpe (it subtracts 3 from
    // a kurtosis that is already in excess of 3).
    const double sr = dailySharpe;
    const double spread =
        (1 + 0.5 * sr * sr - m.skew * sr + (m.kurtosis - 3) / 4 * sr * sr) / static_cast<double>(in.n - 1);
    in.set("prob_sharpe_ratio", spread > 0 ? TailRisk::normalCdf(sr / std::sqrt(spread)) : kNoValue);
    in.set("omega", in.n < 2 ? kNoValue : quotient(in.tally.gains, -in.tally.losses));
    in.set("volatility", m.stddev * annualise);
    in.set("skew", m.skew);
    in.set("kurtosis", m.kurtosis);
    in.set("risk_adjusted_return", quotient(in.cagr, in.timeInMarket));
    in.set("risk_return_ratio", dailySharpe);
    in.set("gain_pain_ratio", quotient(m.sum, std::fabs(in.tally.losses)));
    double monthlyPain = 0;
    for (const double s : in.periods.monthSums)
        monthlyPain += s < 0 ? s : 0;
    in.set("gain_pain_1m", quotient(m.sum, std::fabs(monthlyPain)));
}

void addWinsAndLosses(const Inputs& in)
{
    const DailyTally& t = in.tally;
    const double winRate = t.winRate();
    const double avgWin = average(t.gains, t.up);
    const double avgLoss = average(t.losses, t.down);
    const double payoff = quotient(avgWin, std::fabs(avgLoss));
    in.set("avg_return", average(t.gains + t.losses, t.nonZero()));
    in.set("avg_win", avgWin);
    in.set("avg_loss", avgLoss);
    in.set("win_loss_ratio", payoff);
    in.set("payoff_ratio", payoff);
    // QuantStats' profit ratio: days at or above 0 against days below, each mean over its count.
    const qsizetype atOrAbove = t.up + t.flat;
    const double profitRatio = atOrAbove == 0 ? 0.0
                               : t.down == 0
                                   ? kNoValue
                                   : quotient(std::fabs(average(t.gains, atOrAbove) / double(atOrAbove)),
                                              std::fabs(average(t.losses, t.down) / double(t.down)));
    in.set("profit_ratio", profitRatio);
    const double profitFactor = quotient(t.gains, std::fabs(t.losses));
    QList<double> scratch = in.r();
    const double q99 = TailRisk::quantile(scratch, 0.99);
    const double q95 = TailRisk::quantile(scratch, 0.95);
    const double q05 = TailRisk::quantile(scratch, 0.05);
    const double q01 = TailRisk::quantile(scratch, 0.01);
    const double tail = std::fabs(quotient(q95, q05));
    in.set("profit_factor", profitFactor);
    in.set("tail_ratio", tail);
    in.set("common_sense_ratio", profitFactor * tail);
    in.set("cpc_index", profitFactor * winRate * payoff);
    in.set("outlier_win_ratio", quotient(q99, average(t.gains, atOrAbove)));
    in.set("outlier_loss_ratio", quotient(q01, avgLoss));
    in.set("kelly_criterion", quotient(payoff * winRate - (1 - winRate), payoff));
    in.set("risk_of_ruin", std::pow((1 - winRate) / (1 + winRate), static_cast<double>(in.n)));
    const double var = TailRisk::valueAtRisk(in.moments.mean, in.moments.stddev);
    in.set("daily_var", -std::fabs(var));
    in.set("cvar", -std::fabs(TailRisk::conditionalValueAtRisk(in.r(), var)));
    in.set("max_consecutive_wins", t.longestUpRun);
    in.set("max_consecutive_losses", t.longestDownRun);
    in.set("best_day", t.best);
    in.set("worst_day", t.worst);
}

void addDrawdowns(const Inputs& in)
{
    const QList<DrawdownPeriod> periods = DrawdownPeriod::all(in.series);
    double maxDrawdown = 0;
    const DrawdownPeriod* deepest = nullptr;
    double depthSum = 0;
    double daysSum = 0;
    int longest = 0;
    for (const DrawdownPeriod& p : periods) {
        if (!deepest || p.depth < deepest->depth)
            deepest = &p;
        depthSum += p.depth;
        daysSum += p.days;
        longest = std::max(longest, p.days);
    }
    if (deepest) {
        maxDrawdown = deepest->depth;
        in.set("max_dd_date", static_cast<double>(deepest->valley.toJulianDay()));
        in.set("max_dd_period_start", static_cast<double>(deepest->start.toJulianDay()));
        // QuantStats ends the period on its last day under water: the day before the recovery, or the
        // series' last day.
        QDate last = in.series.day.constLast();
        if (deepest->recovered())
            last = in.series.day.at(PeriodReturns::firstOnOrAfter(in.series.day, deepest->end) - 1);
        in.set("max_dd_period_end", static_cast<double>(last.toJulianDay()));
    }
    const qsizetype count = periods.size();
    in.set("max_drawdown", maxDrawdown);
    in.set("longest_dd_days", longest);
    in.set("avg_drawdown", average(depthSum, count));
    in.set("avg_drawdown_days", std::nearbyint(average(daysSum, count))); // rounded half to even, as numpy
    in.set("calmar", quotient(in.cagr, std::fabs(maxDrawdown)));
    in.set("recovery_factor", quotient(std::fabs(in.moments.sum), std::fabs(maxDrawdown)));

    const QList<double> curve = UnderwaterCurve::of(in.r());
    double squares = 0;
    for (const double d : curve)
        squares += d * d;
    const double ulcer = in.n < 2 ? kNoValue : std::sqrt(squares / static_cast<double>(in.n - 1));
    in.set("ulcer_index", ulcer);
    in.set("ulcer_performance_index", quotient(in.cumulative, ulcer));
    // Serenity: the sum of returns over (ulcer index × pitfall), pitfall = -cVaR of the drawdown curve
    // over the returns' standard deviation.
    const ReturnMoments underwater = ReturnMoments::of(curve);
    const double curveVar = TailRisk::valueAtRisk(underwater.mean, underwater.stddev);
    const double pitfall = quotient(-TailRisk::conditionalValueAtRisk(curve, curveVar), in.moments.stddev);
    in.set("serenity_index", quotient(in.moments.sum, ulcer * pitfall));
}

void addPeriods(const Inputs& in, const QDate& asOf)
{
    const QList<QDate>& days = in.series.day;
    const QDate end = asOf.isValid() ? asOf : days.constLast();
    const qsizetype to = PeriodReturns::firstOnOrAfter(days, end.addDays(1));
    auto from = [&](const QDate& d) { return PeriodReturns::firstOnOrAfter(days, d); };
    auto trailing = [&](const QDate& d) { return PeriodReturns::compounded(in.r(), from(d), to); };
    auto annualised = [&](const QDate& d) {
        return PeriodReturns::annualised(in.r(), from(d), to, MetricCalculator::kPeriodsPerYear);
    };
    in.set("mtd", trailing(QDate(end.year(), end.month(), 1)));
    in.set("three_month", trailing(end.addMonths(-3)));
    in.set("six_month", trailing(end.addMonths(-6)));
    in.set("ytd", trailing(QDate(end.year(), 1, 1)));
    in.set("one_year", trailing(end.addYears(-1)));
    in.set("three_year_ann", annualised(end.addMonths(-35))); // QuantStats looks back 35 months
    in.set("five_year_ann", annualised(end.addMonths(-59)));  // and 59 for five years
    in.set("ten_year_ann", annualised(end.addYears(-10)));
    in.set("all_time_ann", PeriodReturns::annualised(in.r(), 0, to, MetricCalculator::kPeriodsPerYear));

    const PeriodReturns& p = in.periods;
    in.set("best_month", PeriodReturns::best(p.months));
    in.set("worst_month", PeriodReturns::worst(p.months));
    in.set("best_year", PeriodReturns::best(p.years));
    in.set("worst_year", PeriodReturns::worst(p.years));
    in.set("avg_up_month", PeriodReturns::average(p.months, true));
    in.set("avg_down_month", PeriodReturns::average(p.months, false));
    in.set("win_rate_day", in.tally.winRate());
    in.set("win_rate_month", PeriodReturns::winRate(p.months));
    in.set("win_rate_quarter", PeriodReturns::winRate(p.quarters));
    in.set("win_rate_year", PeriodReturns::winRate(p.years));
}

void addBenchmark(const Inputs& in, const ReturnSeries& benchmark)
{
    const BenchmarkRelative rel = BenchmarkRelative::of(in.r(), in.series.alignedFrom(benchmark),
                                                        in.cumulative, MetricCalculator::kPeriodsPerYear);
    in.set("beta", rel.beta);
    in.set("alpha", rel.alpha);
    in.set("correlation", rel.correlation);
    in.set("r_squared", rel.rSquared);
    in.set("information_ratio", rel.informationRatio);
    in.set("treynor_ratio", rel.treynor);
}

} // namespace metric_calculator_detail

MetricColumn MetricCalculator::compute(const QString& title, const ReturnSeries& returns,
                                       const ReturnSeries* benchmark, const QDate& asOf)
{
    using namespace metric_calculator_detail;
    MetricColumn column;
    column.title = title;
    for (const MetricDefinition& d : MetricDefinition::all())
        column.values.insert(d.key, kNoValue);
    const qsizetype n = std::min(returns.day.size(), returns.ret.size());
    if (n == 0)
        return column;

    Inputs in;
    in.column = &column;
    in.n = n;
    in.series.label = returns.label;
    // The lists are shared, not copied, unless a return has to be replaced.
    in.series.day = n == returns.day.size() ? returns.day : returns.day.first(n);
    in.series.ret = n == returns.ret.size() ? returns.ret : returns.ret.first(n);
    if (!std::all_of(in.series.ret.cbegin(), in.series.ret.cend(), [](double r) { return std::isfinite(r); }))
        for (double& r : in.series.ret)
            r = std::isfinite(r) ? r : 0.0;
    in.moments = ReturnMoments::of(in.r());
    in.tally = DailyTally::of(in.r());
    in.periods = PeriodReturns::of(in.series.day, in.r());
    in.cumulative = PeriodReturns::compounded(in.r(), 0, n);
    in.cagr = PeriodReturns::annualised(in.r(), 0, n, kPeriodsPerYear);
    // Days that moved over all days, rounded up to a whole percent (QuantStats' exposure).
    in.timeInMarket = std::ceil(static_cast<double>(in.tally.nonZero()) / static_cast<double>(n) * 100) / 100;

    addReturns(in);
    addRatios(in);
    addWinsAndLosses(in);
    addDrawdowns(in);
    addPeriods(in, asOf);
    if (benchmark && !benchmark->isEmpty())
        addBenchmark(in, *benchmark);
    return column;
}

} // namespace strata
