#include "analytics/TailRisk.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace strata {

double TailRisk::quantile(QList<double>& values, double q)
{
    const qsizetype n = values.size();
    if (n == 0 || !(q >= 0 && q <= 1))
        return std::numeric_limits<double>::quiet_NaN();
    const double position = q * static_cast<double>(n - 1);
    const auto lower = static_cast<qsizetype>(std::floor(position));
    const double fraction = position - static_cast<double>(lower);
    std::nth_element(values.begin(), values.begin() + lower, values.end());
    const double below = values.at(lower);
    if (lower + 1 >= n || fraction == 0)
        return below;
    // After nth_element every value past `lower` is >= it: the next value in order is their minimum.
    const double above = *std::min_element(values.begin() + lower + 1, values.end());
    // numpy's linear interpolation, from the nearer end.
    return fraction < 0.5 ? below + (above - below) * fraction : above - (above - below) * (1 - fraction);
}

double TailRisk::valueAtRisk(double mean, double stddev)
{
    if (!(stddev > 0) || !std::isfinite(mean))
        return std::numeric_limits<double>::quiet_NaN();
    return mean - kNormal95 * stddev;
}

double TailRisk::conditionalValueAtRisk(const QList<double>& values, double valueAtRisk)
{
    if (std::isnan(valueAtRisk))
        return valueAtRisk;
    double sum = 0;
    qsizetype count = 0;
    for (const double v : values) {
        if (v < valueAtRisk) {
            sum += v;
            ++count;
        }
    }
    return count == 0 ? valueAtRisk : sum / static_cast<double>(count);
}

double TailRisk::normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

} // namespace strata
