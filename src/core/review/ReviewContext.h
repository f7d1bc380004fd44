#pragma once

#include <chrono>
#include <optional>

#include "connection/Database.h"
#include "review/TableLoads.h"

namespace strata {

/// What an engine's review reads besides the step: the live database (read only: the review never changes
/// it) and the sizes and users of its tables, read once per table for the whole plan.
struct ReviewContext
{
    Database& db;
    TableLoads& loads;
    /// SQLite: sqlite3_libversion_number() of the library that opened `db` (tests pass an older one).
    int sqliteVersion = 0;
    /// The operator config's migration.lock_timeout, which the run sets for each step in a transaction
    /// (StepTimeouts::limitsFor): empty: Strata's default (the session's own, else 5 s); 0: no limit. A step
    /// without a transaction runs without one unless its -- strata:lock-timeout gives one.
    std::optional<std::chrono::milliseconds> runLockTimeout;
};

} // namespace strata
