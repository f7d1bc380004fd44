#include "schema/UsageStatistics.h"

namespace strata {

QDateTime UsageStatistics::since() const
{
    if (reset.isValid())
        return reset; // a reset is recorded: the counters count from it exactly
    if (!created.isValid())
        return {};
    return serverStarted.isValid() && serverStarted > created ? serverStarted : created;
}

qint64 UsageStatistics::coveredSeconds() const
{
    const QDateTime from = since();
    if (!from.isValid() || !now.isValid())
        return -1;
    return std::max<qint64>(0, from.secsTo(now));
}

bool UsageStatistics::enough() const
{
    return coveredSeconds() >= kMinimumCoverageDays * 24 * 3600;
}

QString UsageStatistics::span(qint64 seconds)
{
    const auto unit = [](qint64 n, const char* one, const char* many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    if (seconds < 60)
        return QStringLiteral("less than a minute"); // "only 0 seconds" read like a fault

    if (seconds < 3600)
        return unit(seconds / 60, "minute", "minutes");
    if (seconds < 24 * 3600) {
        const qint64 minutes = (seconds % 3600) / 60;
        return unit(seconds / 3600, "hour", "hours") +
               (minutes ? QLatin1Char(' ') + unit(minutes, "minute", "minutes") : QString());
    }
    const qint64 hours = (seconds % (24 * 3600)) / 3600;
    return unit(seconds / (24 * 3600), "day", "days") +
           (hours ? QLatin1Char(' ') + unit(hours, "hour", "hours") : QString());
}

QString UsageStatistics::describe() const
{
    const QDateTime from = since();
    if (!from.isValid())
        return QStringLiteral(
                   "Usage statistics: PostgreSQL cannot say since when they count (never reset, and this "
                   "role "
                   "may not read when the database was created), so no index is called unused. Reset them "
                   "(SELECT pg_stat_reset();) to start a measured period; after %1 days Strata says which "
                   "indexes were never scanned.")
            .arg(kMinimumCoverageDays);
    const QString when = from.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    const QString why = reset.isValid()   ? QStringLiteral("when they were last reset")
                        : from == created ? QStringLiteral("when the database was created")
                                          : QStringLiteral("when the server started");
    const QString covered = span(coveredSeconds());
    if (enough())
        return QStringLiteral("Usage statistics since %1 (%2), %3: an index without a scan in that time is "
                              "called unused.")
            .arg(when, why, covered);
    return QStringLiteral("Usage statistics since %1 (%2), only %3: not enough statistics yet to call an "
                          "index unused (Strata waits for %4 days, so that weekly jobs and weekends are "
                          "counted).")
        .arg(when, why, covered)
        .arg(kMinimumCoverageDays);
}

} // namespace strata
