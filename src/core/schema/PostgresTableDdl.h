#pragma once

#include <QString>

#include "schema/TableInfo.h"

namespace strata {

/// PostgreSQL keeps no CREATE TABLE text: this writes one back from the catalog (columns with their types,
/// defaults, generation and identity, NOT NULL, then the table constraints as pg_get_constraintdef prints
/// them), close to what pg_dump writes for the table itself.
class PostgresTableDdl
{
public:
    /// `unlogged`: relpersistence 'u'; `partitionKey`: pg_get_partkeydef of a partitioned table, or empty.
    static QString write(const TableInfo& table, bool unlogged, const QString& partitionKey);
};

} // namespace strata
