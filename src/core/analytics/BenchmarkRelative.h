#pragma once

#include <limits>

#include <QList>

namespace strata {

/// A strategy's daily returns against its benchmark's on the same days (QuantStats' greeks, r_squared,
/// information_ratio, treynor_ratio and the report's correlation). Two passes. A figure that would divide by
/// zero (a benchmark that never moves, a strategy that never moves) is NaN.
struct BenchmarkRelative
{
    double beta = std::numeric_limits<double>::quiet_NaN();  ///< cov(r, b) / var(b)
    double alpha = std::numeric_limits<double>::quiet_NaN(); ///< (mean r - beta × mean b) × periods a year
    double correlation = std::numeric_limits<double>::quiet_NaN();
    double rSquared = std::numeric_limits<double>::quiet_NaN();         ///< correlation²
    double informationRatio = std::numeric_limits<double>::quiet_NaN(); ///< mean(r - b) / sd(r - b), daily
    double treynor = std::numeric_limits<double>::quiet_NaN();          ///< cumulative return / beta

    /// `returns` and `benchmark` have one value per day each (ReturnSeries::alignedFrom).
    static BenchmarkRelative of(const QList<double>& returns, const QList<double>& benchmark,
                                double cumulativeReturn, double periodsPerYear);
};

} // namespace strata
