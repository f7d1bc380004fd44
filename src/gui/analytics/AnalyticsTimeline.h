#pragma once

#include <QDate>
#include <QList>

#include "analytics/StrategyAnalytics.h"

namespace strata {

/// Where the analytics' days sit on the tearsheet's time axis (seconds since the epoch, UTC): on the
/// tearsheet's own period ends when both have the same days, so the benchmark's line meets the strategy's
/// point for point; else at midnight UTC of each day.
class AnalyticsTimeline
{
public:
    static QList<double> times(const StrategyAnalytics& analytics);
    /// Midnight UTC of `day`.
    static double at(const QDate& day);
};

} // namespace strata
