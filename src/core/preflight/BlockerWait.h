#pragma once

#include <atomic>
#include <chrono>
#include <functional>

#include "common/Result.h"
#include "connection/Database.h"
#include "preflight/BlockerReport.h"

namespace strata {

/// "Wait until they finish": scans again and again until no session is listed (none holds a lock on the
/// plan's tables, idles in a transaction, blocks another or keeps a long transaction), the time is up, or
/// the wait is cancelled. Changes nothing.
class BlockerWait
{
public:
    struct Outcome
    {
        BlockerReport report; ///< the last scan
        bool clear = false;   ///< nothing is listed any more
        bool cancelled = false;
    };

    static Result<Outcome> untilClear(Database& db, const QStringList& tables,
                                      std::chrono::milliseconds timeout,
                                      const std::atomic_bool* cancel = nullptr,
                                      const std::function<void(const BlockerReport&)>& scanned = {},
                                      std::chrono::milliseconds interval = std::chrono::milliseconds(500));
};

} // namespace strata
