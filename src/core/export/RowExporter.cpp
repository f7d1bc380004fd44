#include "export/RowExporter.h"

#include <cerrno>
#include <cstring>
#include <optional>

#include <QLocale>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "connection/FailureKind.h"
#include "console/ConsoleFailure.h"
#include "console/PostgresStatementRunner.h"
#include "console/SqliteStatementRunner.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "export/CsvText.h"
#include "export/RowWriter.h"

namespace strata {

namespace {

constexpr qint64 kReportEvery = 10000; ///< rows between progress reports and cancel checks

/// Writes `buffer` out and empties it; a failed write says what the device said (e.g. no space left).
std::optional<Error> flush(QByteArray& buffer, QIODevice& out)
{
    // A write cut short (the disk filled up mid-block) is followed by one that fails with the reason.
    qint64 done = 0;
    while (done < buffer.size()) {
        errno = 0;
        const qint64 n = out.write(buffer.constData() + done, buffer.size() - done);
        if (n > 0) {
            done += n;
            continue;
        }
        // QSaveFile may only say "Unknown error"; the system's own words name a full disk or a size limit.
        const int code = errno;
        const QString reason = code != 0 ? QString::fromLocal8Bit(std::strerror(code)) : out.errorString();
        return Error::failed(
            QStringLiteral("Writing the export failed: %1.").arg(reason),
            QStringLiteral("The database was only read."),
            QStringLiteral("Free space on that disk (df -h) or choose another folder, then export "
                           "again."));
    }
    buffer.resize(0); // keeps its capacity: clear() would free the block and the next rows allocate it again
    return std::nullopt;
}

Error cancelled(qint64 rows)
{
    return Error::failed(
        QStringLiteral("The export was cancelled after %1 rows.").arg(QLocale().toString(rows)),
        QStringLiteral("The database was only read."), QStringLiteral("Export again when wanted."));
}

void report(const Progress& progress, qint64 rows)
{
    progress.report(rows, 0, QStringLiteral("%1 rows written").arg(QLocale().toString(rows)));
}

/// The statement without a closing semicolon and trailing whitespace, to sit inside COPY ( ... ).
QString bare(QString sql)
{
    while (!sql.isEmpty() && (sql.back().isSpace() || sql.back() == QLatin1Char(';')))
        sql.chop(1);
    return sql;
}

bool copyTakes(const QString& sql)
{
    const QString keyword = Database::leadingKeyword(sql.toUtf8());
    return keyword == QLatin1String("SELECT") || keyword == QLatin1String("WITH") ||
           keyword == QLatin1String("VALUES") || keyword == QLatin1String("TABLE");
}

} // namespace

Result<qint64> RowExporter::run(Database& db, const ExportRequest& request, QIODevice& out,
                                const Progress& progress)
{
    if (request.format == ExportFormat::Csv && db.dialect() == Dialect::Sqlite)
        return sqliteCsv(db, request.sql, out, progress);
    if (request.format == ExportFormat::Csv && copyTakes(request.sql))
        return postgresCopy(
            db, request.table.isEmpty() ? QStringLiteral("(\n%1\n)").arg(bare(request.sql)) : request.table,
            out, progress);
    return throughWriter(db, request, out, progress);
}

Result<qint64> RowExporter::sqliteCsv(Database& db, const QString& sql, QIODevice& out,
                                      const Progress& progress)
{
    sqlite3* handle = static_cast<SqliteDatabase&>(db).handle();
    const QByteArray utf8 = bare(sql).toUtf8();
    sqlite3_stmt* stmt = nullptr;
    auto failure = [&] {
        const QString message = QString::fromUtf8(sqlite3_errmsg(handle));
        FailureKind kind = FailureKind::ofSqlite(sqlite3_extended_errcode(handle), message);
        if (progress.cancelled())
            kind = FailureKind::Cancelled;
        return ConsoleFailure::of(kind, QStringLiteral("SQLite"), message, true, db.display());
    };
    if (sqlite3_prepare_v3(handle, utf8.constData(), int(utf8.size()) + 1, 0, &stmt, nullptr) != SQLITE_OK)
        return failure();
    if (!stmt)
        return Error::badInput(QStringLiteral("There is no statement to export."),
                               QStringLiteral("Give a SELECT whose rows are to be exported."));
    const int columns = sqlite3_column_count(stmt);
    QByteArray buffer;
    buffer.reserve(kFlushBytes + (1 << 16));
    for (int c = 0; c < columns; ++c) {
        if (c > 0)
            buffer.append(',');
        CsvText::appendField(buffer, sqlite3_column_name(stmt, c), Dialect::Sqlite);
    }
    buffer.append('\n');
    qint64 rows = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                buffer.append(',');
            if (sqlite3_column_type(stmt, c) == SQLITE_NULL)
                continue;
            // The text SQLite gives for any value (15 significant digits for a real, a blob's bytes), cut at
            // the first NUL as the shell's printf cuts it.
            const char* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            const int bytes = sqlite3_column_bytes(stmt, c);
            CsvText::appendField(buffer, QByteArrayView(text, qstrnlen(text, uint(bytes))), Dialect::Sqlite);
        }
        buffer.append('\n');
        ++rows;
        if (buffer.size() >= kFlushBytes) {
            if (auto error = flush(buffer, out)) {
                sqlite3_finalize(stmt);
                return *error;
            }
        }
        if (rows % kReportEvery == 0) {
            if (progress.cancelled()) {
                sqlite3_finalize(stmt);
                return cancelled(rows);
            }
            report(progress, rows);
        }
    }
    if (rc != SQLITE_DONE) {
        Error error = failure();
        sqlite3_finalize(stmt);
        return error;
    }
    sqlite3_finalize(stmt);
    if (auto error = flush(buffer, out))
        return *error;
    report(progress, rows);
    return rows;
}

