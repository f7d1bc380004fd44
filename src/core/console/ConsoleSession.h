#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include <QMutex>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "connection/Database.h"
#include "console/StatementOutcome.h"

namespace strata {

class StatementRunner;

/// One editor's own connection, used on ONE worker thread; interrupt() from any thread.
///
/// A new session is read-only unless opened in write mode: on PostgreSQL every transaction of the session
/// is READ ONLY (SET SESSION CHARACTERISTICS), on SQLite PRAGMA query_only is on. The engine itself refuses
/// a write then, and the error says so.
class ConsoleSession
{
public:
    using Batch = std::function<bool(const QStringList& columns, QList<QVariantList>& rows)>;

    static Result<std::unique_ptr<ConsoleSession>> open(const ConnectionUrl& url, bool writeMode);
    ~ConsoleSession();
    ConsoleSession(const ConsoleSession&) = delete;
    ConsoleSession& operator=(const ConsoleSession&) = delete;

    Dialect dialect() const;
    bool writeMode() const { return m_writeMode; }
    Status setWriteMode(bool on); ///< PG: default_transaction_read_only; SQLite: PRAGMA query_only

    /// Runs ONE statement. `batch` is called on this thread with the column names and each batch of rows
    /// (<= batchRows; once with no rows for a result without rows); return false from it to stop reading
    /// (cancel). Bounded memory: rows are never all held here. A failure's Error carries the engine's
    /// message; the character position (0-based, in `sql`) of the error, when the engine names one, is
    /// lastErrorPosition(). A lost PostgreSQL connection is opened again by the next run().
    Result<StatementOutcome> run(const QString& sql, const Batch& batch, int batchRows = 1000);
    /// For writes on a production database: runs the statement inside an open transaction and keeps it
    /// open; rowsAffected is exact. Then commitHeld() or rollbackHeld() (also on destruction: rollback).
    Result<StatementOutcome> runHeld(const QString& sql);
    Status commitHeld();
    Status rollbackHeld();
    bool holdsTransaction() const { return m_held; }
    /// Stops the statement that runs now (from any thread); it then fails with a "cancelled" error.
    void interrupt();
    Database& database() { return *m_db; }

    /// The 0-based character position in the last failed statement where the engine saw the error; -1
    /// when it named none (or the last statement did not fail).
    int lastErrorPosition() const { return m_errorPosition; }

private:
    ConsoleSession(ConnectionUrl url, std::unique_ptr<Database> db, bool writeMode);
    Status attach();

    ConnectionUrl m_url;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StatementRunner> m_runner;
    QMutex m_runnerMutex; ///< interrupt() from another thread while a reconnect replaces the runner
    bool m_writeMode = false;
    bool m_held = false;
    int m_errorPosition = -1;
};

} // namespace strata
