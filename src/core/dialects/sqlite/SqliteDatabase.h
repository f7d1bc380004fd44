#pragma once

#include <atomic>
#include <chrono>

#include "connection/Database.h"

struct sqlite3;
struct sqlite3_stmt;

namespace strata {

/// A SQLite file opened with the native API: statements are split by SQLite's own parser
/// (sqlite3_prepare_v2 and its tail pointer), and the handle serves the online backup API.
class SqliteDatabase final : public Database
{
public:
    /// Opens an existing file; a missing file, a file that is not SQLite, or a locked one is a clear error.
    static Result<std::unique_ptr<SqliteDatabase>> open(const QString& path, bool readOnly = false);
    ~SqliteDatabase() override;

    Dialect dialect() const override { return Dialect::Sqlite; }
    QString display() const override;
    Result<QueryRows> query(const QString& sql, const QVariantList& params = {}) override;
    Status runScript(const SqlScript& script, bool inTransaction) override;
    Status begin() override;
    Status commit() override;
    Status rollback() override;
    Result<std::unique_ptr<RunLock>> acquireRunLock(std::chrono::milliseconds timeout,
                                                    const RunLock::WaitNotice& waiting) override;
    void interrupt() override;

    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; }
    /// A column of the current row as a QVariant: NULL invalid, INTEGER qint64, REAL double, BLOB QByteArray,
    /// TEXT QString.
    static QVariant columnValue(sqlite3_stmt* stmt, int column);
    /// How long a statement waits for another writer's lock before failing with "database is locked".
    /// interrupt() also ends the wait (sqlite3_interrupt alone does not reach a statement waiting there).
    void setBusyTimeout(std::chrono::milliseconds timeout);

private:
    SqliteDatabase(sqlite3* db, QString path);
    QString lastMessage() const;
    /// The error of a statement that failed, saying plainly what busy, read-only and not-a-database mean.
    Error stepError() const;

    /// SQLite's busy handler: waits for another writer's lock in SQLite's own steps, until the timeout or an
    /// interrupt() that arrived since the statement (or script) began.
    static int waitWhileBusy(void* database, int attempt);

    sqlite3* m_db = nullptr;
    QString m_path;
    std::chrono::milliseconds m_busyTimeout{0};
    std::atomic<quint64> m_interrupts{0}; ///< interrupt() calls, from any thread
    quint64 m_interruptsAtStatement = 0;  ///< m_interrupts when the running statement (or script) began
};

} // namespace strata
