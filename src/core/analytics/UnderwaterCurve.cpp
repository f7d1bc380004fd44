#include "analytics/UnderwaterCurve.h"

#include <algorithm>

namespace strata {

QList<double> UnderwaterCurve::of(const QList<double>& returns)
{
    QList<double> curve;
    curve.reserve(returns.size());
    double equity = 1.0;
    double peak = 1.0;
    for (const double r : returns) {
        equity *= 1.0 + r;
        peak = std::max(peak, equity);
        const double below = equity / peak - 1.0;
        curve.append(below < 0 ? below : 0.0); // QuantStats writes -0 as 0
    }
    return curve;
}

} // namespace strata
