#pragma once

#include <QDate>
#include <QList>

namespace strata {

struct ReturnSeries;

/// One stretch under water: from the last peak before the fall to the day the equity is back at that peak.
struct DrawdownPeriod
{
    QDate start;      ///< the first day below the peak
    QDate valley;     ///< the day of the lowest equity
    QDate end;        ///< the day of recovery; invalid while still under water
    double depth = 0; ///< <= 0, the valley's fraction below the peak
    int days = 0;     ///< calendar days from start to the last day under water, both counted (QuantStats)

    bool recovered() const { return end.isValid(); }

    /// Every drawdown of the series in time order (QuantStats' drawdown_details).
    static QList<DrawdownPeriod> all(const ReturnSeries& returns);
    /// The `count` deepest, deepest first.
    static QList<DrawdownPeriod> worst(const ReturnSeries& returns, int count = 10);
};

} // namespace strata
