#pragma once

#include <QList>

namespace strata {

/// The drawdown curve of a daily return series, as QuantStats draws it (to_drawdown_series): the equity
/// compounded from 1, divided by its running peak, minus 1. The running peak starts at 1 (the equity before
/// the first day), so a loss on the first day is already a drawdown. Every value is <= 0.
class UnderwaterCurve
{
public:
    static QList<double> of(const QList<double>& returns);
};

} // namespace strata
