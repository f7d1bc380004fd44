#pragma once

#include <QString>

#include "common/Error.h"

namespace strata {

/// What stopped a statement, as the engine reports it: PostgreSQL's SQLSTATE (and whether the session is
/// still there), SQLite's extended result code. The kind decides what an operator should do next; only a
/// statement error blames the statement.
class FailureKind
{
public:
    enum Kind {
        Statement,          ///< the statement itself: a syntax error, a constraint, a missing table
        ConnectionLost,     ///< the connection to the server broke
        ServerShutdown,     ///< the server shut down or crashed, or an administrator ended the session
        DiskFull,           ///< the filesystem that holds the database is full
        OutOfMemory,        ///< the engine ran out of memory
        Permission,         ///< a privilege or a file permission is missing
        ReadOnly,           ///< the database takes no writes (a read-only file or mount, a standby server)
        LockTimeout,        ///< a lock held by another session or process was not granted in time
        Deadlock,           ///< the server ended the statement to break a deadlock
        Timeout,            ///< the server's statement_timeout stopped the statement
        Cancelled,          ///< the statement was cancelled (the run was stopped)
        IoError,            ///< a read or write of the database's files failed
        Corrupt,            ///< the database file is damaged
        NeedsNoTransaction, ///< the statement cannot run inside a transaction block
    };

    FailureKind(Kind kind = Statement) : m_kind(kind) {}

    /// A failed PostgreSQL statement: its SQLSTATE (empty when there was no result), the server's message,
    /// and whether the connection is gone (PQstatus is CONNECTION_BAD).
    static FailureKind ofPostgres(const QString& sqlState, const QString& message, bool connectionBad);
    /// A failed SQLite statement: its extended result code and message.
    static FailureKind ofSqlite(int extendedCode, const QString& message);

    Kind kind() const { return m_kind; }
    /// "disk full", "connection lost", ... as operators say it (also the key in JSON and docs).
    QString name() const;
    /// Whether the statement is at fault (so that fixing the file is the next move).
    bool blamesStatement() const { return m_kind == Statement; }
    /// Bad input (2) for what the migration file must change; locked (4) for a lock another process holds;
    /// failed (1) for everything else.
    ExitCode exitCode() const;

    friend bool operator==(FailureKind a, FailureKind b) { return a.m_kind == b.m_kind; }

private:
    Kind m_kind;
};

} // namespace strata
