#include "connection/FailureKind.h"

#include <QStringList>

#include <sqlite3.h>

namespace strata {

FailureKind FailureKind::ofPostgres(const QString& sqlState, const QString& message, bool connectionBad)
{
    // 57P01 admin_shutdown (a fast or immediate shutdown, or pg_terminate_backend), 57P02 crash_shutdown
    // (another server process crashed), 57P03 cannot_connect_now (starting up or shutting down).
    if (sqlState == QLatin1String("57P01") || sqlState == QLatin1String("57P02") ||
        sqlState == QLatin1String("57P03"))
        return ServerShutdown;
    // A session the server ends gets a FATAL and then EOF; libpq keeps only the FATAL's text.
    if (connectionBad && sqlState.isEmpty()) {
        static const QStringList shutdownTexts = {
            QStringLiteral("terminating connection due to administrator command"),       // 57P01
            QStringLiteral("terminating connection due to immediate shutdown command"),  // 57P01
            QStringLiteral("terminating connection due to unexpected postmaster exit"),  // 57P01
            QStringLiteral("terminating connection because of crash of another server"), // 57P02
            QStringLiteral("the database system is shutting down"),                      // 57P03
            QStringLiteral("the database system is starting up"),                        // 57P03
            QStringLiteral("the database system is in recovery mode"),                   // 57P03
        };
        for (const QString& text : shutdownTexts)
            if (message.contains(text, Qt::CaseInsensitive))
                return ServerShutdown;
    }
    if (connectionBad || sqlState.startsWith(QLatin1String("08")) || sqlState == QLatin1String("57P04"))
        return ConnectionLost;
    if (sqlState == QLatin1String("53100"))
        return DiskFull;
    if (sqlState == QLatin1String("53200"))
        return OutOfMemory;
    if (sqlState == QLatin1String("42501"))
        return Permission;
    if (sqlState == QLatin1String("55P03"))
        return LockTimeout;
    if (sqlState == QLatin1String("40P01"))
        return Deadlock;
    if (sqlState == QLatin1String("57014"))
        return message.contains(QLatin1String("statement timeout"), Qt::CaseInsensitive) ? Timeout
                                                                                         : Cancelled;
    if (sqlState == QLatin1String("25006"))
        return ReadOnly;
    // 25001 active_sql_transaction is also "SET TRANSACTION ISOLATION LEVEL must be called before any
    // query"; only PreventInTransactionBlock's message asks for a statement outside a transaction.
    if (sqlState == QLatin1String("25001") &&
        message.contains(QLatin1String("inside a transaction block"), Qt::CaseInsensitive))
        return NeedsNoTransaction;
    if (sqlState.startsWith(QLatin1String("58")))
        return IoError;
    if (sqlState == QLatin1String("XX001") || sqlState == QLatin1String("XX002"))
        return Corrupt;
    return Statement;
}

FailureKind FailureKind::ofSqlite(int extendedCode, const QString& message)
{
    switch (extendedCode & 0xff) {
    case SQLITE_FULL:
        return DiskFull;
    case SQLITE_IOERR:
        if (extendedCode == SQLITE_IOERR_NOMEM)
            return OutOfMemory;
        if (extendedCode == SQLITE_IOERR_ACCESS)
            return Permission;
        return IoError;
    case SQLITE_READONLY:
        return extendedCode == SQLITE_READONLY_DIRECTORY ? Permission : ReadOnly;
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_CANTOPEN:
        return Permission;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return Corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return LockTimeout;
    case SQLITE_NOMEM:
        return OutOfMemory;
    case SQLITE_INTERRUPT:
        return Cancelled;
    default:
        break;
    }
    // "cannot VACUUM from within a transaction", "cannot change into wal mode from within a transaction",
    // "Safety level may not be changed inside a transaction".
    if (message.contains(QLatin1String("within a transaction"), Qt::CaseInsensitive) ||
        message.contains(QLatin1String("inside a transaction"), Qt::CaseInsensitive))
        return NeedsNoTransaction;
    return Statement;
}

QString FailureKind::name() const
{
    switch (m_kind) {
    case Statement:
        return QStringLiteral("statement error");
    case ConnectionLost:
        return QStringLiteral("connection lost");
    case ServerShutdown:
        return QStringLiteral("server shut down");
    case DiskFull:
        return QStringLiteral("disk full");
    case OutOfMemory:
        return QStringLiteral("out of memory");
    case Permission:
        return QStringLiteral("permission denied");
    case ReadOnly:
        return QStringLiteral("read-only database");
    case LockTimeout:
        return QStringLiteral("lock timeout");
    case Deadlock:
        return QStringLiteral("deadlock");
    case Timeout:
        return QStringLiteral("statement timeout");
    case Cancelled:
        return QStringLiteral("cancelled");
    case IoError:
        return QStringLiteral("I/O error");
    case Corrupt:
        return QStringLiteral("damaged database");
    case NeedsNoTransaction:
        return QStringLiteral("needs no transaction");
    }
    return QStringLiteral("statement error");
}

ExitCode FailureKind::exitCode() const
{
    if (m_kind == NeedsNoTransaction)
        return ExitCode::BadInput;
    // Another process holds the lock: the contract's "locked", as when another run holds Strata's own.
    return m_kind == LockTimeout ? ExitCode::Locked : ExitCode::Failed;
}

} // namespace strata
