#pragma once

#include "common/Error.h"
#include "connection/FailureKind.h"

namespace strata {

/// The error an operator reads for a statement typed in the console: the engine's own message, worded by
/// what stopped it (a refusal of a read-only session, a cancel, a lost connection, a fault in the text).
class ConsoleFailure
{
public:
    /// `engine` is "SQLite" or "PostgreSQL"; `readOnly` whether the session was read-only.
    static Error of(FailureKind kind, const QString& engine, const QString& message, bool readOnly,
                    const QString& database);
};

} // namespace strata
