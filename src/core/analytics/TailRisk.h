#pragma once

#include <QList>

namespace strata {

/// The tail of a return distribution as QuantStats measures it: quantiles by linear interpolation (as
/// pandas' Series.quantile), the parametric (normal) value at risk and the expected shortfall beyond it.
class TailRisk
{
public:
    /// The standard normal distribution's 5 % quantile, negated: VaR at 95 % confidence is
    /// mean - kNormal95 × standard deviation (scipy's norm.ppf(0.05, mean, sd)).
    static constexpr double kNormal95 = 1.6448536269514722;

    /// The q-quantile (0 <= q <= 1) of `values`, interpolated linearly between the two nearest values at
    /// position q × (n - 1) of the sorted values. `values` is reordered (partially sorted), not changed
    /// otherwise; several quantiles can be taken from the same list. NaN when empty. Linear time.
    static double quantile(QList<double>& values, double q);

    /// mean - kNormal95 × sd: a negative return for a loss. NaN when sd is not a positive number.
    static double valueAtRisk(double mean, double stddev);

    /// The mean of the values below `valueAtRisk`, or `valueAtRisk` itself when none is below it
    /// (QuantStats' conditional_value_at_risk).
    static double conditionalValueAtRisk(const QList<double>& values, double valueAtRisk);

    /// Φ(x), the standard normal distribution function.
    static double normalCdf(double x);
};

} // namespace strata
