#pragma once

#include <limits>

#include <QList>

namespace strata {

/// The moments of a list of daily returns as pandas computes them for QuantStats: the sample variance and
/// standard deviation (n - 1), the bias-corrected skewness (Series.skew) and excess kurtosis (Series.kurt).
/// Two passes over the values. A moment the values are too few for is NaN: the standard deviation needs 2
/// values, the skewness 3, the kurtosis 4; a series that never moves has a skewness and kurtosis of 0, as in
/// pandas.
struct ReturnMoments
{
    qsizetype count = 0;
    double sum = 0;
    double mean = std::numeric_limits<double>::quiet_NaN();
    double variance = std::numeric_limits<double>::quiet_NaN();
    double stddev = std::numeric_limits<double>::quiet_NaN();
    double skew = std::numeric_limits<double>::quiet_NaN();
    double kurtosis = std::numeric_limits<double>::quiet_NaN();

    static ReturnMoments of(const QList<double>& values);

    /// QuantStats' autocorrelation penalty of the smart Sharpe and Sortino ratios:
    /// sqrt(1 + 2 × Σ_{x=1}^{n-1} (n - x)/n × |ρ|^x), ρ the correlation of each day with the next.
    /// NaN with fewer than 3 values or when either side of the pairs never moves.
    static double autocorrelationPenalty(const QList<double>& values);
};

} // namespace strata
