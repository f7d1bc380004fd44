#pragma once

#include <chrono>
#include <memory>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "connection/RunLock.h"

namespace strata {

/// Rows of a query, values as QVariant (PostgreSQL values arrive as text; NULL is an invalid QVariant).
struct QueryRows
{
    QStringList columns;
    QList<QVariantList> rows;

    QVariant value(int row, int column) const { return rows.value(row).value(column); }
    bool isEmpty() const { return rows.isEmpty(); }
};

/// A SQL script and where it came from, so that an error can name the file and the line.
struct SqlScript
{
    QString path;      ///< shown in messages
    QByteArray utf8;   ///< the exact text to run
    int firstLine = 1; ///< line of `utf8`'s first byte in the file (for sections of a file)
};

/// One open connection to a database, behind which the dialects differ.
///
/// A Database belongs to the thread that opened it. Long work opens its own on a worker thread.
class Database
{
public:
    virtual ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    virtual Dialect dialect() const = 0;
    /// Where this is, for messages (never a password).
    virtual QString display() const = 0;

    /// One statement with `?` placeholders bound to `params`.
    virtual Result<QueryRows> query(const QString& sql, const QVariantList& params = {}) = 0;
    Status execute(const QString& sql, const QVariantList& params = {});

    /// Runs a script statement by statement with the database's own parser. `inTransaction` says that the
    /// caller wraps it in a transaction, so BEGIN/COMMIT inside the script are refused with a clear message.
    virtual Status runScript(const SqlScript& script, bool inTransaction) = 0;
    /// Rows that the statements of runScript() inserted, updated or deleted on this connection since it
    /// opened (their affected-row counts; DDL counts none). A rehearsal reads it around each step.
    qint64 scriptRowsChanged() const { return m_scriptRowsChanged; }

    /// Starts a write transaction (SQLite: BEGIN IMMEDIATE, so a concurrent writer is seen before any work).
    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual Status rollback() = 0;

    /// Takes the migration lock: held for a whole run, so two runs on one database never interleave.
    /// Calls `waiting` once with a description of the holder when it has to wait.
    virtual Result<std::unique_ptr<RunLock>> acquireRunLock(std::chrono::milliseconds timeout,
                                                            const RunLock::WaitNotice& waiting) = 0;

    /// Asks the statement running on this connection to stop, from any thread; the statement then fails
    /// with the engine's "interrupted"/"canceling statement" error. Does nothing when none is running.
    virtual void interrupt() = 0;

    /// The catalog SQL of this dialect named `name` (resources/sql/<dialect>/<name>.sql).
    QString catalogSql(const QString& name) const;
    /// The user's tables (SQLite's own sqlite_* tables are not the user's).
    Result<QStringList> userTables();
    /// The user's tables among `names` (on SQLite without regard to case), each as it was created: what a
    /// caller that needs only a few tables asks instead of listing a schema of thousands.
    Result<QStringList> tablesNamed(const QStringList& names);
    Result<bool> tableExists(const QString& name);
    /// "SQLite 3.40.1", "PostgreSQL 15.18".
    Result<QString> engineVersion();
    /// Every object of the schema as (kind, name, definition) rows, in a stable order.
    Result<QueryRows> catalog();

    /// Offset of the first byte after leading whitespace and comments (`--`, nested `/* */`).
    static qsizetype skipSpaceAndComments(QByteArrayView statement);
    /// The first keyword of a statement, upper-case, after whitespace and comments.
    static QString leadingKeyword(QByteArrayView statement);
    /// Whether a statement is BEGIN/COMMIT/ROLLBACK/END/ABORT/START TRANSACTION.
    static bool isTransactionControl(QByteArrayView statement);

protected:
    Database() = default;
    qint64 m_scriptRowsChanged = 0; ///< runScript() adds each statement's affected rows
    /// An error in a script, naming the file and line and carrying the database's own message.
    static Error scriptError(const SqlScript& script, qsizetype byteOffset, const QString& databaseMessage);
    static Error transactionControlError(const SqlScript& script, qsizetype byteOffset,
                                         const QString& keyword);
};

} // namespace strata