Result<qint64> RowExporter::postgresCopy(Database& db, const QString& source, QIODevice& out,
                                         const Progress& progress)
{
    auto& postgres = static_cast<PostgresDatabase&>(db);
    pg_conn* conn = postgres.handle();
    const QByteArray copy = "COPY " + source.toUtf8() + " TO STDOUT WITH (FORMAT csv, HEADER)";
    auto failure = [&](const PGresult* result) {
        const bool lost = PQstatus(conn) != CONNECTION_OK;
        const QString state =
            result ? QString::fromUtf8(PQresultErrorField(result, PG_DIAG_SQLSTATE)) : QString();
        QString message = result && !lost
                              ? QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY))
                              : QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        if (!state.isEmpty())
            message += QStringLiteral(" (SQLSTATE %1)").arg(state);
        FailureKind kind = FailureKind::ofPostgres(state, message, lost);
        if (progress.cancelled() && state == QLatin1String("57014"))
            kind = FailureKind::Cancelled;
        return ConsoleFailure::of(kind, QStringLiteral("PostgreSQL"), message, true, db.display());
    };
    PGresult* started = PQexec(conn, copy.constData());
    if (PQresultStatus(started) != PGRES_COPY_OUT) {
        Error error = failure(started);
        PQclear(started);
        return error;
    }
    PQclear(started);
    QByteArray buffer;
    buffer.reserve(kFlushBytes + (1 << 16));
    qint64 messages = 0;
    std::optional<Error> writeError;
    bool stopping = false;
    char* data = nullptr;
    int length;
    while ((length = PQgetCopyData(conn, &data, 0)) > 0) {
        if (!stopping)
            buffer.append(data, length);
        PQfreemem(data);
        ++messages; // one message a line: the header, then a row each
        if (stopping)
            continue;
        if (buffer.size() >= kFlushBytes)
            writeError = flush(buffer, out);
        if (messages % kReportEvery == 0) {
            report(progress, messages - 1);
            if (progress.cancelled() || writeError) {
                stopping = true; // the server stops at the cancel; what it sent meanwhile is read and dropped
                postgres.interrupt();
            }
        }
    }
    std::optional<Error> serverError;
    while (PGresult* result = PQgetResult(conn)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && !serverError)
            serverError = failure(result);
        PQclear(result);
    }
    if (length == -2 && !serverError)
        serverError = failure(nullptr);
    const qint64 rows = qMax<qint64>(0, messages - 1);
    if (writeError)
        return *writeError;
    if (progress.cancelled())
        return cancelled(rows);
    if (serverError)
        return *serverError;
    if (auto error = flush(buffer, out))
        return *error;
    report(progress, rows);
    return rows;
}

Result<qint64> RowExporter::throughWriter(Database& db, const ExportRequest& request, QIODevice& out,
                                          const Progress& progress)
{
    std::unique_ptr<StatementRunner> runner;
    if (db.dialect() == Dialect::Sqlite)
        runner = std::make_unique<SqliteStatementRunner>(static_cast<SqliteDatabase&>(db));
    else
        runner = std::make_unique<PostgresStatementRunner>(static_cast<PostgresDatabase&>(db));
    const QString table = request.insertTable.isEmpty() ? QStringLiteral("exported") : request.insertTable;
    auto writer = RowWriter::create(request.format, db.dialect(), table);
    QByteArray buffer;
    std::optional<Error> writeError;
    bool begun = false;
    qint64 rows = 0;
    auto outcome = runner->run(
        bare(request.sql),
        [&](const QStringList& columns, QList<QVariantList>& batch) {
            if (!begun) {
                writer->begin(columns, buffer);
                begun = true;
            }
            for (const QVariantList& row : std::as_const(batch))
                writer->row(row, buffer);
            rows += batch.size();
            batch.clear();
            if (buffer.size() >= kFlushBytes)
                writeError = flush(buffer, out);
            report(progress, rows);
            return !writeError && !progress.cancelled();
        },
        int(kReportEvery));
    if (writeError)
        return *writeError;
    if (progress.cancelled())
        return cancelled(rows);
    if (!outcome)
        return outcome.error();
    if (!begun)
        writer->begin(outcome->columns, buffer);
    writer->end(buffer);
    if (auto error = flush(buffer, out))
        return *error;
    return rows;
}

} // namespace strata
