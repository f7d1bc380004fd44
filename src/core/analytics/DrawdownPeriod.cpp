#include "analytics/DrawdownPeriod.h"

#include <algorithm>
#include <numeric>

#include "analytics/ReturnSeries.h"

namespace strata {

QList<DrawdownPeriod> DrawdownPeriod::all(const ReturnSeries& returns)
{
    QList<DrawdownPeriod> periods;
    const qsizetype n = std::min(returns.ret.size(), returns.day.size());
    double equity = 1.0; // the equity before the first day is the first peak (QuantStats' baseline)
    double peak = 1.0;
    bool under = false;
    DrawdownPeriod current;
    QDate lastUnder;
    auto close = [&](const QDate& recovery) {
        current.end = recovery;
        // QuantStats' count: calendar days from the first to the last day under water, both included.
        current.days = static_cast<int>(current.start.daysTo(lastUnder)) + 1;
        periods.append(current);
        under = false;
    };
    for (qsizetype i = 0; i < n; ++i) {
        // The same arithmetic as UnderwaterCurve, without keeping the curve.
        equity *= 1.0 + returns.ret.at(i);
        peak = std::max(peak, equity);
        const double depth = equity / peak - 1.0;
        const QDate& day = returns.day.at(i);
        if (depth < 0) {
            if (!under) {
                current = DrawdownPeriod{};
                current.start = day;
                current.valley = day;
                current.depth = depth;
                under = true;
            } else if (depth < current.depth) {
                current.depth = depth;
                current.valley = day;
            }
            lastUnder = day;
        } else if (under) {
            close(day);
        }
    }
    if (under)
        close(QDate());
    return periods;
}

QList<DrawdownPeriod> DrawdownPeriod::worst(const ReturnSeries& returns, int count)
{
    const QList<DrawdownPeriod> periods = all(returns);
    const qsizetype keep = std::clamp<qsizetype>(count, 0, periods.size());
    QList<qsizetype> order(periods.size());
    std::iota(order.begin(), order.end(), 0);
    // Deepest first; of two equally deep, the earlier first.
    std::partial_sort(order.begin(), order.begin() + keep, order.end(), [&](qsizetype a, qsizetype b) {
        if (periods.at(a).depth != periods.at(b).depth)
            return periods.at(a).depth < periods.at(b).depth;
        return a < b;
    });
    QList<DrawdownPeriod> deepest;
    deepest.reserve(keep);
    for (qsizetype i = 0; i < keep; ++i)
        deepest.append(periods.at(order.at(i)));
    return deepest;
}

} // namespace strata
