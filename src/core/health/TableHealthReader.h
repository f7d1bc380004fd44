#pragma once

#include "common/Result.h"
#include "connection/Database.h"
#include "health/TableHealth.h"

namespace strata {

/// Reads one table's health on the caller's connection, changing nothing. PostgreSQL reads the
/// statistics views and the catalog (cheap); SQLite reads the file's PRAGMAs and, where SQLite has the
/// dbstat table, walks the table's b-tree pages (a read of every page of the table).
class TableHealthReader
{
public:
    static Result<TableHealth> read(Database& db, const QString& schema, const QString& table);
    /// PostgreSQL: the exact figures of pgstattuple (reads every page of the table under an ACCESS SHARE
    /// lock, which blocks only DDL). When the extension is missing, the error says how to install it.
    static Result<ExactBloat> exactBloat(Database& db, const QString& schema, const QString& table);

private:
    static Result<TableHealth> readPostgres(Database& db, const QString& schema, const QString& table);
    static Result<TableHealth> readSqlite(Database& db, const QString& table);
};

} // namespace strata
