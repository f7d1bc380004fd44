#pragma once

#include <optional>

#include <QString>
#include <QStringList>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "schema/SchemaSnapshot.h"
#include "schema/UsageStatistics.h"

namespace strata {

/// Reads a database's schema from its catalog. Each question is one set-based query over all tables, kept
/// in resources/sql/<dialect>/schema_*.sql, so that 2,000 tables cost a handful of queries, not thousands.
class SchemaReader
{
public:
    explicit SchemaReader(Database& db);

    /// Tables (columns, keys, foreign keys, constraints, indexes with size and scans, estimated rows, DDL),
    /// views, triggers, sequences and enum types of the user's schemas. Reports per query; stops when
    /// cancelled (the error then says the read was cancelled).
    Result<SchemaSnapshot> read(const Progress& progress = {});
    /// One table, as in read().
    Result<TableInfo> readTable(const QString& schema, const QString& table);
    /// Total, table and index bytes (PostgreSQL: pg_total_relation_size and friends; SQLite: dbstat when
    /// compiled in, otherwise all -1 with `unavailable` saying so).
    Result<TableSize> tableSize(const QString& schema, const QString& table);
    /// Since when PostgreSQL's usage counters (index scans) count; nullopt on SQLite, which keeps none.
    Result<std::optional<UsageStatistics>> usageStatistics();
    /// Puts the measured index sizes of `size` (from tableSize()) into `table`'s indexes in place of the
    /// catalog's estimates: the one way the app and the CLI turn a table's read into the sizes they show.
    static void applyMeasuredSizes(TableInfo& table, const TableSize& size);
    /// SELECT count(*), interruptible: cancelling `progress` interrupts the statement (Database::interrupt)
    /// and the result is an error saying the count was cancelled.
    Result<qint64> exactRowCount(const QString& schema, const QString& table, const Progress& progress = {});

    /// The resources/sql/<dialect>/ questions that read() asks, in order (for measuring them alone).
    static QStringList catalogQueries(Dialect dialect);

private:
    Database& m_db;
};

} // namespace strata
