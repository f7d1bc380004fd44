#include "analytics/BenchmarkRelative.h"

#include <cmath>

#include "analytics/ReturnMoments.h"

namespace strata {

BenchmarkRelative BenchmarkRelative::of(const QList<double>& returns, const QList<double>& benchmark,
                                        double cumulativeReturn, double periodsPerYear)
{
    BenchmarkRelative out;
    const qsizetype n = returns.size();
    if (n < 2 || benchmark.size() != n)
        return out;
    const ReturnMoments r = ReturnMoments::of(returns);
    const ReturnMoments b = ReturnMoments::of(benchmark);
    // The daily differences r - b have the mean r.mean - b.mean; their squared deviations are summed in the
    // same pass as the cross products, without keeping the differences.
    const double meanDifference = r.mean - b.mean;
    double cross = 0, differenceSquares = 0;
    for (qsizetype i = 0; i < n; ++i) {
        cross += (returns.at(i) - r.mean) * (benchmark.at(i) - b.mean);
        const double d = returns.at(i) - benchmark.at(i) - meanDifference;
        differenceSquares += d * d;
    }
    const double covariance = cross / static_cast<double>(n - 1);
    if (b.variance > 0) {
        out.beta = covariance / b.variance;
        out.alpha = (r.mean - out.beta * b.mean) * periodsPerYear;
        if (out.beta != 0)
            out.treynor = cumulativeReturn / out.beta;
    }
    if (r.stddev > 0 && b.stddev > 0) {
        out.correlation = covariance / (r.stddev * b.stddev);
        out.rSquared = out.correlation * out.correlation;
    }
    const double differenceSd = std::sqrt(differenceSquares / static_cast<double>(n - 1));
    if (differenceSd > 0)
        out.informationRatio = meanDifference / differenceSd;
    return out;
}

} // namespace strata
