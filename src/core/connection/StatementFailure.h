#pragma once

#include "common/Error.h"
#include "connection/Database.h"
#include "connection/FailureKind.h"

namespace strata {

/// The error an operator reads for a statement that failed, worded by the kind of failure: a statement at
/// fault is named by file and line with "fix it", a full disk names the filesystem to free, a lost
/// connection says to check the server, a statement that cannot run in a transaction names the directive.
class StatementFailure
{
public:
    /// Where the statement ran, for the words of its error.
    struct Place
    {
        QString database;          ///< the database as messages show it (never a password)
        QString file;              ///< SQLite: the database file
        QString server;            ///< PostgreSQL: pg_isready's arguments for the server ("-h HOST -p PORT")
        QString lockHolder;        ///< who holds the lock, when known
        QString detail;            ///< what Strata found besides the engine's message (e.g. a truncated file)
        bool inTransaction = true; ///< the statement ran inside the step's transaction
    };

    /// A statement of a script: "FILE:LINE: ..." and the Next of its kind.
    static Error inScript(FailureKind kind, const SqlScript& script, qsizetype byteOffset,
                          const QString& databaseMessage, const Place& place);
    /// A statement outside any script (a commit, a row of the history), for every kind but a statement
    /// error, which the caller words itself.
    static Error outsideScript(FailureKind kind, const QString& databaseMessage, const Place& place);
    /// The line of `byteOffset` in the file of `script`.
    static qsizetype lineOf(const SqlScript& script, qsizetype byteOffset);

private:
    static Error build(FailureKind kind, const QString& at, const QString& statement,
                       const QString& databaseMessage, const Place& place);
};

} // namespace strata
