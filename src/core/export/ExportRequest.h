#pragma once

#include <QString>

#include "connection/ConnectionUrl.h"
#include "export/ExportFormat.h"

namespace strata {

/// What to export: the rows of one statement (a table's are SELECT * FROM it) in one format.
struct ExportRequest
{
    QString sql;
    ExportFormat format = ExportFormat::Csv;
    QString insertTable; ///< SQL INSERT: the table the statements name, as SQL (quoted where needed)
    /// A whole table's export: the table as SQL. PostgreSQL then copies the table itself (COPY t TO), which
    /// reads its heap without the executor a COPY (SELECT ...) goes through, as psql's \copy t does.
    QString table;

    /// The request for a whole table: its rows in the table's own order, INSERTs naming it.
    static ExportRequest ofTable(const QString& schema, const QString& table, Dialect dialect,
                                 ExportFormat format);
};

} // namespace strata
