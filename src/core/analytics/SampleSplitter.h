#pragma once

#include <QDate>
#include <QList>

#include "analytics/ReturnSeries.h"
#include "analytics/SampleSplit.h"
#include "strategy/StrategyRecord.h"

namespace strata {

/// Cuts a strategy's daily returns into in sample (its backtest) and out of sample (live). The boundary is
/// the created_at of the version the performance rows belong to (the version of the latest daily row; its
/// strategy_versions row, else strategy_registry.created_at): a day whose period ends on a calendar day (UTC)
/// before the version's creation day is in sample, the creation day and later are out of sample. A row whose
/// test_parameters say "mode": "backtest" is in sample, "live" or "paper" out of sample, whatever its date.
/// Then each part's metric column and the verdict. Linear in the number of days.
class SampleSplitter
{
public:
    /// Fewer days than this (about a month of trading) on either side: the verdict gives both Sharpe ratios
    /// but does not call it held up.
    static constexpr int kMinDays = 20;

    static SampleSplit split(const StrategyRecord& strategy, const QList<StrategyVersionRecord>& versions,
                             const QList<PerformancePeriod>& periods, const ReturnSeries& returns,
                             const ReturnSeries* benchmark, const QDate& asOf = {});

    /// "Out of sample the Sharpe fell from 1.84 to 0.61 (-67 %) and the CAGR from 31.2 % to 8.4 %: it did
    /// not hold up." from the two columns' "sharpe" and "cagr"; sets `heldUp` (false with fewer than kMinDays
    /// days on a side).
    static QString verdict(const MetricColumn& in, const MetricColumn& out, int inDays, int outDays,
                           bool& heldUp);
};

} // namespace strata
