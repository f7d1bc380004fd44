#include "analytics/ReturnMoments.h"

#include <cmath>

namespace strata {

ReturnMoments ReturnMoments::of(const QList<double>& values)
{
    ReturnMoments m;
    m.count = values.size();
    if (m.count == 0)
        return m;
    for (const double v : values)
        m.sum += v;
    const double n = static_cast<double>(m.count);
    m.mean = m.sum / n;
    double s2 = 0, s3 = 0, s4 = 0; // sums of the deviations' powers
    for (const double v : values) {
        const double d = v - m.mean;
        const double d2 = d * d;
        s2 += d2;
        s3 += d2 * d;
        s4 += d2 * d2;
    }
    if (m.count >= 2) {
        m.variance = s2 / (n - 1);
        m.stddev = std::sqrt(m.variance);
    }
    if (m.count >= 3)
        m.skew = s2 == 0 ? 0.0 : n * std::sqrt(n - 1) / (n - 2) * s3 / std::pow(s2, 1.5);
    if (m.count >= 4) {
        const double denominator = (n - 2) * (n - 3) * s2 * s2;
        m.kurtosis = denominator == 0 ? 0.0
                                      : n * (n + 1) * (n - 1) * s4 / denominator -
                                            3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3));
    }
    return m;
}

double ReturnMoments::autocorrelationPenalty(const QList<double>& values)
{
    const qsizetype n = values.size();
    if (n < 3)
        return std::numeric_limits<double>::quiet_NaN();
    // Pearson's correlation of values[0..n-2] with values[1..n-1], each side about its own mean.
    double sumA = 0, sumB = 0;
    for (qsizetype i = 0; i + 1 < n; ++i) {
        sumA += values.at(i);
        sumB += values.at(i + 1);
    }
    const double pairs = static_cast<double>(n - 1);
    const double meanA = sumA / pairs;
    const double meanB = sumB / pairs;
    double cross = 0, squaresA = 0, squaresB = 0;
    for (qsizetype i = 0; i + 1 < n; ++i) {
        const double a = values.at(i) - meanA;
        const double b = values.at(i + 1) - meanB;
        cross += a * b;
        squaresA += a * a;
        squaresB += b * b;
    }
    if (squaresA <= 0 || squaresB <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double rho = std::fabs(cross / std::sqrt(squaresA * squaresB));
    double total = 0;
    double power = 1;
    for (qsizetype x = 1; x < n; ++x) {
        power *= rho;
        if (power == 0)
            break; // every later term is 0 too
        total += static_cast<double>(n - x) / static_cast<double>(n) * power;
    }
    return std::sqrt(1 + 2 * total);
}

} // namespace strata
