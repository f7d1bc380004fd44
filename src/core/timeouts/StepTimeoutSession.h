#pragma once

#include "common/Result.h"
#include "connection/Database.h"
#include "timeouts/StepTimeouts.h"

namespace strata {

/// Puts a step's limits on the connection that runs it, and takes them off again.
/// PostgreSQL: `SET LOCAL lock_timeout` / `statement_timeout` inside the step's transaction (they end with
/// it); for a step without a transaction, `SET` for the session before it and `RESET` after it.
/// SQLite: the busy timeout (how long BEGIN IMMEDIATE and each statement wait for another writer).
class StepTimeoutSession
{
public:
    /// Before the step's BEGIN (or before a step without a transaction runs): SQLite's busy timeout, which
    /// BEGIN IMMEDIATE already obeys; PostgreSQL's session settings for a step without a transaction.
    static Status beforeBegin(Database& db, const StepLimits& limits);
    /// Right after the step's BEGIN: PostgreSQL's SET LOCAL.
    static Status afterBegin(Database& db, const StepLimits& limits);
    /// PostgreSQL: the lock_timeout the session has from somewhere other than the server's default (the
    /// role, the database, the URL's options), when it is not 0. Nothing on SQLite or when unset.
    static std::optional<std::chrono::milliseconds> sessionLockTimeout(Database& db);
    /// Call after a step without a transaction (PostgreSQL's session settings) and after every step on
    /// SQLite (the busy timeout the run had before).
    static void reset(Database& db, const StepLimits& limits);
};

} // namespace strata
