#include "console/ConsoleFailure.h"

namespace strata {

Error ConsoleFailure::of(FailureKind kind, const QString& engine, const QString& message, bool readOnly,
                         const QString& database)
{
    switch (kind.kind()) {
    case FailureKind::Cancelled:
        return Error::failed(QStringLiteral("The statement was cancelled on %1 (%2).").arg(database, message),
                             QStringLiteral("A statement stopped before its end keeps none of its changes."),
                             QStringLiteral("Run it again when wanted."));
    case FailureKind::ReadOnly:
        if (readOnly)
            return Error::refused(
                QStringLiteral("This session is read-only and %1 refused the statement: %2")
                    .arg(engine, message),
                QStringLiteral("Switch to write mode to change data or schema, then run it again."));
        break;
    case FailureKind::ConnectionLost:
    case FailureKind::ServerShutdown:
        return Error::failed(
            QStringLiteral("The connection to %1 was lost while the statement ran: %2")
                .arg(database, message),
            QStringLiteral("The server rolls back a transaction that was not committed; a statement that "
                           "had committed stays."),
            QStringLiteral("Check that the server is up (pg_isready); the next statement opens a new "
                           "connection."));
    case FailureKind::Statement:
        return Error::badInput(QStringLiteral("%1: %2").arg(engine, message),
                               QStringLiteral("Fix the statement (the position is marked when %1 names one) "
                                              "and run it again.")
                                   .arg(engine),
                               QStringLiteral("Nothing was changed by this statement."));
    default:
        break;
    }
    Error error =
        Error::failed(QStringLiteral("%1 on %2 (%3): %4").arg(engine, database, kind.name(), message),
                      QStringLiteral("Nothing was changed by this statement."),
                      QStringLiteral("Act on the engine's message and run the statement again."));
    error.code = kind.exitCode();
    return error;
}

} // namespace strata
