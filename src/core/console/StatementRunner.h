#pragma once

#include <atomic>

#include <QString>

#include "common/Result.h"
#include "console/StatementOutcome.h"

namespace strata {

/// Runs statements typed by an operator on one open connection, streaming their rows in batches. One per
/// dialect; the connection stays the caller's.
class StatementRunner
{
public:
    virtual ~StatementRunner() = default;

    /// Runs ONE statement (text after the first statement is refused). A failure's position, when the
    /// engine names one, is kept in errorPosition().
    virtual Result<StatementOutcome> run(const QString& sql, const RowBatch& batch, int batchRows) = 0;
    /// Read-only (PostgreSQL: the session's transactions are READ ONLY; SQLite: PRAGMA query_only).
    virtual Status setReadOnly(bool readOnly) = 0;
    /// Opens the transaction that runHeld() keeps open (SQLite: BEGIN IMMEDIATE).
    virtual Status beginHeld() = 0;
    /// Asks the running statement to stop; from any thread.
    virtual void interrupt() = 0;
    /// Whether the connection is still there (PostgreSQL: a session ended by the server is not).
    virtual bool connectionLost() const { return false; }

    /// The 0-based character position in the last failed statement's text where the engine saw the
    /// error, or -1 when it named none.
    int errorPosition() const { return m_errorPosition; }

protected:
    int m_errorPosition = -1;
};

} // namespace strata
