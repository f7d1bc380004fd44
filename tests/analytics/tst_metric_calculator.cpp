// The metric table (MetricCalculator), its rolling risk (RollingRisk) and the return series it reads
// (ReturnSeries) against values computed by hand: the small series of HandComputedSeries.h for every metric,
// and a few tiny series for the edges (no day, one day, returns that never move, no losing day).

#include <cmath>

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include "HandComputedSeries.h"
#include "analytics/MetricCalculator.h"
#include "analytics/MetricDefinition.h"
#include "analytics/ReturnSeries.h"
#include "analytics/RollingRisk.h"
#include "strategy/Tearsheet.h"

using namespace strata;

namespace {

bool close(double actual, double expected, double relative = 1e-9, double absolute = 1e-15)
{
    if (std::isnan(expected))
        return std::isnan(actual);
    return std::fabs(actual - expected) <= std::max(absolute, relative * std::fabs(expected));
}

#define CHECK_CLOSE(actual, expected)                                                                        \
    QVERIFY2(close((actual), (expected)), qPrintable(QStringLiteral("%1 = %2, expected %3")                  \
                                                         .arg(QStringLiteral(#actual))                       \
                                                         .arg((actual), 0, 'g', 17)                          \
                                                         .arg((expected), 0, 'g', 17)))

ReturnSeries series(const QList<QDate>& days, const QList<double>& returns)
{
    ReturnSeries s;
    s.label = QStringLiteral("test");
    s.day = days;
    s.ret = returns;
    return s;
}

QList<QDate> weekdaysFrom(const QDate& first, int count)
{
    QList<QDate> days;
    for (QDate d = first; days.size() < count; d = d.addDays(1))
        if (d.dayOfWeek() <= 5)
            days.append(d);
    return days;
}

} // namespace

class TestMetricCalculator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMetricOfTheHandComputedSeries();
    void tableCoversEveryDefinition();
    void trailingPeriodsEndOnAsOf();
    void noDayGivesNoValue();
    void oneLosingDay();
    void returnsThatNeverMove();
    void noLosingDay();
    void bigReturnsStayReturns();
    void benchmarkMissingDaysCountAsFlat();
    void rollingVolatilityAndBeta();
    void returnSeriesPreparation();
};

void TestMetricCalculator::everyMetricOfTheHandComputedSeries()
{
    const ReturnSeries strategy = handcomputed::strategySeries();
    const ReturnSeries benchmark = handcomputed::benchmarkSeries();
    const MetricColumn s = MetricCalculator::compute(QStringLiteral("Strategy"), strategy, &benchmark);
    const MetricColumn b = MetricCalculator::compute(QStringLiteral("Benchmark"), benchmark);
    QCOMPARE(s.title, QStringLiteral("Strategy"));
    for (const handcomputed::ExpectedMetric& row : handcomputed::expectedMetrics()) {
        QVERIFY2(s.values.contains(row.key), qPrintable(row.key));
        QVERIFY2(close(s.value(row.key), row.strategy),
                 qPrintable(QStringLiteral("strategy %1 = %2, expected %3")
                                .arg(row.key)
                                .arg(s.value(row.key), 0, 'g', 17)
                                .arg(row.strategy, 0, 'g', 17)));
        QVERIFY2(close(b.value(row.key), row.benchmark),
                 qPrintable(QStringLiteral("benchmark %1 = %2, expected %3")
                                .arg(row.key)
                                .arg(b.value(row.key), 0, 'g', 17)
                                .arg(row.benchmark, 0, 'g', 17)));
    }
}

void TestMetricCalculator::tableCoversEveryDefinition()
{
    QSet<QString> expected;
    for (const handcomputed::ExpectedMetric& row : handcomputed::expectedMetrics())
        expected.insert(row.key);
    QSet<QString> keys;
    QSet<QString> benchmarkKeys;
    const QRegularExpression snake(QStringLiteral("^[a-z][a-z0-9]*(_[a-z0-9]+)*$"));
    for (const MetricDefinition& d : MetricDefinition::all()) {
        QVERIFY2(snake.match(d.key).hasMatch(), qPrintable(d.key));
        QVERIFY2(!keys.contains(d.key), qPrintable(d.key));
        keys.insert(d.key);
        QVERIFY2(expected.contains(d.key), qPrintable(d.key + QStringLiteral(" has no hand-computed value")));
        QVERIFY(!d.label.isEmpty());
        QVERIFY(!d.section.isEmpty());
        QCOMPARE(MetricDefinition::find(d.key), &d);
        if (d.needsBenchmark)
            benchmarkKeys.insert(d.key);
    }
    QCOMPARE(keys, expected);
    QCOMPARE(benchmarkKeys, (QSet<QString>{"beta", "alpha", "correlation", "r_squared", "information_ratio",
                                           "treynor_ratio"}));
    QCOMPARE(MetricDefinition::find(QStringLiteral("no_such_metric")), nullptr);
    QCOMPARE(MetricDefinition::find(QStringLiteral("cagr"))->unit, MetricDefinition::Unit::Percent);
    QCOMPARE(MetricDefinition::find(QStringLiteral("max_dd_date"))->unit, MetricDefinition::Unit::Date);
}

void TestMetricCalculator::trailingPeriodsEndOnAsOf()
{
    const ReturnSeries strategy = handcomputed::strategySeries();
    // As of Friday 2026-01-09: the month and the year so far are 01-02..01-09,
    // .98 x .99 x 1 x 1.04 x 1.01 x 1.01 - 1 = 1.0292890608 - 1. Three months back (2025-10-09) and every
    // longer look-back start before the first day: the nine days to 01-09, 1.040094 x 1.0292890608 - 1 =
    // 0.0705573764037. Annualised over 9 days (9/252 of a year): 1.0705573764037^28 - 1 = 5.74650039500918.
    const MetricColumn c =
        MetricCalculator::compute(QStringLiteral("Strategy"), strategy, nullptr, QDate(2026, 1, 9));
    CHECK_CLOSE(c.value(QStringLiteral("mtd")), 0.0292890608);
    CHECK_CLOSE(c.value(QStringLiteral("ytd")), 0.0292890608);
    CHECK_CLOSE(c.value(QStringLiteral("three_month")), 0.07055737640371529);
    CHECK_CLOSE(c.value(QStringLiteral("one_year")), 0.07055737640371529);
    CHECK_CLOSE(c.value(QStringLiteral("three_year_ann")), 5.74650039500918);
    CHECK_CLOSE(c.value(QStringLiteral("all_time_ann")), 5.74650039500918);
    // The whole-series figures do not depend on asOf.
    CHECK_CLOSE(c.value(QStringLiteral("cumulative_return")), 0.02764502606106367);

    // As of 2026-03-15: no day in March, so MTD is not defined; three months back (2025-12-15) is before
    // the first day, so 3M is the whole series.
    const MetricColumn later =
        MetricCalculator::compute(QStringLiteral("Strategy"), strategy, nullptr, QDate(2026, 3, 15));
    QVERIFY(std::isnan(later.value(QStringLiteral("mtd"))));
    CHECK_CLOSE(later.value(QStringLiteral("three_month")), 0.02764502606106367);
    // As of 2026-07-31 six months back is 2026-01-31, so 6M holds the three February days:
    // .99 x 1.02 x .98 - 1 = -.010396.
    const MetricColumn july =
        MetricCalculator::compute(QStringLiteral("Strategy"), strategy, nullptr, QDate(2026, 7, 31));
    CHECK_CLOSE(july.value(QStringLiteral("six_month")), -0.010396);
}

void TestMetricCalculator::noDayGivesNoValue()
{
    const ReturnSeries empty;
    const MetricColumn c = MetricCalculator::compute(QStringLiteral("Strategy"), empty, &empty);
    QCOMPARE(c.values.size(), MetricDefinition::all().size());
    for (const MetricDefinition& d : MetricDefinition::all())
        QVERIFY2(std::isnan(c.value(d.key)), qPrintable(d.key));
}

void TestMetricCalculator::oneLosingDay()
{
    // One day of -1 %: cumulative -0.01; CAGR 0.99^252 - 1; the drawdown is that day (-1 %, 1 day, not
    // recovered); every figure needing a spread (Sharpe, volatility, skew, ulcer index: n - 1 = 0) is NaN.
    const ReturnSeries one = series({QDate(2026, 3, 2)}, {-0.01});
    const MetricColumn c = MetricCalculator::compute(QStringLiteral("Strategy"), one, &one);
    CHECK_CLOSE(c.value(QStringLiteral("start_period")), double(QDate(2026, 3, 2).toJulianDay()));
    CHECK_CLOSE(c.value(QStringLiteral("end_period")), double(QDate(2026, 3, 2).toJulianDay()));
    CHECK_CLOSE(c.value(QStringLiteral("cumulative_return")), -0.01);
    CHECK_CLOSE(c.value(QStringLiteral("cagr")), std::pow(0.99, 252) - 1);
    CHECK_CLOSE(c.value(QStringLiteral("time_in_market")), 1.0);
    CHECK_CLOSE(c.value(QStringLiteral("max_drawdown")), -0.01);
    CHECK_CLOSE(c.value(QStringLiteral("longest_dd_days")), 1.0);
    CHECK_CLOSE(c.value(QStringLiteral("max_dd_period_end")), double(QDate(2026, 3, 2).toJulianDay()));
    // Sortino: mean / sqrt(.0001 / 1) x sqrt(252) = -.01 / .01 x 15.8745 = -sqrt(252).
    CHECK_CLOSE(c.value(QStringLiteral("sortino")), -std::sqrt(252.0));
    // No gain: profit factor 0 / .01 = 0; win rate 0 up of 1 moved = 0; risk of ruin (1/1)^1 = 1.
    CHECK_CLOSE(c.value(QStringLiteral("profit_factor")), 0.0);
    CHECK_CLOSE(c.value(QStringLiteral("win_rate_day")), 0.0);
    CHECK_CLOSE(c.value(QStringLiteral("risk_of_ruin")), 1.0);
    for (const char* key : {"sharpe", "volatility", "skew", "kurtosis", "ulcer_index", "omega", "daily_var",
                            "prob_sharpe_ratio", "smart_sharpe", "beta", "correlation", "serenity_index"})
        QVERIFY2(std::isnan(c.value(QString::fromLatin1(key))), key);
    for (const MetricDefinition& d : MetricDefinition::all())
        QVERIFY2(!std::isinf(c.value(d.key)), qPrintable(d.key));
}

void TestMetricCalculator::returnsThatNeverMove()
{
    // Five flat days: nothing was won or lost, no spread, no drawdown.
    const ReturnSeries flat = series(weekdaysFrom(QDate(2026, 3, 2), 5), {0, 0, 0, 0, 0});
    const MetricColumn c = MetricCalculator::compute(QStringLiteral("Strategy"), flat, &flat);
    for (const char* key : {"time_in_market", "cumulative_return", "cagr", "volatility", "max_drawdown",
                            "longest_dd_days", "expected_daily", "ulcer_index", "max_consecutive_wins",
                            "max_consecutive_losses", "best_day", "worst_day", "mtd", "skew", "kurtosis"})
        QVERIFY2(c.value(QString::fromLatin1(key)) == 0,
                 key); // pandas: skew and kurtosis of a constant are 0
    for (const char* key : {"sharpe",
                            "sortino",
                            "omega",
                            "profit_factor",
                            "payoff_ratio",
                            "win_rate_day",
                            "win_rate_month",
                            "kelly_criterion",
                            "risk_of_ruin",
                            "daily_var",
                            "cvar",
                            "tail_ratio",
                            "calmar",
                            "recovery_factor",
                            "ulcer_performance_index",
                            "serenity_index",
                            "avg_drawdown",
                            "avg_drawdown_days",
                            "gain_pain_ratio",
                            "risk_adjusted_return",
                            "beta",
                            "alpha",
                            "correlation",
                            "information_ratio",
                            "treynor_ratio"})
        QVERIFY2(std::isnan(c.value(QString::fromLatin1(key))), key);
    for (const MetricDefinition& d : MetricDefinition::all())
        QVERIFY2(!std::isinf(c.value(d.key)), qPrintable(d.key));
}

void TestMetricCalculator::noLosingDay()
{
    // .01 .02 .01 .03: no loss, so every ratio over losses is NaN rather than infinite.
    const ReturnSeries up = series(weekdaysFrom(QDate(2026, 3, 2), 4), {0.01, 0.02, 0.01, 0.03});
    const MetricColumn c = MetricCalculator::compute(QStringLiteral("Strategy"), up);
    for (const char* key :
         {"profit_factor", "payoff_ratio", "win_loss_ratio", "omega", "gain_pain_ratio", "sortino",
          "kelly_criterion", "cpc_index", "avg_loss", "calmar", "recovery_factor", "profit_ratio",
          "outlier_loss_ratio", "avg_drawdown", "avg_down_month"})
        QVERIFY2(std::isnan(c.value(QString::fromLatin1(key))), key);
    CHECK_CLOSE(c.value(QStringLiteral("max_drawdown")), 0.0);
    CHECK_CLOSE(c.value(QStringLiteral("win_rate_day")), 1.0);
    CHECK_CLOSE(c.value(QStringLiteral("risk_of_ruin")), 0.0); // ((1 - 1) / 2)^4
    CHECK_CLOSE(c.value(QStringLiteral("max_consecutive_wins")), 4.0);
    // 1.01 x 1.02 = 1.0302, x 1.01 = 1.040502, x 1.03 = 1.07171706: 0.07171706
    CHECK_CLOSE(c.value(QStringLiteral("cumulative_return")), 0.07171706);
    for (const MetricDefinition& d : MetricDefinition::all())
        QVERIFY2(!std::isinf(c.value(d.key)), qPrintable(d.key));
}

void TestMetricCalculator::bigReturnsStayReturns()
{
    // 0 then +150 %: QuantStats would take these for prices (all >= 0, one above 1); they are returns here.
    // Cumulative 1 x 2.5 - 1 = 1.5; best day 1.5; no drawdown.
    const ReturnSeries big = series({QDate(2026, 3, 2), QDate(2026, 3, 3)}, {0.0, 1.5});
    const MetricColumn c = MetricCalculator::compute(QStringLiteral("Strategy"), big);
    CHECK_CLOSE(c.value(QStringLiteral("cumulative_return")), 1.5);
    CHECK_CLOSE(c.value(QStringLiteral("best_day")), 1.5);
    CHECK_CLOSE(c.value(QStringLiteral("max_drawdown")), 0.0);
}

void TestMetricCalculator::benchmarkMissingDaysCountAsFlat()
{
    // Strategy .01 .02 -.01 on Mon-Wed; the benchmark has Mon .02, Wed .01 and a Thursday the strategy does
    // not have: aligned it is .02 0 .01. Means .02/3 and .01; deviations r (.00333 .01333 -.01667),
    // b (.01 -.01 0); cov = (.0000333 - .0001333 + 0) / 2 = -.00005; var b = .0002 / 2 = .0001;
    // beta = -.5; alpha = (.0066667 + .5 x .01) x 252 = 2.94; var r = .00046667 / 2, sd r = .01527525;
    // correlation = -.00005 / (.01527525 x .01) = -0.32732684.
    const ReturnSeries strategy = series(weekdaysFrom(QDate(2026, 3, 2), 3), {0.01, 0.02, -0.01});
    const ReturnSeries benchmark =
        series({QDate(2026, 3, 2), QDate(2026, 3, 4), QDate(2026, 3, 5)}, {0.02, 0.01, 0.05});
    const MetricColumn c = MetricCalculator::compute(QStringLiteral("Strategy"), strategy, &benchmark);
    CHECK_CLOSE(c.value(QStringLiteral("beta")), -0.5);
    CHECK_CLOSE(c.value(QStringLiteral("alpha")), 2.94);
    CHECK_CLOSE(c.value(QStringLiteral("correlation")),
                -0.00005 / (std::sqrt(0.00046666666666666666 / 2) * 0.01));
    // Treynor: cumulative 1.01 x 1.02 x .99 - 1 = .019898 over beta -.5 = -.039796.
    CHECK_CLOSE(c.value(QStringLiteral("treynor_ratio")), -0.039796);
}

void TestMetricCalculator::rollingVolatilityAndBeta()
{
    const ReturnSeries s = handcomputed::strategySeries();
    const ReturnSeries b = handcomputed::benchmarkSeries();
    const QList<double> vol = RollingRisk::volatility(s.ret, 3);
    const QList<double> beta = RollingRisk::beta(s.ret, b.ret, 3);
    QCOMPARE(vol.size(), s.size());
    QCOMPARE(beta.size(), s.size());
    // NaN until three days are in the window.
    QVERIFY(std::isnan(vol.at(0)) && std::isnan(vol.at(1)) && std::isnan(beta.at(0)) &&
            std::isnan(beta.at(1)));
    // 12-31: .02 -.01 .03, mean .0133333, squared deviations .0000444 + .0005444 + .0002778 = .00086667,
    // variance / 2 = .00043333, x 252 = .1092, sqrt = 0.33045423.
    CHECK_CLOSE(vol.at(2), std::sqrt(0.00086666666666666667 / 2 * 252));
    // 01-02: -.01 .03 -.02, mean 0, squares .0001 + .0009 + .0004 = .0014, / 2 = .0007, x 252 = .1764 -> .42.
    CHECK_CLOSE(vol.at(3), 0.42);
    // 01-06: -.02 -.01 0, mean -.01, squares .0002, / 2 = .0001 -> .01 x sqrt(252) = 0.15874508.
    CHECK_CLOSE(vol.at(5), 0.01 * std::sqrt(252.0));
    // Beta 01-02: r -.01 .03 -.02 (mean 0), b .01 .02 -.01 (mean .0066667, deviations .0033333 .0133333
    // -.0166667): cross = -.0000333 + .0004 + .0003333 = .0007, var b sum = .00046667 -> 1.5.
    CHECK_CLOSE(beta.at(3), 1.5);
    // 01-07: r -.01 0 .04 (deviations -.02 -.01 .03), b 0 .01 .02 (-.01 0 .01): .0005 / .0002 = 2.5.
    CHECK_CLOSE(beta.at(6), 2.5);
    // 02-04: r -.01 .02 -.02 (deviations -.0066667 .0233333 -.0166667), b .01 .01 -.01 (.0066667 .0066667
    // -.0133333): cross = -.0000444 + .0001556 + .0002222 = .00033333; var b sum = .00026667 -> 1.25.
    CHECK_CLOSE(beta.at(12), 1.25);
    // 01-30: r .01 .01 -.03 against b -.03 .01 -.01: cross (.0033333 x -.02) + (.0033333 x .02) + (-.0266667
    // x 0) = 0, beta 0.
    QVERIFY(std::fabs(beta.at(9)) < 1e-12);

    // A window in which the benchmark does not move has no beta; a window of 1 or lengths that differ give
    // no value at all.
    const QList<double> flatBeta = RollingRisk::beta({0.01, 0.02, -0.01, 0.03}, {0.01, 0.01, 0.01, 0.02}, 3);
    QVERIFY(std::isnan(flatBeta.at(2)));
    QVERIFY(std::isfinite(flatBeta.at(3)));
    for (const double v : RollingRisk::beta({0.01, 0.02, 0.03}, {0.01, 0.02}, 2))
        QVERIFY(std::isnan(v));
    for (const double v : RollingRisk::volatility({0.01, 0.02, 0.03}, 1))
        QVERIFY(std::isnan(v));
    // Cost grows with the days only: a window longer than the series leaves every day NaN.
    for (const double v : RollingRisk::volatility(s.ret, 126))
        QVERIFY(std::isnan(v));
}

void TestMetricCalculator::returnSeriesPreparation()
{
    // fromTearsheet: a period ending 2026-01-02 23:59:59 UTC is that day; two periods ending on 2026-01-05
    // are one day, 1.01 x 0.98 - 1 = -.0102.
    Tearsheet sheet;
    auto at = [](int y, int m, int d, int h) {
        return double(QDateTime(QDate(y, m, d), QTime(h, 59, 59), QTimeZone::utc()).toSecsSinceEpoch());
    };
    sheet.time = {at(2026, 1, 2, 23), at(2026, 1, 5, 11), at(2026, 1, 5, 23)};
    sheet.periodReturn = {0.02, 0.01, -0.02};
    const ReturnSeries fromSheet = ReturnSeries::fromTearsheet(sheet, QStringLiteral("MOM-0007 v1.3"));
    QCOMPARE(fromSheet.label, QStringLiteral("MOM-0007 v1.3"));
    QCOMPARE(fromSheet.day, (QList<QDate>{QDate(2026, 1, 2), QDate(2026, 1, 5)}));
    QCOMPARE(fromSheet.ret.size(), 2);
    CHECK_CLOSE(fromSheet.ret.at(0), 0.02);
    CHECK_CLOSE(fromSheet.ret.at(1), -0.0102);

    const ReturnSeries s = handcomputed::strategySeries();
    // [2026-01-01, 2026-02-01): the seven January days, 01-02 to 01-30.
    const ReturnSeries january = s.slice(QDate(2026, 1, 1), QDate(2026, 2, 1));
    QCOMPARE(january.size(), 7);
    QCOMPARE(january.day.constFirst(), QDate(2026, 1, 2));
    QCOMPARE(january.day.constLast(), QDate(2026, 1, 30));
    QCOMPARE(january.ret.constFirst(), -0.02);
    QCOMPARE(s.slice(QDate(), QDate(2025, 12, 31)).size(), 2); // open start, end excluded
    QCOMPARE(s.slice(QDate(2026, 2, 3), QDate()).size(), 2);   // open end
    QCOMPARE(s.slice(QDate(2026, 3, 1), QDate()).size(), 0);
    QCOMPARE(s.slice(QDate(2026, 2, 1), QDate(2026, 1, 1)).size(), 0);

    const ReturnSeries a = series({QDate(2026, 3, 2), QDate(2026, 3, 3), QDate(2026, 3, 4)}, {0.1, 0.2, 0.3});
    const ReturnSeries b = series(
        {QDate(2026, 2, 27), QDate(2026, 3, 3), QDate(2026, 3, 4), QDate(2026, 3, 5)}, {0.7, 0.5, 0.6, 0.9});
    QCOMPARE(a.alignedFrom(b), (QList<double>{0.0, 0.5, 0.6}));
    QCOMPARE(b.alignedFrom(a), (QList<double>{0.0, 0.2, 0.3, 0.0}));
    const auto [mine, theirs] = a.intersect(b);
    QCOMPARE(mine.day, (QList<QDate>{QDate(2026, 3, 3), QDate(2026, 3, 4)}));
    QCOMPARE(mine.ret, (QList<double>{0.2, 0.3}));
    QCOMPARE(theirs.day, mine.day);
    QCOMPARE(theirs.ret, (QList<double>{0.5, 0.6}));
}

QTEST_GUILESS_MAIN(TestMetricCalculator)
#include "tst_metric_calculator.moc"
