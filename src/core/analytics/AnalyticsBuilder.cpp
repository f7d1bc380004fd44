#include "analytics/AnalyticsBuilder.h"

#include <cmath>
#include <limits>

#include "analytics/MetricCalculator.h"
#include "analytics/PeriodReturns.h"
#include "analytics/ReturnHistogram.h"
#include "analytics/RollingRisk.h"
#include "analytics/SampleSplitter.h"
#include "strategy/TearsheetBuilder.h"

namespace strata {

namespace analytics_builder {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kSixMonths = 126;
constexpr int kTwelveMonths = 252;

double sampleStddev(const QList<double>& values)
{
    const qsizetype n = values.size();
    if (n < 2)
        return 0;
    double sum = 0;
    for (double v : values)
        sum += v;
    const double mean = sum / static_cast<double>(n);
    double squares = 0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    return std::sqrt(squares / static_cast<double>(n - 1));
}

QList<double> compounded(const QList<double>& returns, double scale = 1)
{
    QList<double> out;
    out.reserve(returns.size());
    double equity = 1;
    for (double r : returns) {
        equity *= 1 + r * scale;
        out << equity - 1;
    }
    return out;
}

} // namespace analytics_builder

StrategyAnalytics AnalyticsBuilder::build(const StrategyRecord& strategy,
                                          const QList<StrategyVersionRecord>& versions,
                                          const QList<PerformancePeriod>& periods,
                                          const BenchmarkChoice& choice, const ReturnSeries& benchmark,
                                          const QString& benchmarkNote, const QDate& asOf)
{
    StrategyAnalytics a;
    a.tearsheet = TearsheetBuilder::build(strategy, periods);
    a.returns = ReturnSeries::fromTearsheet(
        a.tearsheet, QStringLiteral("%1 v%2").arg(strategy.strategyId, strategy.version));
    a.benchmarkChoice = choice;
    a.benchmark = benchmark;
    a.benchmarkNote = benchmarkNote;
    a.problems = a.tearsheet.problems;
    const qsizetype n = a.returns.size();

    // The benchmark on the strategy's days (0 on a day it has no value, as QuantStats fills it).
    QList<double> aligned;
    if (!benchmark.isEmpty() && n > 0) {
        aligned = a.returns.alignedFrom(benchmark);
        const auto common = a.returns.intersect(benchmark).first.size();
        if (common == 0) {
            a.problems << QStringLiteral("The benchmark %1 has no day in common with %2 (it runs %3 to %4): "
                                         "the analytics are drawn without it.")
                              .arg(benchmark.label, a.returns.label,
                                   benchmark.day.first().toString(Qt::ISODate),
                                   benchmark.day.last().toString(Qt::ISODate));
            a.benchmark = ReturnSeries();
            aligned.clear();
        } else if (common < n) {
            const QString gap = QStringLiteral("%1 of %2's %3 days have no benchmark value: they count as 0")
                                    .arg(n - common)
                                    .arg(a.returns.label)
                                    .arg(n);
            a.benchmarkNote = a.benchmarkNote.isEmpty()
                                  ? gap + QLatin1Char('.')
                                  : a.benchmarkNote + QLatin1Char(' ') + gap + QLatin1Char('.');
        }
    }
    const bool hasBenchmark = !aligned.isEmpty();
    ReturnSeries benchmarkOnDays;
    if (hasBenchmark) {
        benchmarkOnDays.label = a.benchmark.label;
        benchmarkOnDays.day = a.returns.day;
        benchmarkOnDays.ret = aligned;
    }

    // Cumulative benchmark, and the benchmark scaled to the strategy's volatility: the reverse of QuantStats'
    // match_volatility, which scales the strategy to the benchmark's, so the strategy's line stays as it is.
    if (hasBenchmark) {
        a.benchmarkCumulativeByDay = analytics_builder::compounded(aligned);
        const double benchmarkStddev = analytics_builder::sampleStddev(aligned);
        if (benchmarkStddev > 0)
            a.volMatchedCumulativeByDay = analytics_builder::compounded(
                aligned, analytics_builder::sampleStddev(a.returns.ret) / benchmarkStddev);
        else
            a.volMatchedCumulativeByDay = QList<double>(n, analytics_builder::kNaN);
    } else {
        a.benchmarkCumulativeByDay = QList<double>(n, analytics_builder::kNaN);
        a.volMatchedCumulativeByDay = QList<double>(n, analytics_builder::kNaN);
    }

    // Rolling risk over six and twelve months of trading days.
    a.rollingVolatility6mByDay = RollingRisk::volatility(a.returns.ret, analytics_builder::kSixMonths);
    a.rollingVolatility12mByDay = RollingRisk::volatility(a.returns.ret, analytics_builder::kTwelveMonths);
    if (hasBenchmark) {
        a.rollingBeta6mByDay = RollingRisk::beta(a.returns.ret, aligned, analytics_builder::kSixMonths);
        a.rollingBeta12mByDay = RollingRisk::beta(a.returns.ret, aligned, analytics_builder::kTwelveMonths);
        a.benchmarkRollingVol6mByDay = RollingRisk::volatility(aligned, analytics_builder::kSixMonths);
        a.benchmarkRollingVol12mByDay = RollingRisk::volatility(aligned, analytics_builder::kTwelveMonths);
    } else {
        a.rollingBeta6mByDay = QList<double>(n, analytics_builder::kNaN);
        a.rollingBeta12mByDay = QList<double>(n, analytics_builder::kNaN);
        a.benchmarkRollingVol6mByDay = QList<double>(n, analytics_builder::kNaN);
        a.benchmarkRollingVol12mByDay = QList<double>(n, analytics_builder::kNaN);
    }

    // The metric table: the strategy, its benchmark on the same days, then each sample.
    const ReturnSeries* against = hasBenchmark ? &a.benchmark : nullptr;
    a.metrics << MetricCalculator::compute(QStringLiteral("Strategy"), a.returns, against, asOf);
    if (hasBenchmark)
        a.metrics << MetricCalculator::compute(QStringLiteral("Benchmark"), benchmarkOnDays, nullptr, asOf);
    a.split = SampleSplitter::split(strategy, versions, periods, a.returns, against, asOf);
    if (!a.split.inSample.isEmpty() && !a.split.outOfSample.isEmpty())
        a.metrics << a.split.inSampleMetrics << a.split.outOfSampleMetrics;

    a.worstDrawdowns = DrawdownPeriod::worst(a.returns, 10);

    // Calendar years, compounded, the benchmark on the strategy's days.
    for (qsizetype i = 0; i < n; ++i) {
        const int year = a.returns.day.at(i).year();
        if (a.yearly.isEmpty() || a.yearly.last().year != year)
            a.yearly.append({year, 0, hasBenchmark ? 0 : analytics_builder::kNaN});
        StrategyAnalytics::Year& y = a.yearly.last();
        y.strategy = (1 + y.strategy) * (1 + a.returns.ret.at(i)) - 1;
        if (hasBenchmark)
            y.benchmark = (1 + y.benchmark) * (1 + aligned.at(i)) - 1;
    }

    a.monthlyReturns = PeriodReturns::of(a.returns.day, a.returns.ret).months;
    // A day whose return is not a number (a NaN or an infinity in total_return) counts in no bin: the
    // histogram leaves non-finite values out, and so a month compounded over such a day.
    a.dailyDistribution = ReturnHistogram::of(a.returns.ret);
    a.monthlyDistribution = ReturnHistogram::of(a.monthlyReturns);
    return a;
}

} // namespace strata
