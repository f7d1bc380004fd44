#include "health/TableHealthReader.h"

#include <QFileInfo>

#include "dialects/sqlite/SqliteDatabase.h"
#include "schema/SqlIdentifier.h"

namespace strata {

namespace {

QDateTime utc(const QVariant& text)
{
    // "2026-12-07T07:50:01Z": the Z makes it UTC.
    return text.toString().isEmpty() ? QDateTime() : QDateTime::fromString(text.toString(), Qt::ISODate);
}

Result<qint64> pragma(Database& db, const QString& name)
{
    auto rows = db.query(QStringLiteral("PRAGMA %1").arg(name));
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Cannot read PRAGMA %1").arg(name));
    return rows->value(0, 0).toLongLong();
}

} // namespace

Result<TableHealth> TableHealthReader::read(Database& db, const QString& schema, const QString& table)
{
    return db.dialect() == Dialect::Sqlite ? readSqlite(db, table) : readPostgres(db, schema, table);
}

Result<TableHealth> TableHealthReader::readPostgres(Database& db, const QString& schema, const QString& table)
{
    TableHealth h;
    h.dialect = Dialect::Postgres;
    h.table = schema + QLatin1Char('.') + table;
    auto rows = db.query(db.catalogSql(QStringLiteral("table_health")), {schema, table});
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Cannot read the health of %1").arg(h.table));
    if (rows->isEmpty())
        return Error::badInput(
            QStringLiteral("%1 has no table %2.").arg(db.display(), h.table),
            QStringLiteral("Refresh the schema: the table may have been dropped or renamed."));
    const QVariantList& r = rows->rows.first();
    if (r.value(20).toString() == QLatin1String("p"))
        return Error::badInput(
            QStringLiteral("%1 is a partitioned table: it holds no rows of its own, so it has no dead rows, "
                           "vacuums or bloat; its partitions do.")
                .arg(h.table),
            QStringLiteral("Open one of its partitions to see that partition's health."));
    h.liveTuples = r.value(0).toLongLong();
    h.deadTuples = r.value(1).toLongLong();
    h.modifiedSinceAnalyze = r.value(2).toLongLong();
    h.lastVacuum = utc(r.value(3));
    h.lastAutovacuum = utc(r.value(4));
    h.lastAnalyze = utc(r.value(5));
    h.lastAutoanalyze = utc(r.value(6));
    h.seqScans = r.value(7).toLongLong();
    h.seqRowsRead = r.value(8).toLongLong();
    h.indexScans = r.value(9).toLongLong();
    h.indexRowsFetched = r.value(10).toLongLong();
    h.pages = r.value(11).toLongLong();
    h.plannerRows = r.value(12).toLongLong();
    h.blockSize = r.value(13).toInt();
    h.fillfactor = r.value(14).toInt();
    h.averageRowWidth = r.value(15).toDouble();
    h.columnsWithStats = r.value(16).toInt();
    h.columns = r.value(17).toInt();
    h.tableBytes = r.value(18).toLongLong();
    h.indexes = r.value(19).toInt();
    if (h.plannerRows < 0 ||
        (h.lastAnalyze.isNull() && h.lastAutoanalyze.isNull() && h.columnsWithStats == 0))
        h.noEstimate =
            QStringLiteral("no estimate: the table was never analyzed (ANALYZE gives the planner's "
                           "row count and the average row width the estimate needs)");
    else if (h.columnsWithStats < h.columns)
        h.noEstimate = QStringLiteral("no estimate: %1 of %2 columns have statistics (ANALYZE the table)")
                           .arg(h.columnsWithStats)
                           .arg(h.columns);
    else
        h.expectedPages =
            TableHealth::expectedPagesFor(h.plannerRows, h.averageRowWidth, h.blockSize, h.fillfactor);
    return h;
}

Result<TableHealth> TableHealthReader::readSqlite(Database& db, const QString& table)
{
    TableHealth h;
    h.dialect = Dialect::Sqlite;
    h.table = table;
    auto exists = db.query(
        QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"), {table});
    if (!exists)
        return exists.error();
    if (exists->value(0, 0).toInt() == 0)
        return Error::badInput(
            QStringLiteral("%1 has no table %2.").arg(db.display(), table),
            QStringLiteral("Refresh the schema: the table may have been dropped or renamed."));
    for (auto [name, field] : {std::pair{QStringLiteral("page_size"), &h.pageSize},
                               std::pair{QStringLiteral("page_count"), &h.pageCount},
                               std::pair{QStringLiteral("freelist_count"), &h.freelistPages}}) {
        auto value = pragma(db, name);
        if (!value)
            return value.error();
        *field = *value;
    }
    auto mode = db.query(QStringLiteral("PRAGMA journal_mode"));
    if (!mode)
        return mode.error().prefixed(QStringLiteral("Cannot read the journal mode"));
    h.journalMode = mode->value(0, 0).toString().toLower();
    auto version = db.query(QStringLiteral("SELECT sqlite_version()"));
    if (version)
        h.sqliteVersion = version->value(0, 0).toString();
    const QString path = static_cast<SqliteDatabase&>(db).path();
    h.fileBytes = QFileInfo(path).size();
    h.walBytes = QFileInfo(path + QStringLiteral("-wal")).size();
    // dbstat walks the b-tree in order ("path"): a page whose number does not follow the one before it is
    // a seek when the table is read in order, which is what VACUUM puts right.
    auto pages = db.query(QStringLiteral("SELECT pageno, unused FROM dbstat WHERE name = ? AND aggregate = 0 "
                                         "ORDER BY path"),
                          {table});
    if (!pages) {
        if (!pages.error().what.contains(QLatin1String("no such table: dbstat")))
            return pages.error().prefixed(QStringLiteral("Cannot read the pages of %1").arg(table));
        h.dbstat = false; // this SQLite was built without SQLITE_ENABLE_DBSTAT_VTAB
        return h;
    }
    h.dbstat = true;
    qint64 previous = -1;
    for (const auto& row : pages->rows) {
        const qint64 page = row.value(0).toLongLong();
        if (previous >= 0 && page != previous + 1)
            ++h.outOfOrderPages;
        previous = page;
        h.tableUnusedBytes += row.value(1).toLongLong();
        ++h.tablePages;
    }
    return h;
}

Result<ExactBloat> TableHealthReader::exactBloat(Database& db, const QString& schema, const QString& table)
{
    if (db.dialect() != Dialect::Postgres)
        return Error::badInput(
            QStringLiteral("pgstattuple is a PostgreSQL extension; %1 is a SQLite file.").arg(db.display()),
            QStringLiteral("On SQLite the free pages and fragmentation are exact already."));
    auto installed =
        db.query(QStringLiteral("SELECT (SELECT extversion FROM pg_extension WHERE extname = 'pgstattuple'), "
                                "EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgstattuple')"));
    if (!installed)
        return installed.error();
    if (installed->value(0, 0).isNull() || installed->value(0, 0).toString().isEmpty()) {
        const bool available = installed->value(0, 1).toString() == QLatin1String("t");
        return Error::failed(
            available
                ? QStringLiteral("The exact bloat needs the pgstattuple extension, which the server has "
                                 "but this database has not installed.")
                : QStringLiteral("The exact bloat needs the pgstattuple extension, which this server "
                                 "does not have."),
            QStringLiteral("Nothing was read or changed; the estimate stands."),
            available
                ? QStringLiteral("A superuser (or the database owner, if allowed to create extensions) runs "
                                 "CREATE EXTENSION pgstattuple; in this database. Other roles then need "
                                 "membership of pg_stat_scan_tables to call it.")
                : QStringLiteral("Install the server's contrib modules (on Debian the postgresql-15 package "
                                 "ships it; elsewhere postgresql15-contrib or the like), then run CREATE "
                                 "EXTENSION pgstattuple; in this database as a superuser."));
    }
    auto rows = db.query(
        QStringLiteral(
            "SELECT table_len, tuple_count, tuple_len, dead_tuple_count, dead_tuple_len, free_space, "
            "free_percent FROM pgstattuple(?::regclass)"),
        {SqlIdentifier::quote(schema, Dialect::Postgres) + QLatin1Char('.') +
         SqlIdentifier::quote(table, Dialect::Postgres)});
    if (!rows)
        return rows.error().prefixed(QStringLiteral("pgstattuple could not read %1.%2").arg(schema, table));
    ExactBloat e;
    e.tableBytes = rows->value(0, 0).toLongLong();
    e.liveTuples = rows->value(0, 1).toLongLong();
    e.liveBytes = rows->value(0, 2).toLongLong();
    e.deadTuples = rows->value(0, 3).toLongLong();
    e.deadBytes = rows->value(0, 4).toLongLong();
    e.freeBytes = rows->value(0, 5).toLongLong();
    e.freePercent = rows->value(0, 6).toDouble();
    return e;
}

} // namespace strata
