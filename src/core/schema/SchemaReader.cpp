#include "schema/SchemaReader.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <QDateTime>

#include "schema/PostgresSchemaQueries.h"
#include "schema/SqlIdentifier.h"
#include "schema/SqliteSchemaQueries.h"

namespace strata {

namespace {

Error noSuchTable(const QString& name, const Database& db)
{
    return Error::badInput(
        QStringLiteral("There is no table %1 in %2.").arg(name, db.display()),
        QStringLiteral("Check the schema and the name: the schema tree lists the tables."));
}

} // namespace

SchemaReader::SchemaReader(Database& db) : m_db(db) {}

QStringList SchemaReader::catalogQueries(Dialect dialect)
{
    return dialect == Dialect::Sqlite ? SqliteSchemaQueries::questions() : PostgresSchemaQueries::questions();
}

Result<SchemaSnapshot> SchemaReader::read(const Progress& progress)
{
    if (m_db.dialect() == Dialect::Sqlite)
        return SqliteSchemaQueries(m_db).read({}, progress);
    return PostgresSchemaQueries(m_db).read({}, {}, progress);
}

Result<TableInfo> SchemaReader::readTable(const QString& schema, const QString& table)
{
    const QString display = SqlIdentifier::qualified(schema, table, m_db.dialect());
    if (m_db.dialect() == Dialect::Sqlite) {
        if (!schema.isEmpty() && schema != QLatin1String("main"))
            return noSuchTable(schema + QLatin1Char('.') + table, m_db);
        SqliteSchemaQueries queries(m_db);
        auto one = queries.read(table, {});
        if (!one)
            return one.error();
        if (one->tables.isEmpty())
            return noSuchTable(display, m_db);
        TableInfo info = one->tables.first();
        // dbstat reads every page of the table, so only a single table's read pays for index sizes.
        QHash<QString, qint64> indexBytes;
        auto size = queries.tableSize(table, &indexBytes);
        if (!size)
            return size.error();
        for (IndexInfo& index : info.indexes)
            index.sizeBytes = indexBytes.value(index.name, -1);
        return info;
    }
    auto one = PostgresSchemaQueries(m_db).read(schema, table, {});
    if (!one)
        return one.error();
    if (one->tables.isEmpty())
        return noSuchTable(display, m_db);
    return one->tables.first();
}

Result<TableSize> SchemaReader::tableSize(const QString& schema, const QString& table)
{
    if (m_db.dialect() == Dialect::Sqlite) {
        if (!schema.isEmpty() && schema != QLatin1String("main"))
            return noSuchTable(schema + QLatin1Char('.') + table, m_db);
        return SqliteSchemaQueries(m_db).tableSize(table);
    }
    return PostgresSchemaQueries(m_db).tableSize(schema, table);
}

Result<std::optional<UsageStatistics>> SchemaReader::usageStatistics()
{
    if (m_db.dialect() == Dialect::Sqlite)
        return std::optional<UsageStatistics>();
    auto rows = m_db.query(m_db.catalogSql(QStringLiteral("usage_statistics")));
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<UsageStatistics>();
    const auto moment = [](const QVariant& value) {
        return value.isNull() ? QDateTime()
                              : QDateTime::fromSecsSinceEpoch(value.toString().toLongLong(), Qt::UTC);
    };
    UsageStatistics usage;
    usage.reset = moment(rows->value(0, 0));
    usage.serverStarted = moment(rows->value(0, 1));
    usage.now = moment(rows->value(0, 2));
    if (rows->value(0, 4).toString() == QLatin1String("t")) {
        auto created = m_db.query(m_db.catalogSql(QStringLiteral("database_created")), {rows->value(0, 3)});
        if (created && !created->isEmpty())
            usage.created = moment(created->value(0, 0));
    }
    return std::optional<UsageStatistics>(usage);
}

void SchemaReader::applyMeasuredSizes(TableInfo& table, const TableSize& size)
{
    for (IndexInfo& index : table.indexes) {
        const auto measured = size.indexes.constFind(index.name);
        if (measured != size.indexes.constEnd()) {
            index.sizeBytes = *measured;
            index.sizeEstimated = false;
        }
    }
}

Result<qint64> SchemaReader::exactRowCount(const QString& schema, const QString& table,
                                           const Progress& progress)
{
    const QString name = SqlIdentifier::qualified(schema, table, m_db.dialect());
    const auto cancelledError = [&] {
        return Error::failed(
            QStringLiteral("The exact count of %1 was cancelled.").arg(name),
            QStringLiteral("Nothing: counting only reads."),
            QStringLiteral("Use the estimate, or count again when the database is quieter."));
    };
    if (progress.cancelled())
        return cancelledError();

    // The statement blocks this thread, so a watcher polls the cancel flag and interrupts the statement. It
    // interrupts again until the statement ends: an interrupt that arrives before the server has started
    // the statement (PostgreSQL drops a cancel request that finds its session idle) is not the last word.
    std::atomic_bool finished{false};
    std::atomic_bool interrupted{false};
    std::thread watcher;
    if (progress.cancelFlag()) {
        watcher = std::thread([&] {
            while (!finished.load()) {
                if (progress.cancelled()) {
                    interrupted = true;
                    m_db.interrupt();
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
                    continue;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
    }
    progress.report(0, 1, QStringLiteral("Counting the rows of %1").arg(name));
    auto rows = m_db.query(QStringLiteral("SELECT count(*) FROM ") + name);
    finished = true;
    if (watcher.joinable())
        watcher.join();
    if (!rows)
        return interrupted ? cancelledError() : rows.error();
    progress.report(1, 1, QStringLiteral("Counted the rows of %1").arg(name));
    return rows->value(0, 0).toString().toLongLong();
}

} // namespace strata
