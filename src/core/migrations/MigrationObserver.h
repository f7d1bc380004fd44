#pragma once

#include "common/Error.h"
#include "migrations/MigrationStep.h"
#include "timeouts/LockWait.h"

namespace strata {

/// Hears what a run does, step by step (the CLI prints it, the desktop app shows progress and a live log).
/// Called on the thread that runs the migration.
class MigrationObserver
{
public:
    virtual ~MigrationObserver() = default;
    virtual void baselineRecorded(qint64 version) { (void)version; }
    virtual void stepStarted(const MigrationStep& step, qsizetype index, qsizetype count)
    {
        (void)step;
        (void)index;
        (void)count;
    }
    virtual void stepFinished(const MigrationStep& step, qint64 elapsedMs)
    {
        (void)step;
        (void)elapsedMs;
    }
    /// The step's statements ran inside its transaction, which is still open (transactional steps and
    /// rollbacks only): every lock they took is held until the COMMIT that follows. Called on the runner's
    /// thread; the observer may read (never write) through the run's connection here. The rehearsal reads
    /// pg_locks of its copy's session at this point.
    virtual void stepScriptRan(const MigrationStep& step) { (void)step; }
    /// A line the step's own tool printed while it ran (Alembic's output, for an Alembic revision).
    virtual void stepOutput(const MigrationStep& step, const QString& line)
    {
        (void)step;
        (void)line;
    }
    /// A try of the step waited for a lock past its timeout and was rolled back; `wait.backoffMs` later
    /// the step is tried again (0: that was the last try, and stepFailed follows).
    virtual void stepWaited(const MigrationStep& step, const LockWait& wait)
    {
        (void)step;
        (void)wait;
    }
    virtual void stepFailed(const MigrationStep& step, const Error& error)
    {
        (void)step;
        (void)error;
    }
};

} // namespace strata
