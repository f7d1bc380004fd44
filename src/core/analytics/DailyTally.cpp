#include "analytics/DailyTally.h"

#include <algorithm>
#include <limits>

namespace strata {

DailyTally DailyTally::of(const QList<double>& returns)
{
    DailyTally t;
    int upRun = 0, downRun = 0;
    for (qsizetype i = 0; i < returns.size(); ++i) {
        const double r = returns.at(i);
        if (i == 0) {
            t.best = r;
            t.worst = r;
        }
        t.best = std::max(t.best, r);
        t.worst = std::min(t.worst, r);
        if (r > 0) {
            ++t.up;
            t.gains += r;
            ++upRun;
            downRun = 0;
        } else if (r < 0) {
            ++t.down;
            t.losses += r;
            t.downSquares += r * r;
            ++downRun;
            upRun = 0;
        } else {
            ++t.flat;
            upRun = 0;
            downRun = 0;
        }
        t.longestUpRun = std::max(t.longestUpRun, upRun);
        t.longestDownRun = std::max(t.longestDownRun, downRun);
    }
    return t;
}

double DailyTally::winRate() const
{
    if (nonZero() == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(up) / static_cast<double>(nonZero());
}

} // namespace strata
