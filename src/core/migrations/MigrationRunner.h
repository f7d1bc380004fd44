#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include "adoption/AdoptedTools.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationObserver.h"
#include "migrations/MigrationPlan.h"
#include "migrations/MigrationSet.h"
#include "migrations/RunIdentity.h"
#include "timeouts/LockWait.h"
#include "timeouts/StepTimeouts.h"

namespace strata {

class AlembicStepRunner;
class LockWaitWatcher;
class RepeatableHistory;

/// Runs a plan on a database: each step in its own transaction together with its history row (unless it is
/// marked no-transaction, when it is recorded as started first and reported dirty if it never finishes).
/// The caller holds the run lock and planned after taking it.
class MigrationRunner
{
public:
    struct Outcome
    {
        qsizetype steps = 0;
        qint64 elapsedMs = 0;
    };

    MigrationRunner(Database& db, const MigrationSet& set, RunIdentity who,
                    MigrationObserver* observer = nullptr);
    ~MigrationRunner();

    /// Checked between steps: a cancelled run stops after the step that is running, never inside one.
    void setCancelFlag(const std::atomic_bool* cancel) { m_cancel = cancel; }
    /// Set while a transactional step's script runs: its statement is interrupted (PostgreSQL's cancel
    /// request, sqlite3_interrupt), the step fails and its transaction rolls back, and the failure is
    /// recorded. Used by the wizard's "Stop this step now".
    void setAbortFlag(const std::atomic_bool* abort) { m_abort = abort; }
    /// The lock and statement timeouts of the steps apply() and rollback() run, and how often a step that
    /// waited for a lock past its timeout is tried (the operator config's; StepTimeouts' defaults otherwise).
    void setTimeouts(const StepTimeouts& timeouts) { m_timeouts = timeouts; }

    /// Records the baseline if the plan recognised one, then applies its steps in order, then the repeatable
    /// scripts the plan runs (Flyway's `R__`, recorded in schema_version_repeatables). On a failed step, that
    /// step is rolled back; the steps before it stay applied and recorded.
    Result<Outcome> apply(const MigrationPlan& plan);
    /// Runs the rollback scripts of a Down plan, newest first.
    Result<Outcome> rollback(const MigrationPlan& plan);
    /// Marks an untracked database as being at `version`: every step up to it is recorded as baseline.
    Status baseline(qint64 version);

private:
    Result<Outcome> applyAll(const MigrationPlan& plan);
    Result<Outcome> rollbackAll(const MigrationPlan& plan);
    Status recordBaseline(const QList<MigrationStep>& steps, qint64 version);
    Status applyStep(const MigrationPlan& plan, qsizetype index, qint64 versionMsBefore, qint64& elapsedMs);
    /// A step's forward or rollback script (`runsScript`: false for a no-op or a step without a rollback
    /// script) and its history rows in one transaction, under the step's limits, tried again after a lock
    /// timeout (with back-off) until its tries are used up; each wait is reported to the observer with who
    /// held the lock.
    Status runTransactionalStep(const MigrationStep& step, const SqlScript& script, bool runsScript,
                                const std::function<Status()>& record, qint64& elapsedMs);
    /// The error of a step whose every try waited for a lock past its timeout: who held it, and that
    /// nothing is half-applied.
    Error lockWaitsExhausted(const Error& cause, const QList<LockWait>& waits) const;
    /// Sleeps `pause`, waking early when the run is cancelled.
    void pauseUnlessCancelled(std::chrono::milliseconds pause) const;
    /// An Alembic revision (layout "alembic"): the project's own Alembic applies it on its own connection,
    /// so its row cannot share its commit: recorded as started first, applied after (docs/decisions.md).
    Status applyAlembicStep(const MigrationStep& step, const std::function<Status()>& record,
                            qint64& elapsedMs);
    AlembicStepRunner& alembic();
    Status rollbackStep(const MigrationStep& step, qint64& elapsedMs);
    /// A repeatable script and its row in schema_version_repeatables, as applyStep does for a step.
    Status applyRepeatable(RepeatableHistory& history, const MigrationStep& script, qint64& elapsedMs);
    VersionRecord versionRecord(qint64 version, qint64 elapsedMs, const QString& error = {}) const;
    Error stepError(const MigrationStep& step, const Error& cause, qsizetype doneBefore,
                    bool transactional) const;
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    /// Writes (applied) or deletes (rolled back) the step's row in each adopted tool's table
    /// (schema_version_tools), inside the caller's transaction.
    Status keepAdoptedToolsCurrent(const MigrationStep& step, qint64 elapsedMs, bool applied);

    Database& m_db;
    const MigrationSet& m_set;
    RunIdentity m_who;
    MigrationObserver* m_observer;
    HistoryStore m_history;
    const std::atomic_bool* m_cancel = nullptr;
    const std::atomic_bool* m_abort = nullptr;
    std::optional<AdoptedTools> m_adopted;        ///< read at the first step that needs it
    std::unique_ptr<AlembicStepRunner> m_alembic; ///< made at the first Alembic step
    StepTimeouts m_timeouts;
    bool m_timeoutsResolved = false;            ///< the session's own lock_timeout was looked up
    std::unique_ptr<LockWaitWatcher> m_watcher; ///< PostgreSQL: who holds what a step waits for
    /// Set by applyStep when the failed step may have left changes (it stays recorded as started: dirty).
    bool m_stepLeftDirty = false;
};

} // namespace strata
