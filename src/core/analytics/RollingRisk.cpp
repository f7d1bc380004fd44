#include "analytics/RollingRisk.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace strata {

namespace {

double rollingRiskValue(const QList<double>& values, qsizetype i)
{
    const double v = values.at(i);
    return std::isfinite(v) ? v : 0.0;
}

/// The mean of the whole series: subtracted from every value before it enters the running sums, so the
/// sums of squares stay small and the window's variance loses no precision to cancellation.
double rollingRiskCentre(const QList<double>& values)
{
    if (values.isEmpty())
        return 0.0;
    double sum = 0;
    for (qsizetype i = 0; i < values.size(); ++i)
        sum += rollingRiskValue(values, i);
    return sum / static_cast<double>(values.size());
}

} // namespace

QList<double> RollingRisk::volatility(const QList<double>& returns, int window, double periodsPerYear)
{
    const qsizetype n = returns.size();
    QList<double> out(n, std::numeric_limits<double>::quiet_NaN());
    if (window < 2)
        return out;
    const double centre = rollingRiskCentre(returns);
    const double w = window;
    const double annualise = std::sqrt(periodsPerYear);
    double sum = 0;
    double squares = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const double x = rollingRiskValue(returns, i) - centre;
        sum += x;
        squares += x * x;
        if (i >= window) {
            const double old = rollingRiskValue(returns, i - window) - centre;
            sum -= old;
            squares -= old * old;
        }
        if (i + 1 >= window) {
            const double variance = std::max(0.0, (squares - sum * sum / w) / (w - 1));
            out[i] = std::sqrt(variance) * annualise;
        }
    }
    return out;
}

QList<double> RollingRisk::beta(const QList<double>& returns, const QList<double>& benchmark, int window)
{
    const qsizetype n = returns.size();
    QList<double> out(n, std::numeric_limits<double>::quiet_NaN());
    if (window < 2 || benchmark.size() != n)
        return out;
    const double centreR = rollingRiskCentre(returns);
    const double centreB = rollingRiskCentre(benchmark);
    const double w = window;
    double sumR = 0, sumB = 0, crossRB = 0, squaresB = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const double r = rollingRiskValue(returns, i) - centreR;
        const double b = rollingRiskValue(benchmark, i) - centreB;
        sumR += r;
        sumB += b;
        crossRB += r * b;
        squaresB += b * b;
        if (i >= window) {
            const double oldR = rollingRiskValue(returns, i - window) - centreR;
            const double oldB = rollingRiskValue(benchmark, i - window) - centreB;
            sumR -= oldR;
            sumB -= oldB;
            crossRB -= oldR * oldB;
            squaresB -= oldB * oldB;
        }
        if (i + 1 >= window) {
            const double covariance = crossRB - sumR * sumB / w;
            const double variance = squaresB - sumB * sumB / w;
            // A benchmark that did not move over the window: its variance is only rounding left over from
            // the running sums, and a beta against it means nothing.
            if (variance > 1e-12 * squaresB && variance > 0)
                out[i] = covariance / variance;
        }
    }
    return out;
}

} // namespace strata
