#pragma once

#include <optional>

#include "jobs/DatabaseJob.h"
#include "schema/SchemaSnapshot.h"
#include "schema/SetOwnedIndexes.h"
#include "schema/UsageStatistics.h"

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
    /// Total, table and index bytes of one table, each index's measured bytes, since when the usage
    /// statistics count (PostgreSQL), and which indexes the migration set in `setFolder` creates (none when
    /// empty).
    static std::unique_ptr<SchemaJob> measureTable(const QString& schema, const QString& table,
                                                   const QString& setFolder = {});
    /// SELECT count(*) of one table. Cancelling interrupts the running statement.
    static std::unique_ptr<SchemaJob> countRows(const QString& schema, const QString& table);

    QString title() const override;
    Status run(Database& db, const Progress& progress) override;
    /// A count or a table's measure (its size and index advice) is what the operator opened the table for
    /// and waits for: closing asks. The schema read is the window's own, done again on every open and
    /// refresh: closing stops it silently.
    bool asksBeforeClose() const override { return m_work != Work::ReadSchema; }
    QString operatorName() const override;
    bool onlyReads() const override { return true; }

    Work work() const { return m_work; }
    QString schema() const { return m_schema; }
    QString table() const { return m_table; }
    /// Set once a ReadSchema job succeeded.
    const std::optional<SchemaSnapshot>& snapshot() const { return m_snapshot; }
    /// Set once a MeasureTable job succeeded.
    const std::optional<TableSize>& size() const { return m_size; }
    /// MeasureTable: since when PostgreSQL's usage statistics count; unset on SQLite.
    const std::optional<UsageStatistics>& usage() const { return m_usage; }
    /// MeasureTable: the indexes the migration set creates.
    const SetOwnedIndexes& owned() const { return m_owned; }
    /// MeasureTable: why the migration set could not be read (its indexes are then not known), else empty.
    const QString& setProblem() const { return m_setProblem; }
    /// Set once a CountRows job succeeded.
    std::optional<qint64> rowCount() const { return m_rowCount; }
    /// How long the work took on the worker, in milliseconds (connection excluded).
    qint64 elapsedMs() const { return m_elapsedMs; }

private:
    SchemaJob(Work work, QString schema, QString table, QString setFolder = {})
        : m_work(work), m_schema(std::move(schema)), m_table(std::move(table)),
          m_setFolder(std::move(setFolder))
    {}

    Work m_work;
    QString m_schema;
    QString m_table;
    QString m_setFolder;
    std::optional<SchemaSnapshot> m_snapshot;
    std::optional<UsageStatistics> m_usage;
    SetOwnedIndexes m_owned;
    QString m_setProblem;
    std::optional<TableSize> m_size;
    std::optional<qint64> m_rowCount;
    qint64 m_elapsedMs = 0;
};

} // namespace strata
