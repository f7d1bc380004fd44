#include "jobs/SchemaJob.h"

#include <QElapsedTimer>

#include "migrations/MigrationSetLoader.h"
#include "schema/SchemaReader.h"

namespace strata {

std::unique_ptr<SchemaJob> SchemaJob::readSchema()
{
    return std::unique_ptr<SchemaJob>(new SchemaJob(Work::ReadSchema, {}, {}));
}

std::unique_ptr<SchemaJob> SchemaJob::measureTable(const QString& schema, const QString& table,
                                                   const QString& setFolder)
{
    return std::unique_ptr<SchemaJob>(new SchemaJob(Work::MeasureTable, schema, table, setFolder));
}

std::unique_ptr<SchemaJob> SchemaJob::countRows(const QString& schema, const QString& table)
{
    return std::unique_ptr<SchemaJob>(new SchemaJob(Work::CountRows, schema, table));
}

QString SchemaJob::title() const
{
    switch (m_work) {
    case Work::ReadSchema:
        return QStringLiteral("Reading the schema");
    case Work::MeasureTable:
        return QStringLiteral("Measuring %1.%2").arg(m_schema, m_table);
    case Work::CountRows:
        return QStringLiteral("Counting the rows of %1.%2").arg(m_schema, m_table);
    }
    return {};
}

QString SchemaJob::operatorName() const
{
    // The table as the operator sees it in the schema tree: its schema only when it is not the default one.
    const bool defaultSchema =
        m_schema.isEmpty() || m_schema == QLatin1String("main") || m_schema == QLatin1String("public");
    const QString table = defaultSchema ? m_table : QStringLiteral("%1.%2").arg(m_schema, m_table);
    switch (m_work) {
    case Work::ReadSchema:
        return QStringLiteral("the schema read");
    case Work::MeasureTable:
        return QStringLiteral("the size and index advice of %1").arg(table);
    case Work::CountRows:
        return QStringLiteral("the exact row count of %1").arg(table);
    }
    return {};
}

Status SchemaJob::run(Database& db, const Progress& progress)
{
    QElapsedTimer clock;
    clock.start();
    SchemaReader reader(db);
    switch (m_work) {
    case Work::ReadSchema: {
        auto snapshot = reader.read(progress);
        if (!snapshot)
            return snapshot.error();
        m_snapshot = std::move(*snapshot);
        break;
    }
    case Work::MeasureTable: {
        auto size = reader.tableSize(m_schema, m_table);
        if (!size)
            return size.error();
        m_size = *size;
        auto usage = reader.usageStatistics();
        if (!usage)
            return usage.error();
        m_usage = *usage;
        if (!m_setFolder.isEmpty()) {
            auto set = MigrationSetLoader::load(m_setFolder);
            if (set)
                m_owned = SetOwnedIndexes::read(*set, db.dialect());
            else
                m_setProblem = set.error().what;
        }
        break;
    }
    case Work::CountRows: {
        // The reader interrupts the running count(*) when the job is cancelled.
        auto rows = reader.exactRowCount(m_schema, m_table, progress);
        if (!rows)
            return rows.error();
        m_rowCount = *rows;
        break;
    }
    }
    m_elapsedMs = clock.elapsed();
    return {};
}

} // namespace strata
