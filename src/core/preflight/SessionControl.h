#pragma once

#include "common/Result.h"
#include "connection/Database.h"
#include "preflight/BlockingSession.h"

namespace strata {

/// Cancels the statement of, or ends, another session of the database by pid (pg_cancel_backend,
/// pg_terminate_backend). The caller confirms first, naming the session (describe()): this never asks.
/// SQLite has no sessions to end: the process that holds the file is stopped by its own owner.
class SessionControl
{
public:
    /// Which sessions may be named: those of this database (a migration's pre-flight), or any of the server
    /// (the Sessions view, which lists them all).
    enum class Scope { ThisDatabase, Server };

    /// The session `pid` (application_name, user, state, query, database, whether this role may signal
    /// it), to name it in a confirmation. Bad input when no such session is connected.
    static Result<BlockingSession> describe(Database& db, int pid, Scope scope = Scope::ThisDatabase);
    /// Cancels its running statement; an idle-in-transaction session keeps its transaction (and its locks).
    static Status cancel(Database& db, int pid, Scope scope = Scope::ThisDatabase);
    /// Ends the session: its transaction is rolled back and its locks are released.
    static Status terminate(Database& db, int pid, Scope scope = Scope::ThisDatabase);

private:
    static Status signal(Database& db, int pid, bool terminate, Scope scope);
};

} // namespace strata
