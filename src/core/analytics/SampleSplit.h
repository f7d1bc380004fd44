#pragma once

#include <QDate>
#include <QString>

#include "analytics/MetricColumn.h"
#include "analytics/ReturnSeries.h"

namespace strata {

/// A strategy version's history cut in two: in sample (its backtest, the days before the version was
/// created) and out of sample (live, from its creation on). The boundary is the created_at of the version the
/// performance rows belong to (strategy_versions, else strategy_registry); a row whose test configuration
/// says what it is (test_parameters "mode": "backtest" / "live" / "paper") is put where it says.
struct SampleSplit
{
    QDate boundary;      ///< first out-of-sample day; invalid when the history has no such day
    QString boundaryWhy; ///< "version 1.3 created 2026-03-02 14:10 UTC", "test_parameters mode"
    ReturnSeries inSample;
    ReturnSeries outOfSample;
    MetricColumn inSampleMetrics;    ///< titled "In sample"
    MetricColumn outOfSampleMetrics; ///< titled "Out of sample"
    /// The quant's first question answered in one sentence: "Out of sample the Sharpe fell from 1.84 to
    /// 0.61 (-67 %) and the CAGR from 31.2 % to 8.4 %: it did not hold up." Empty without both parts.
    QString verdict;
    bool heldUp = false; ///< out-of-sample Sharpe at least half of the in-sample one, and positive
};

} // namespace strata
