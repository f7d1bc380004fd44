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
    QList<double> difference(n);
    double cross = 0;
    for (qsizetype i = 0; i < n; ++i) {
        cross += (returns.at(i) - r.mean) * (benchmark.at(i) - b.mean);
        difference[i] = returns.at(i) - benchmark.at(i);
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
    const ReturnMoments d = ReturnMoments::of(difference);
    if (d.stddev > 0)
        out.informationRatio = d.mean / d.stddev;
    return out;
}

} // namespace strata
