#pragma once

#include <optional>

#include "jobs/DatabaseJob.h"
#include "schema/SchemaSnapshot.h"

namespace strata {

/// The schema browser's reads, each on a JobRunner worker with a connection of its own: the whole schema
/// (SchemaReader::read), one table's size, or its exact row count. One job class for the three, because they
/// share the reader, the timing the page shows, and how a cancelled read is reported.
class SchemaJob final : public DatabaseJob
{
public:
    enum class Work { ReadSchema, MeasureTable, CountRows };

    /// Reads every table, view, index, trigger, sequence and enum type.
    static std::unique_ptr<SchemaJob> readSchema();
    /// Total, table and index bytes of one table.
    static std::unique_ptr<SchemaJob> measureTable(const QString& schema, const QString& table);
    /// SELECT count(*) of one table. Cancelling interrupts the running statement.
    static std::unique_ptr<SchemaJob> countRows(const QString& schema, const QString& table);

    QString title() const override;
    Status run(Database& db, const Progress& progress) override;

    Work work() const { return m_work; }
    QString schema() const { return m_schema; }
    QString table() const { return m_table; }
    /// Set once a ReadSchema job succeeded.
    const std::optional<SchemaSnapshot>& snapshot() const { return m_snapshot; }
    /// Set once a MeasureTable job succeeded.
    const std::optional<TableSize>& size() const { return m_size; }
    /// Set once a CountRows job succeeded.
    std::optional<qint64> rowCount() const { return m_rowCount; }
    /// How long the work took on the worker, in milliseconds (connection excluded).
    qint64 elapsedMs() const { return m_elapsedMs; }

private:
    SchemaJob(Work work, QString schema, QString table)
        : m_work(work), m_schema(std::move(schema)), m_table(std::move(table))
    {}

    Work m_work;
    QString m_schema;
    QString m_table;
    std::optional<SchemaSnapshot> m_snapshot;
    std::optional<TableSize> m_size;
    std::optional<qint64> m_rowCount;
    qint64 m_elapsedMs = 0;
};

} // namespace strata
