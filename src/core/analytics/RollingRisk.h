#pragma once

#include <QList>

namespace strata {

/// Rolling risk figures over a window of days, one value per day, NaN until the window has filled (the
/// first `window - 1` days). Each is computed with running sums, so the cost grows linearly with the
/// series whatever the window. A return that is not a number counts as 0 (QuantStats fills them so).
class RollingRisk
{
public:
    /// The sample standard deviation (n - 1) of the window's returns times sqrt(periodsPerYear)
    /// (QuantStats' rolling_volatility).
    static QList<double> volatility(const QList<double>& returns, int window, double periodsPerYear = 252.0);

    /// The window's covariance of `returns` with `benchmark` over the benchmark's variance (QuantStats'
    /// rolling_greeks beta). `benchmark` holds one value per day of `returns` (ReturnSeries::alignedFrom);
    /// when the lengths differ, or the benchmark did not move over a window, the value is NaN.
    static QList<double> beta(const QList<double>& returns, const QList<double>& benchmark, int window);
};

} // namespace strata
