#pragma once

#include <QIODevice>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "export/ExportRequest.h"

namespace strata {

/// Streams the rows of a statement into a device in one export format, in bounded memory (a batch of rows
/// and about a megabyte of output at a time), however many rows there are. CSV comes the engine's own way:
/// PostgreSQL writes it with COPY (query) TO STDOUT WITH CSV HEADER (what psql's \copy runs); on SQLite the
/// values' text is taken straight from sqlite3_column_text, as the sqlite3 shell takes it.
///
/// Stops at progress.cancelled() (the statement is interrupted); a failed write (a full disk) is an error
/// naming what the device said.
class RowExporter
{
public:
    static constexpr qint64 kFlushBytes = 1 << 20;

    /// The number of rows written.
    static Result<qint64> run(Database& db, const ExportRequest& request, QIODevice& out,
                              const Progress& progress);

private:
    static Result<qint64> sqliteCsv(Database& db, const QString& sql, QIODevice& out,
                                    const Progress& progress);
    /// `source`: a table, or a statement in parentheses (on lines of its own: a comment at its end must not
    /// swallow the closing parenthesis).
    static Result<qint64> postgresCopy(Database& db, const QString& source, QIODevice& out,
                                       const Progress& progress);
    static Result<qint64> throughWriter(Database& db, const ExportRequest& request, QIODevice& out,
                                        const Progress& progress);
};

} // namespace strata
