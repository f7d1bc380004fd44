#pragma once

#include <QString>

namespace strata {

/// PostgreSQL's table lock modes, weakest first (the order of the documentation's conflict table).
enum class PgLockMode {
    None,
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
};

/// "ACCESS EXCLUSIVE", as LOCK TABLE and the documentation write it; empty for None.
QString lockModeName(PgLockMode mode);
/// What the mode stops while it is held, in the operator's words: "blocks reads and writes".
QString lockModeEffect(PgLockMode mode);
/// SHARE and above: every writer of the table waits while it is held (and queues behind a waiting one).
inline bool blocksWrites(PgLockMode mode)
{
    return mode >= PgLockMode::Share;
}

} // namespace strata
