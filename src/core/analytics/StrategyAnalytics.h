#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "analytics/BenchmarkChoice.h"
#include "analytics/DrawdownPeriod.h"
#include "analytics/MetricColumn.h"
#include "analytics/ReturnSeries.h"
#include "analytics/SampleSplit.h"
#include "strategy/Tearsheet.h"

namespace strata {

/// Everything the analytics tearsheet draws for one strategy, computed in the core (AnalyticsBuilder) so the
/// desktop app, the report and `strata-cli strategies performance ID --json` give the same figures. Every
/// list named "…ByDay" has one value per day of `returns` (NaN where not defined).
struct StrategyAnalytics
{
    Tearsheet tearsheet; ///< the charts that were there before (cumulative, drawdown, rolling Sharpe…)
    ReturnSeries returns;

    BenchmarkChoice benchmarkChoice;
    ReturnSeries benchmark; ///< empty when there is none (a root strategy, a missing series)
    QString benchmarkNote;  ///< why there is none, or what was done to it ("412 days without a value")

    QList<double> benchmarkCumulativeByDay;  ///< compounded benchmark on the strategy's days
    QList<double> volMatchedCumulativeByDay; ///< the benchmark scaled to the strategy's volatility
    QList<double> rollingBeta6mByDay;        ///< 126 days
    QList<double> rollingBeta12mByDay;       ///< 252 days
    QList<double> rollingVolatility6mByDay;  ///< annualised, 126 days
    QList<double> rollingVolatility12mByDay; ///< annualised, 252 days
    QList<double> benchmarkRollingVol6mByDay;
    QList<double> benchmarkRollingVol12mByDay;

    /// The metric table: "Strategy", then "Benchmark" when there is one, then "In sample" and
    /// "Out of sample" when the history has both parts. Rows: MetricDefinition::all().
    QList<MetricColumn> metrics;

    QList<DrawdownPeriod> worstDrawdowns; ///< up to ten, deepest first

    struct Year
    {
        int year = 0;
        double strategy = 0;
        double benchmark = 0; ///< NaN without a benchmark
    };
    QList<Year> yearly;

    /// A histogram of returns: `counts[i]` values fall in [from + i × width, from + (i + 1) × width).
    struct Histogram
    {
        double from = 0;
        double width = 0;
        QList<int> counts;
        double mean = 0;
        double stddev = 0;
    };
    Histogram dailyDistribution;
    Histogram monthlyDistribution;
    QList<double> monthlyReturns; ///< compounded per calendar month, in order (what the histogram counts)

    SampleSplit split;

    QStringList problems; ///< the tearsheet's, then the benchmark's
};

} // namespace strata
