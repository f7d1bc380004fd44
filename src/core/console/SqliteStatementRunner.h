#pragma once

#include <atomic>

#include "console/StatementRunner.h"

struct sqlite3;
struct sqlite3_stmt;

namespace strata {

class SqliteDatabase;

/// Statements on a SQLite file through the native API: sqlite3_prepare_v3 reads one statement, its rows
/// are stepped into batches; a cancel is seen by sqlite3_interrupt and by a progress handler, so that a
/// statement that computes without returning rows (a recursive CTE without end) stops too.
class SqliteStatementRunner final : public StatementRunner
{
public:
    explicit SqliteStatementRunner(SqliteDatabase& db);
    ~SqliteStatementRunner() override;

    Result<StatementOutcome> run(const QString& sql, const RowBatch& batch, int batchRows) override;
    Status setReadOnly(bool readOnly) override;
    Status beginHeld() override;
    void interrupt() override;

private:
    static int onProgress(void* self);
    static int onBusy(void* self, int attempt);
    static constexpr int kBusyTimeoutMs = 5000; ///< as long as SqliteDatabase waits by default
    Error failure(const QByteArray& utf8);

    SqliteDatabase& m_db;
    std::atomic_bool m_cancel{false};
    bool m_readOnly = false;
};

} // namespace strata
