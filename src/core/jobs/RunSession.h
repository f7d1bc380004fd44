#pragma once

#include <atomic>
#include <optional>

#include <QObject>
#include <QThread>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"
#include "migrations/MigrationPlan.h"
#include "review/ReviewReport.h"
#include "run/PhasedRun.h"
#include "run/RunReport.h"

namespace strata {

class RunSessionWorker;

/// One phased run that the migration wizard walks page by page. The run lives on a worker thread of its own
/// with a connection of its own, and holds the run lock from prepare() until the session ends, so nothing
/// else migrates the database between two pages. Every call returns at once; what happens arrives as
/// queued signals on the thread that owns the session. Calls are served one at a time, in order.
class RunSession : public QObject
{
    Q_OBJECT

public:
    RunSession(ConnectionUrl url, QString setFolder, PhasedRun::Settings settings, QObject* parent = nullptr);
    /// Cancels what runs and waits for it to stop at its next safe point (the wizard asks before it ends a
    /// session that is busy).
    ~RunSession() override;

    /// Opens the connection, takes the run lock, reads the history and plans: planned().
    void prepare();
    void preflight();
    void backup();
    /// Reviews the pending steps of the current plan on the session's connection (PlanReview, with the
    /// run's lock_timeout): reviewed(); review() then holds it.
    void review();
    /// The timed rehearsal of the plan on a copy of the backup this run took (PhasedRun::runRehearsal):
    /// phaseDone("rehearsal"); report().rehearsal then holds what it measured. A failed rehearsal ends the
    /// run before any step touched the database.
    void rehearse();
    /// Plans again with these options on: planned().
    void choose(const QStringList& enable);
    void apply();
    void verify();
    void finish();
    /// Restores the backup this run took (after a failed or cancelled step).
    void restore();
    /// Ends a run that has not applied a step: the post hook runs if the pre hook did.
    void withdraw();
    /// Asks what runs to stop at its next safe point: between steps, never inside one.
    void cancel();
    /// Stops the step that runs now, inside it, where the engine allows it: its statement is interrupted
    /// (PostgreSQL: a cancel request from another connection; SQLite: sqlite3_interrupt), the step's
    /// transaction rolls back, the history records the failure, and the run stops as after a failed step.
    void abortStep();
    /// abortStep() was asked for during the phase that runs (or the last one).
    bool isAborting() const { return m_abort.load(); }

    bool isBusy() const { return m_busy.load(); }
    const std::optional<MigrationPlan>& plan() const { return m_plan; }
    /// The run's report as of the last phase that ended.
    const RunReport& report() const { return m_report; }
    QString logPath() const { return m_logPath; }
    /// The last review of the plan's pending steps (review()).
    const std::optional<ReviewReport>& lastReview() const { return m_review; }
    /// The database of the run, for the jobs a page runs on connections of their own.
    const ConnectionUrl& url() const { return m_url; }

Q_SIGNALS:
    void planned(bool ok, const strata::Error& error);
    void reviewed(bool ok, const strata::Error& error);
    void phaseStarted(const QString& phase, const QString& title);
    void checkDone(const QString& phase, const strata::CheckResult& check);
    void stepStarted(const QString& slot, const QString& description, int index, int count);
    void stepFinished(const QString& slot, qint64 elapsedMs);
    void stepFailed(const QString& slot, const strata::Error& error);
    void hookOutput(const QString& line);
    void progressed(qint64 done, qint64 total, const QString& stage);
    /// phase: "preflight", "backup", "apply", "verification", "post", "restore", "withdraw".
    void phaseDone(const QString& phase, bool ok, const strata::Error& error);

private:
    friend class RunSessionWorker;

    void post(std::function<void(RunSessionWorker&)> work);
    void ended(const QString& phase, const Status& status, const RunReport& report);

    std::atomic_bool m_cancel{false};
    std::atomic_bool m_abort{false};
    std::atomic_bool m_busy{false};
    RunSessionWorker* m_worker = nullptr;
    QObject* m_context = nullptr; ///< lives on the worker thread: calls are queued to it
    QThread m_thread;
    std::optional<MigrationPlan> m_plan;
    std::optional<ReviewReport> m_review;
    ConnectionUrl m_url;
    RunReport m_report;
    QString m_logPath;
};

} // namespace strata
