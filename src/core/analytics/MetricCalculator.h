#pragma once

#include <QDate>

#include "analytics/MetricColumn.h"
#include "analytics/ReturnSeries.h"

namespace strata {

/// Computes every metric of MetricDefinition::all() for one daily return series, following QuantStats'
/// full report (the version named in docs/strategy-metrics.md) with Strata's conventions: 252 periods a
/// year, no risk-free rate, calendar months, quarters and years of the series' days. Linear in the length of
/// the series; the benchmark, when given, is aligned to the series' days (ReturnSeries::alignedFrom).
class MetricCalculator
{
public:
    static constexpr double kPeriodsPerYear = 252.0;

    /// `asOf` is the day the trailing periods (MTD, 3M, 6M, YTD, 1Y, 3Y, 5Y) end on: the series' last day
    /// when invalid.
    static MetricColumn compute(const QString& title, const ReturnSeries& returns,
                                const ReturnSeries* benchmark = nullptr, const QDate& asOf = {});
};

} // namespace strata
