#pragma once

#include <QString>

#include "analytics/StrategyAnalytics.h"
#include "common/Result.h"

namespace strata {

/// The tearsheet's CSV export when the analytics are shown: the tearsheet's columns (date, period_return,
/// cumulative_return, drawdown, rolling_sharpe, win_rate), then benchmark_return, benchmark_cumulative,
/// vol_matched_cumulative, rolling_beta_6m, rolling_beta_12m, rolling_volatility_6m,
/// rolling_volatility_12m, benchmark_rolling_volatility_6m, benchmark_rolling_volatility_12m and sample
/// ("in" or "out", empty without a split). One row per day; a NaN is an empty cell.
class AnalyticsCsv
{
public:
    static Status write(const StrategyAnalytics& analytics, const QString& path);
};

} // namespace strata
