#pragma once

#include <optional>

#include <QDateTime>
#include <QString>

#include "connection/ConnectionUrl.h"

namespace strata {

/// The exact dead space of a PostgreSQL table, read by pgstattuple (a full scan of the table).
struct ExactBloat
{
    qint64 tableBytes = 0;
    qint64 liveTuples = 0;
    qint64 liveBytes = 0;
    qint64 deadTuples = 0;
    qint64 deadBytes = 0;
    qint64 freeBytes = 0;
    double freePercent = 0;
};

/// One table's health as the Health tab shows it. PostgreSQL: the statistics collector's counts, the
/// last maintenance, scans and a bloat estimate; SQLite: the database file's pages and log, and the
/// table's own pages from dbstat where SQLite was built with it.
struct TableHealth
{
    Dialect dialect = Dialect::Postgres;
    QString table; ///< qualified, for messages

    // PostgreSQL
    qint64 liveTuples = 0;
    qint64 deadTuples = 0;
    qint64 modifiedSinceAnalyze = 0;
    QDateTime lastVacuum, lastAutovacuum, lastAnalyze, lastAutoanalyze; ///< invalid: never
    qint64 seqScans = 0;
    qint64 seqRowsRead = 0;
    qint64 indexScans = 0;
    qint64 indexRowsFetched = 0;
    int indexes = 0;
    qint64 pages = 0;       ///< pg_class.relpages (as of the last VACUUM/ANALYZE)
    qint64 plannerRows = 0; ///< pg_class.reltuples
    int blockSize = 8192;
    int fillfactor = 100;
    double averageRowWidth = 0; ///< from pg_stats
    int columnsWithStats = 0;
    int columns = 0;
    qint64 tableBytes = 0;
    /// The estimate (see estimatedBloatBytes()); nullopt when it cannot be made, `noEstimate` says why.
    std::optional<qint64> expectedPages;
    QString noEstimate;
    std::optional<ExactBloat> exact;

    // SQLite
    qint64 pageSize = 0;
    qint64 pageCount = 0;
    qint64 freelistPages = 0;
    qint64 fileBytes = 0;
    qint64 walBytes = 0;
    QString journalMode;
    bool dbstat = false;         ///< the dbstat table exists in this SQLite
    qint64 tablePages = 0;       ///< the table's b-tree pages (dbstat)
    qint64 tableUnusedBytes = 0; ///< bytes unused inside those pages
    qint64 outOfOrderPages = 0;  ///< pages that do not follow the one before them in the file
    QString sqliteVersion;

    /// Bytes beyond what the rows need, by the estimate: (pages - expected pages) × block size, never
    /// below 0. -1 when there is no estimate.
    qint64 estimatedBloatBytes() const;
    double estimatedBloatPercent() const;
    /// SQLite: share of the table's pages that are out of order in the file (0–100).
    double fragmentationPercent() const;
    /// SQLite: free pages as a share of the file.
    double freePercent() const { return pageCount > 0 ? 100.0 * freelistPages / pageCount : 0; }

    /// The expected pages of `rows` rows of `width` bytes on `blockSize` pages filled to `fillfactor`:
    /// each row costs a 24-byte tuple header (23, aligned to 8) plus its data aligned to 8 plus a 4-byte
    /// line pointer; a page gives (blockSize - 24-byte page header) × fillfactor% to rows.
    static qint64 expectedPagesFor(qint64 rows, double width, int blockSize, int fillfactor);
};

} // namespace strata
