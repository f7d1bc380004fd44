#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

#include "backup/BackupCatalog.h"
#include "backup/BackupEngine.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlan.h"
#include "migrations/MigrationSet.h"
#include "run/HookSpec.h"
#include "run/RunObserver.h"
#include "run/RunReport.h"
#include "timeouts/StepTimeouts.h"

namespace strata {

class DatabaseUsers;

/// The whole of seed 004's runbook for one database: phase 0 pre-flight (connection, the pre hook that
/// stops the daemon, no other writer, free disk, source integrity), the backup and its checks, the schema
/// recorded, the migration phases, the verification, and the post hook. A failed step is rolled back and
/// the run stops, naming the backup and the exact restore command (or restoring it, when asked). A JSON
/// run log is kept beside the backups either way.
class PhasedRun
{
public:
    struct Settings
    {
        std::optional<qint64> target;
        QStringList enable;
        /// The operator config's switches: those that name an option of the set are enabled too.
        QStringList configSwitches;
        bool createBackup = true;
        bool verifyAfter = true;
        bool restoreOnFailure = false;
        QString backupFolder;
        BackupCatalog::Retention retention;
        IntegrityMode integrity = IntegrityMode::Full;
        HookSpec preHook;
        HookSpec postHook;
        std::chrono::milliseconds lockTimeout{60000};
        /// Each step's lock and statement timeouts and its tries after a lock timeout (operator config).
        StepTimeouts stepTimeouts;
        /// How operators call Strata for this database, for the restore command the report names
        /// (e.g. "strata-cli --db sqlite:/data/state.db").
        QString commandPrefix;
        /// When set, the backup and the checks stop at their next safe point and the steps between
        /// steps, never inside one.
        const std::atomic_bool* cancel = nullptr;
        /// When set, the step that runs is stopped inside it: its statement is interrupted and its
        /// transaction rolls back (MigrationRunner::setAbortFlag).
        const std::atomic_bool* abort = nullptr;
        /// migrate --rehearse: after the backup, the plan is rehearsed on a copy of it (Rehearsal), and the
        /// steps touch the database only when the rehearsal succeeded.
        bool rehearse = false;
        /// --rehearse-on: the server (PostgreSQL) or the file (SQLite) the copy goes to.
        std::optional<ConnectionUrl> rehearseOn;
    };

    PhasedRun(Database& db, const MigrationSet& set, Settings settings, RunObserver* observer = nullptr);
    ~PhasedRun();

    /// Takes the run lock, reads the history and plans. Changes nothing. A plan with problems is returned
    /// as it is: the caller shows the problems and does not execute.
    Result<MigrationPlan> prepare(const RunLock::WaitNotice& waiting = {});
    /// Runs the prepared plan: every phase below, in order. The report (report()) says what happened
    /// either way.
    Status execute(const std::atomic_bool* cancel = nullptr);

    // The phases one at a time, for the migration wizard that walks them page by page. Each returns its
    // outcome; after one fails the run has ended (its report and log say why) and only restoreBackup() may
    // follow. The lock taken by prepare() is held until the run is destroyed.

    /// Phase 0: the connection, the lock, the pre hook, no other writer, free disk, source integrity.
    /// Refuses a plan with problems.
    Status runPreflight();
    /// Phase 0: the verified backup.
    Status runBackup();
    /// With Settings::rehearse: the timed rehearsal on a copy of that backup (on a backup of its own when
    /// the run takes none). A failed rehearsal ends the run before any step touched the database.
    Status runRehearsal();
    /// The wizard's "Rehearse on a copy first", ticked on its plan page after the run was prepared.
    void setRehearse(bool rehearse) { m_settings.rehearse = rehearse; }
    /// Plans again with exactly these options on (the wizard's checkboxes), under the lock prepare() took.
    Result<MigrationPlan> choose(const QStringList& enable);
    /// Records the schema, then applies the steps phase by phase, each in its own commit. `cancel` stops
    /// between steps, never inside one.
    Status runSteps(const std::atomic_bool* cancel = nullptr);
    /// Phase 4: seed 004's verification.
    Status runVerification();
    /// The post hook (the daemon starts again), and the run is recorded as succeeded.
    Status runPostHook();
    /// After a failed or cancelled step: restores the backup taken in phase 0 (keeping the failed database
    /// aside), checks the result and runs the post hook when the pre hook ran.
    Status restoreBackup();
    /// The operator ends the run before any step ran: the post hook runs when the pre hook did (the daemon
    /// starts again on the unchanged database), and the log records the run as cancelled.
    Status withdraw();

    const RunReport& report() const { return m_report; }
    const std::optional<MigrationPlan>& plan() const { return m_plan; }
    /// Where the run log was written.
    QString logPath() const;

private:
    friend class RunStepRelay;

    Status preflight();
    Status takeBackup();
    /// Pre-flight: the live blockers of the plan's tables (BlockerScan); refuses when one surely holds up
    /// the first step.
    Status checkBlockers(const QString& phase);
    Status rehearse();
    Status applySteps(const std::atomic_bool* cancel);
    Status verifyResult();
    Status runHook(const QString& phase, const HookSpec& hook);
    Status stop(const QString& outcome, Error error);
    /// Ends a run that changed nothing: what the pre hook stopped may run again (post hook), and the log
    /// says why.
    Status abandon(Error error);
    Status notReady(const QString& phase) const;
    /// How messages name the programs that use the database: the daemon when the run has hooks.
    DatabaseUsers users() const;
    void adopt(const MigrationPlan& plan);
    void check(const QString& phase, const CheckResult& result);
    void startPhase(const QString& phase, const QString& title);
    Progress progress() const;
    void writeLog();
    /// schema_version_runs: the phase the run enters, and its end.
    void enterJournalPhase(const QString& phase);
    void endJournal(const QString& outcome);

    Database& m_db;
    const MigrationSet& m_set;
    Settings m_settings;
    RunObserver* m_observer;
    std::unique_ptr<RunLock> m_lock;
    std::optional<MigrationPlan> m_plan;
    HistoryState m_history;
    QStringList m_tables;
    RunReport m_report;
    bool m_preHookRan = false;
    bool m_journalled = false; ///< the run has its row in schema_version_runs and has not ended it
};

} // namespace strata
