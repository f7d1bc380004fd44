#pragma once

#include <QDate>
#include <QList>

#include "analytics/StrategyAnalytics.h"
#include "strategy/StrategyRecord.h"

namespace strata {

/// Computes a StrategyAnalytics from rows already read: the tearsheet (TearsheetBuilder), the metric table
/// of the strategy, its benchmark and both samples, the rolling beta and volatility, the worst drawdowns,
/// the yearly returns and the distributions. No database; linear in the number of days.
class AnalyticsBuilder
{
public:
    /// `benchmark` is empty when there is none; `benchmarkNote` says why. `asOf` ends the trailing periods
    /// (the last day of the history when invalid).
    static StrategyAnalytics build(const StrategyRecord& strategy,
                                   const QList<StrategyVersionRecord>& versions,
                                   const QList<PerformancePeriod>& periods, const BenchmarkChoice& choice,
                                   const ReturnSeries& benchmark, const QString& benchmarkNote = {},
                                   const QDate& asOf = {});
};

} // namespace strata
