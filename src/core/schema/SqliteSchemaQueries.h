#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "schema/SchemaSnapshot.h"

namespace strata {

/// SchemaReader's SQLite half: sqlite_schema joined with the pragma table-valued functions, one query per
/// question over all tables, and the stored CREATE statements for what the pragmas do not say.
class SqliteSchemaQueries
{
public:
    explicit SqliteSchemaQueries(Database& db) : m_db(db) {}

    /// The catalog questions a full read asks, in order (schema_table_stats only after an ANALYZE).
    static QStringList questions();

    /// All user tables with views and triggers when `table` is empty; otherwise that table alone.
    Result<SchemaSnapshot> read(const QString& table, const Progress& progress);
    /// Sizes from dbstat; `indexBytes` (when given) receives each index's own bytes.
    Result<TableSize> tableSize(const QString& table, QHash<QString, qint64>* indexBytes = nullptr);

private:
    Database& m_db;
};

} // namespace strata
