#include "analytics/AnalyticsTimeline.h"

#include <QDateTime>

namespace strata {

QList<double> AnalyticsTimeline::times(const StrategyAnalytics& analytics)
{
    const QList<QDate>& days = analytics.returns.day;
    if (analytics.tearsheet.time.size() == days.size())
        return analytics.tearsheet.time;
    QList<double> out;
    out.reserve(days.size());
    for (const QDate& day : days)
        out.append(at(day));
    return out;
}

double AnalyticsTimeline::at(const QDate& day)
{
    return double(QDateTime(day, QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
}

} // namespace strata
