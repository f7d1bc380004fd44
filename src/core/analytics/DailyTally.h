#pragma once

#include <QList>

namespace strata {

/// One pass over a daily return series counting what the trade-like metrics need: up, down and flat days,
/// the gains and losses, the longest runs of up and down days, the best and worst day.
struct DailyTally
{
    qsizetype up = 0;       ///< days with r > 0
    qsizetype down = 0;     ///< days with r < 0
    qsizetype flat = 0;     ///< days with r == 0
    double gains = 0;       ///< Σ r over the up days
    double losses = 0;      ///< Σ r over the down days (<= 0)
    double downSquares = 0; ///< Σ r² over the down days (Sortino's downside)
    int longestUpRun = 0;
    int longestDownRun = 0;
    double best = 0;
    double worst = 0;

    static DailyTally of(const QList<double>& returns);

    qsizetype nonZero() const { return up + down; }
    /// Up days over days that moved (QuantStats' win_rate); NaN when no day moved.
    double winRate() const;
};

} // namespace strata
