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
    /// The lock_timeout the run itself sets for every step (`SET LOCAL`, from the operator config); empty
    /// or zero: none, so a step that takes a strong lock without its own waits without limit.
    std::optional<std::chrono::milliseconds> runLockTimeout;
};

} // namespace strata
