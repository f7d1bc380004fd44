#pragma once

#include "common/Result.h"
#include "connection/Database.h"
#include "sessions/SessionsSnapshot.h"

namespace strata {

/// Reads what the Sessions view shows, on the caller's connection, changing nothing. PostgreSQL: every
/// session of the server from pg_stat_activity, with pg_blocking_pids for the sessions waiting for a lock
/// (any role may read it; for other roles' sessions PostgreSQL hides the query unless the role is a member
/// of pg_read_all_stats). SQLite: the processes that have the file open (/proc) and the state of its
/// write-ahead log, read from the -wal and -shm files without running a checkpoint.
class ServerSessions
{
public:
    static Result<SessionsSnapshot> read(Database& db);
};

} // namespace strata
