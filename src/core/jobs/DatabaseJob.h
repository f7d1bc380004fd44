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
    /// Work the operator started and waits for (a drift check, an exact count, a table's size and index
    /// advice): closing the window asks first and cancels it. What the window reads for itself (the status,
    /// the schema, the watch's probe, a strategy's numbers) does not ask: closing stops it silently.
    virtual bool asksBeforeClose() const { return false; }
    /// The work in the operator's words, as the close question names it ("the exact row count of orders").
    virtual QString operatorName() const { return title(); }
    /// The job only reads: cancelling it also interrupts the statement that runs (InterruptOnCancel), since
    /// an interrupted read leaves nothing half-done. Jobs that write stop at their own safe points instead.
    virtual bool onlyReads() const { return false; }
};

} // namespace strata
