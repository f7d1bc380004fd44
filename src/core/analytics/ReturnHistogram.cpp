#include "analytics/ReturnHistogram.h"

#include <algorithm>
#include <cmath>

namespace strata {

namespace return_histogram {

/// The finite values only: a NaN has no order (std::nth_element on one is undefined) and an infinity no bin.
QList<double> finite(const QList<double>& values)
{
    QList<double> out;
    out.reserve(values.size());
    for (double v : values)
        if (std::isfinite(v))
            out << v;
    return out;
}

} // namespace return_histogram

double ReturnHistogram::quantile(QList<double> values, double q)
{
    if (std::any_of(values.cbegin(), values.cend(), [](double v) { return !std::isfinite(v); }))
        values = return_histogram::finite(values);
    if (values.isEmpty())
        return std::nan("");
    const double rank = q * static_cast<double>(values.size() - 1);
    const auto low = static_cast<qsizetype>(std::floor(rank));
    std::nth_element(values.begin(), values.begin() + low, values.end());
    const double a = values.at(low);
    if (low + 1 >= values.size())
        return a;
    // The next rank is the smallest of the values above `low`.
    const double b = *std::min_element(values.begin() + low + 1, values.end());
    return a + (b - a) * (rank - static_cast<double>(low));
}

StrategyAnalytics::Histogram ReturnHistogram::of(const QList<double>& given)
{
    const QList<double> values = return_histogram::finite(given);
    StrategyAnalytics::Histogram h;
    const qsizetype n = values.size();
    if (n == 0)
        return h;
    double low = values.first();
    double high = values.first();
    double sum = 0;
    for (double v : values) {
        low = std::min(low, v);
        high = std::max(high, v);
        sum += v;
    }
    h.mean = sum / static_cast<double>(n);
    double squares = 0;
    for (double v : values)
        squares += (v - h.mean) * (v - h.mean);
    h.stddev = n > 1 ? std::sqrt(squares / static_cast<double>(n - 1)) : 0;
    h.from = low;

    const double range = high - low;
    if (range <= 0) {
        h.width = 0;
        h.counts = {static_cast<int>(n)};
        return h;
    }
    const double iqr = quantile(values, 0.75) - quantile(values, 0.25);
    int bins = 0;
    if (iqr > 0)
        bins = static_cast<int>(std::ceil(range / (2 * iqr * std::pow(static_cast<double>(n), -1.0 / 3.0))));
    else
        bins = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
    bins = std::clamp(bins, kMinBins, kMaxBins);
    h.width = range / bins;
    h.counts = QList<int>(bins, 0);
    for (double v : values) {
        auto bin = static_cast<int>(std::floor((v - low) / h.width));
        ++h.counts[std::clamp(bin, 0, bins - 1)];
    }
    return h;
}

} // namespace strata
