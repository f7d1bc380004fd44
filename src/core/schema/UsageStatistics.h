#pragma once

#include <QDateTime>
#include <QString>

namespace strata {

/// How long a PostgreSQL database's usage counters (the scans of each index) have been counting, so that an
/// index with no scans is called unused only when that means something. SQLite keeps no such counters.
///
/// The counters count since the later of: their last reset (pg_stat_reset), the database's creation, and
/// the server's last start after a crash (PostgreSQL 15 drops them then). PostgreSQL records only the
/// first; the creation time is read when the role may read the database's files; the server's start
/// stands in for the crash, which is never later. When the creation time cannot be read and the counters
/// were never reset, nobody can say since when they count, and nothing is called unused.
struct UsageStatistics
{
    /// How long the counters must have counted before an index without scans is called unused: a week
    /// holds every daily job and a weekend; see docs/decisions.md ("Unused only after a week of statistics").
    static constexpr qint64 kMinimumCoverageDays = 7;

    QDateTime reset;         ///< pg_stat_database.stats_reset; invalid when never reset
    QDateTime serverStarted; ///< pg_postmaster_start_time()
    QDateTime created;       ///< the database's creation; invalid when the role may not read it
    QDateTime now;           ///< the server's clock when read

    /// The moment the counters count from at the latest; invalid when it cannot be known.
    QDateTime since() const;
    /// Seconds from since() to now; -1 when since() is unknown.
    qint64 coveredSeconds() const;
    /// Whether the counters have counted for kMinimumCoverageDays or more.
    bool enough() const;
    /// "Usage statistics since 2026-12-07 01:00 UTC (reset then), 3 minutes: …" for the operator.
    QString describe() const;
    /// "3 minutes", "2 days 4 hours": a span as the operator reads it.
    static QString span(qint64 seconds);
};

} // namespace strata
