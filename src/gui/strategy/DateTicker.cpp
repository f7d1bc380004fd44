#include "strategy/DateTicker.h"

#include <cmath>

namespace strata {

namespace {
constexpr double day = 86400.0;
constexpr double month = day * 30.4375; ///< QCustomPlot's average month
constexpr double year = month * 12;
} // namespace

DateTicker::DateTicker()
{
    setDateTimeSpec(Qt::UTC);
    setTickCount(7);
}

double DateTicker::getTickStep(const QCPRange& range)
{
    double step = QCPAxisTickerDateTime::getTickStep(range);
    // Beyond a year QCustomPlot may step by 2.5 years; whole years keep one tick a year at most.
    if (step > year * 1.01)
        step = std::ceil(step / year - 0.01) * year;
    setDateTimeFormat(formatForStep(step));
    return step;
}

QString DateTicker::formatForStep(double step)
{
    // The label shows the unit the ticks step by, so two ticks never read the same: a year each at most
    // when they step by years, a month each when they step by months, a day each when they step by days.
    if (step >= year * 0.99)
        return QStringLiteral("yyyy");
    if (step >= month * 0.99)
        return QStringLiteral("MMM yyyy");
    if (step >= day * 0.99)
        return QStringLiteral("d MMM yy");
    if (step >= 60)
        return QStringLiteral("d MMM hh:mm");
    return QStringLiteral("hh:mm:ss");
}

} // namespace strata
