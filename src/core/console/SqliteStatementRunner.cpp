#include "console/SqliteStatementRunner.h"

#include <QElapsedTimer>

#include <sqlite3.h>

#include "connection/FailureKind.h"
#include "console/ConsoleFailure.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

namespace {

/// The 0-based character index in `utf8`'s text of byte `offset`.
int characterIndex(const QByteArray& utf8, qsizetype offset)
{
    return int(QString::fromUtf8(utf8.left(offset)).size());
}

/// The first word of a statement as SQLite names its command ("SELECT", "UPDATE", "WITH"...).
QString commandOf(QByteArrayView statement)
{
    return Database::leadingKeyword(statement);
}

/// Whether text after a statement holds more than whitespace, comments and empty statements.
bool hasMoreStatements(QByteArrayView after)
{
    for (;;) {
        after = after.sliced(Database::skipSpaceAndComments(after));
        if (after.isEmpty())
            return false;
        if (after.front() != ';')
            return true;
        after = after.sliced(1);
    }
}

bool isDataChange(const QString& command)
{
    return command == QLatin1String("INSERT") || command == QLatin1String("UPDATE") ||
           command == QLatin1String("DELETE") || command == QLatin1String("REPLACE") ||
           command == QLatin1String("WITH");
}

} // namespace

SqliteStatementRunner::SqliteStatementRunner(SqliteDatabase& db) : m_db(db)
{
    // Every 1000 virtual machine steps: a statement that computes for ever without a row (a recursive CTE
    // without end, a cross join) sees a cancel as soon as a statement that returns rows does.
    sqlite3_progress_handler(m_db.handle(), 1000, &SqliteStatementRunner::onProgress, this);
    // Another writer's lock is waited for as SqliteDatabase waits, ended by this runner's own cancel.
    sqlite3_busy_handler(m_db.handle(), &SqliteStatementRunner::onBusy, this);
}

SqliteStatementRunner::~SqliteStatementRunner()
{
    sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr);
    m_db.setBusyTimeout(std::chrono::milliseconds(kBusyTimeoutMs)); // the database's own handler again
}

int SqliteStatementRunner::onBusy(void* self, int attempt)
{
    constexpr int kStepMs = 10;
    if (static_cast<SqliteStatementRunner*>(self)->m_cancel.load() || attempt * kStepMs >= kBusyTimeoutMs)
        return 0; // the statement fails with "database is locked"
    sqlite3_sleep(kStepMs);
    return 1;
}

int SqliteStatementRunner::onProgress(void* self)
{
    return static_cast<SqliteStatementRunner*>(self)->m_cancel.load(std::memory_order_relaxed) ? 1 : 0;
}

void SqliteStatementRunner::interrupt()
{
    m_cancel = true;
    m_db.interrupt();
}

Error SqliteStatementRunner::failure(const QByteArray& utf8)
{
    sqlite3* db = m_db.handle();
    const int code = sqlite3_extended_errcode(db);
    const QString message = QString::fromUtf8(sqlite3_errmsg(db));
    const int offset = sqlite3_error_offset(db);
    m_errorPosition = offset >= 0 ? characterIndex(utf8, offset) : -1;
    FailureKind kind = FailureKind::ofSqlite(code, message);
    if ((code & 0xff) == SQLITE_INTERRUPT || m_cancel.load())
        kind = FailureKind::Cancelled;
    return ConsoleFailure::of(kind, QStringLiteral("SQLite"), message, m_readOnly, m_db.display());
}

Result<StatementOutcome> SqliteStatementRunner::run(const QString& sql, const RowBatch& batch, int batchRows)
{
    m_cancel = false;
    m_errorPosition = -1;
    StatementOutcome outcome;
    QElapsedTimer clock;
    clock.start();
    sqlite3* db = m_db.handle();
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    // The length includes the NUL after the last byte, so that SQLite parses in place without a copy.
    if (sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()) + 1, 0, &stmt, &tail) != SQLITE_OK)
        return failure(utf8);
    if (!stmt)
        return outcome; // only whitespace and comments
    const qsizetype rest = tail - utf8.constData();
    if (hasMoreStatements(QByteArrayView(tail, utf8.size() - rest))) {
        sqlite3_finalize(stmt);
        m_errorPosition = characterIndex(utf8, rest);
        return Error::badInput(QStringLiteral("More than one statement was given; one runs at a time."),
                               QStringLiteral("Run the statements one by one (or as a script)."),
                               QStringLiteral("Nothing was run."));
    }
    outcome.command = commandOf(QByteArrayView(utf8.constData(), rest));
    const int columns = sqlite3_column_count(stmt);
    for (int c = 0; c < columns; ++c)
        outcome.columns << QString::fromUtf8(sqlite3_column_name(stmt, c));
    const bool readsOnly = sqlite3_stmt_readonly(stmt);
    if (outcome.command == QLatin1String("WITH") && readsOnly)
        outcome.command = QStringLiteral("SELECT"); // as PostgreSQL names a query that starts with a CTE
    const sqlite3_int64 changesBefore = sqlite3_total_changes64(db);
    QList<QVariantList> rows;
    rows.reserve(qMin(batchRows, 4096));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row << SqliteDatabase::columnValue(stmt, c);
        rows << std::move(row);
        ++outcome.rowsReturned;
        if (rows.size() >= batchRows) {
            const bool more = batch(outcome.columns, rows);
            rows.clear();
            if (!more) {
                outcome.stopped = true;
                break;
            }
        }
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        Error error = failure(utf8);
        sqlite3_finalize(stmt);
        return error;
    }
    sqlite3_finalize(stmt);
    if (!rows.isEmpty() || (outcome.rowsReturned == 0 && columns > 0))
        batch(outcome.columns, rows);
    // sqlite3_changes64 counts the rows of the statement itself, not those its triggers changed.
    if (!readsOnly && isDataChange(outcome.command) && sqlite3_total_changes64(db) != changesBefore)
        outcome.rowsAffected = sqlite3_changes64(db);
    else if (!readsOnly && isDataChange(outcome.command) && outcome.command != QLatin1String("WITH"))
        outcome.rowsAffected = 0;
    outcome.micros = clock.nsecsElapsed() / 1000;
    return outcome;
}

Status SqliteStatementRunner::setReadOnly(bool readOnly)
{
    m_cancel =
        false; // a cancel of the statement before must not stop this one (the progress handler reads it)
    const Status status = m_db.execute(readOnly ? QStringLiteral("PRAGMA query_only = 1")
                                                : QStringLiteral("PRAGMA query_only = 0"));
    if (status)
        m_readOnly = readOnly;
    return status;
}

Status SqliteStatementRunner::beginHeld()
{
    m_cancel = false; // nor the wait of BEGIN IMMEDIATE for another writer (the busy handler reads it)
    return m_db.begin();
}

} // namespace strata
