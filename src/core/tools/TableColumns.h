#pragma once

#include <QSet>
#include <QString>

#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// The column names of one table, lower case; empty when there is no such table.
class TableColumns
{
public:
    /// `table` may be "schema.table" on PostgreSQL; otherwise it is looked up in the current schema.
    static Result<QSet<QString>> of(Database& db, const QString& table);
};

} // namespace strata
