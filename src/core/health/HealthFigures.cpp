#include "health/HealthFigures.h"

#include <QLocale>

#include "common/Counted.h"
#include "sessions/SessionText.h"

namespace strata {

namespace {

QString count(qint64 value)
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale.toString(value);
}

QString bytes(qint64 value)
{
    return QLocale().formattedDataSize(value, 1, QLocale::DataSizeTraditionalFormat);
}

QString percent(double value)
{
    return QStringLiteral("%1 %").arg(value, 0, 'f', 1);
}

QString when(const QDateTime& at, const QDateTime& now)
{
    if (!at.isValid())
        return QStringLiteral("never");
    return QStringLiteral("%1 ago (%2 UTC)")
        .arg(SessionText::duration(std::max<qint64>(0, at.msecsTo(now))),
             at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

} // namespace

QList<HealthFigure> HealthFigures::of(const TableHealth& health, const QDateTime& now)
{
    return health.dialect == Dialect::Sqlite ? sqlite(health) : postgres(health, now);
}

QList<HealthFigure> HealthFigures::postgres(const TableHealth& h, const QDateTime& now)
{
    QList<HealthFigure> out;
    const qint64 all = h.liveTuples + h.deadTuples;
    const double deadShare = all > 0 ? 100.0 * double(h.deadTuples) / double(all) : 0;
    out << HealthFigure{QStringLiteral("Live rows"), count(h.liveTuples),
                        QStringLiteral("the statistics collector's count (n_live_tup)"), false};
    out << HealthFigure{QStringLiteral("Dead rows"),
                        QStringLiteral("%1 (%2 of all)").arg(count(h.deadTuples), percent(deadShare)),
                        QStringLiteral("deleted or updated rows not yet vacuumed (n_dead_tup)"),
                        h.deadTuples > 1000 && deadShare > 10};
    out << HealthFigure{QStringLiteral("Changed since analyze"), count(h.modifiedSinceAnalyze),
                        QStringLiteral("rows written since the planner's statistics were gathered"), false};
    out << HealthFigure{QStringLiteral("Last vacuum"), when(h.lastVacuum, now), QStringLiteral("by hand"),
                        false};
    out << HealthFigure{QStringLiteral("Last autovacuum"), when(h.lastAutovacuum, now), QString(), false};
    out << HealthFigure{QStringLiteral("Last analyze"), when(h.lastAnalyze, now), QStringLiteral("by hand"),
                        false};
    out << HealthFigure{QStringLiteral("Last autoanalyze"), when(h.lastAutoanalyze, now), QString(),
                        !h.lastAnalyze.isValid() && !h.lastAutoanalyze.isValid()};
    const qint64 scans = h.seqScans + h.indexScans;
    const double seqShare = scans > 0 ? 100.0 * double(h.seqScans) / double(scans) : 0;
    out << HealthFigure{QStringLiteral("Sequential scans"),
                        QStringLiteral("%1 (%2 rows read)").arg(count(h.seqScans), count(h.seqRowsRead)),
                        QStringLiteral("%1 of the scans read the whole table").arg(percent(seqShare)),
                        h.seqScans > 100 && seqShare > 50 && h.liveTuples > 10000};
    out << HealthFigure{
        QStringLiteral("Index scans"),
        QStringLiteral("%1 (%2 rows fetched)").arg(count(h.indexScans), count(h.indexRowsFetched)),
        QStringLiteral("over %1").arg(counted(h.indexes, QStringLiteral("index"), QStringLiteral("indexes"))),
        false};
    out << HealthFigure{
        QStringLiteral("Table size"),
        QStringLiteral("%1 · %2 pages of %3").arg(bytes(h.tableBytes), count(h.pages), bytes(h.blockSize)),
        QStringLiteral("pages as of the last VACUUM or ANALYZE (relpages)"), false};
    if (h.expectedPages)
        out << HealthFigure{QStringLiteral("Estimated bloat"),
                            QStringLiteral("%1 (%2 of the table)")
                                .arg(bytes(h.estimatedBloatBytes()), percent(h.estimatedBloatPercent())),
                            QStringLiteral("relpages against %1 pages expected for %2 rows of %3 bytes at "
                                           "fillfactor %4")
                                .arg(count(*h.expectedPages), count(h.plannerRows))
                                .arg(h.averageRowWidth, 0, 'f', 0)
                                .arg(h.fillfactor),
                            h.estimatedBloatPercent() > 30 && h.estimatedBloatBytes() > 8 * 1024 * 1024};
    else
        out << HealthFigure{QStringLiteral("Estimated bloat"), QStringLiteral("unknown"), h.noEstimate,
                            false};
    if (h.exact)
        out << HealthFigure{QStringLiteral("Exact (pgstattuple)"),
                            QStringLiteral("%1 dead in %2 rows · %3 free (%4)")
                                .arg(bytes(h.exact->deadBytes), count(h.exact->deadTuples),
                                     bytes(h.exact->freeBytes), percent(h.exact->freePercent)),
                            QStringLiteral("%1 live rows in %2, read page by page")
                                .arg(count(h.exact->liveTuples), bytes(h.exact->tableBytes)),
                            false};
    return out;
}

QList<HealthFigure> HealthFigures::sqlite(const TableHealth& h)
{
    QList<HealthFigure> out;
    out << HealthFigure{
        QStringLiteral("Database file"),
        QStringLiteral("%1 · %2 pages of %3").arg(bytes(h.fileBytes), count(h.pageCount), bytes(h.pageSize)),
        QStringLiteral("SQLite %1").arg(h.sqliteVersion), false};
    out << HealthFigure{
        QStringLiteral("Free pages"),
        QStringLiteral("%1 (%2 of the file, %3)")
            .arg(count(h.freelistPages), percent(h.freePercent()), bytes(h.freelistPages * h.pageSize)),
        QStringLiteral("pages of deleted rows the file keeps for reuse; VACUUM gives them back"),
        h.freelistPages > 64 && h.freePercent() > 10};
    out << HealthFigure{QStringLiteral("Write-ahead log"),
                        h.journalMode == QLatin1String("wal") ? bytes(h.walBytes) : QStringLiteral("none"),
                        QStringLiteral("journal mode %1").arg(h.journalMode), false};
    if (!h.dbstat) {
        out << HealthFigure{QStringLiteral("Table pages"), QStringLiteral("unknown"),
                            QStringLiteral("this SQLite was built without the dbstat table "
                                           "(SQLITE_ENABLE_DBSTAT_VTAB), which the page figures need"),
                            false};
        return out;
    }
    const qint64 tableBytes = h.tablePages * h.pageSize;
    out << HealthFigure{QStringLiteral("Table pages"),
                        QStringLiteral("%1 (%2)").arg(count(h.tablePages), bytes(tableBytes)),
                        QStringLiteral("the table's b-tree, from dbstat"), false};
    out << HealthFigure{
        QStringLiteral("Unused inside its pages"),
        QStringLiteral("%1 (%2)").arg(
            bytes(h.tableUnusedBytes),
            percent(tableBytes > 0 ? 100.0 * double(h.tableUnusedBytes) / double(tableBytes) : 0)),
        QStringLiteral("space in the table's pages that holds no row"), false};
    out << HealthFigure{
        QStringLiteral("Fragmentation"), percent(h.fragmentationPercent()),
        QStringLiteral("%1 of %2 pages out of order in the file: each is a seek in a read in key order")
            .arg(count(h.outOfOrderPages), count(h.tablePages)),
        h.fragmentationPercent() > 30 && h.tablePages > 100};
    return out;
}

} // namespace strata
