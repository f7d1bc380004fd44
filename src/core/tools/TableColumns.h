#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// The column names of one table, lower case; empty when there is no such table.
class TableColumns
{
public:
    /// `table` may be "schema.table" on PostgreSQL; otherwise it is looked up in the current schema.
    static Result<QSet<QString>> of(Database& db, const QString& table);
    /// The columns of each of `tables` that exists (named as in `tables`), read in one query on PostgreSQL:
    /// each query of a new session pays for the catalog it is the first to read. On SQLite a table whose
    /// columns cannot be read is left out.
    static Result<QHash<QString, QSet<QString>>> ofEach(Database& db, const QStringList& tables);
};

} // namespace strata
