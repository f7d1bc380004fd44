#pragma once

#include <QJsonObject>

#include "analytics/StrategyAnalytics.h"

namespace strata {

/// The JSON shapes of the analytics (snake_case keys, stable for scripts; NaN is null):
/// `strata-cli strategies performance ID --json` adds these to StrategyJson::tearsheet's.
class AnalyticsJson
{
public:
    /// {"metrics": {"columns": [...], "rows": [{"key", "label", "section", "unit", "values": [...]}]},
    ///  "benchmark": {...}, "drawdown_periods": [...], "yearly_returns": [...], "distribution": {...},
    ///  "rolling": {...}, "samples": {"boundary", "why", "verdict", "held_up", ...}}
    static QJsonObject analytics(const StrategyAnalytics& analytics);
};

} // namespace strata
