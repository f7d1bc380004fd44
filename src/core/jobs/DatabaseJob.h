#pragma once

#include <QString>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// A piece of long database work (a backup, a verification, a restore, a migration) that a JobRunner runs on
/// a worker thread, on a connection of its own that the runner opens there.
class DatabaseJob
{
public:
    virtual ~DatabaseJob() = default;
    /// What the job does, for progress dialogs ("Backup of state.db").
    virtual QString title() const = 0;
    /// Runs on the worker thread. Reports through `progress` and stops cleanly when it is cancelled.
    virtual Status run(Database& db, const Progress& progress) = 0;
    /// Work the operator started and waits for (a drift check, an exact count): closing the window asks
    /// first and cancels it. Quick reads (the status, the schema) do not ask: closing simply stops them.
    virtual bool asksBeforeClose() const { return false; }
};

} // namespace strata
