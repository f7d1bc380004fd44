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
    /// The session `pid` of this database (application_name, user, state, query), to name it in a
    /// confirmation. Bad input when no such session is connected to this database.
    static Result<BlockingSession> describe(Database& db, int pid);
    /// Cancels its running statement; an idle-in-transaction session keeps its transaction (and its locks).
    static Status cancel(Database& db, int pid);
    /// Ends the session: its transaction is rolled back and its locks are released.
    static Status terminate(Database& db, int pid);

private:
    static Status signal(Database& db, int pid, bool terminate);
};

} // namespace strata
