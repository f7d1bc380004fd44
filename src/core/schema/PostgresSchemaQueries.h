#pragma once

#include <QString>
#include <QStringList>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "schema/SchemaSnapshot.h"

namespace strata {

/// SchemaReader's PostgreSQL half: pg_class, pg_attribute, pg_constraint, pg_index and friends, one query
/// per question over all user schemas (the system schemas and extensions' objects left out).
class PostgresSchemaQueries
{
public:
    explicit PostgresSchemaQueries(Database& db) : m_db(db) {}

    /// The catalog questions a full read asks, in order.
    static QStringList questions();

    /// Every user schema with its tables and objects when `table` is empty; otherwise that table alone.
    Result<SchemaSnapshot> read(const QString& schema, const QString& table, const Progress& progress);
    Result<TableSize> tableSize(const QString& schema, const QString& table);

private:
    Database& m_db;
};

} // namespace strata
