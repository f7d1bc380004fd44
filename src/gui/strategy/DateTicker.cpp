#include "strategy/DateTicker.h"

namespace strata {

namespace {
constexpr double day = 86400.0;
} // namespace

DateTicker::DateTicker()
{
    setDateTimeSpec(Qt::UTC);
    setTickCount(7);
}

double DateTicker::getTickStep(const QCPRange& range)
{
    const double span = range.size();
    if (span > 3 * 365 * day)
        setDateTimeFormat(QStringLiteral("yyyy"));
    else if (span > 75 * day)
        setDateTimeFormat(QStringLiteral("MMM yyyy"));
    else
        setDateTimeFormat(QStringLiteral("d MMM yy"));
    return QCPAxisTickerDateTime::getTickStep(range);
}

} // namespace strata
