#include "migrations/MigrationRunner.h"

#include <QElapsedTimer>
#include <QMap>
#include <QThread>

#include "common/Counted.h"
#include "connection/InterruptOnCancel.h"
#include "migrations/RepeatableHistory.h"
#include "migrations/ScriptTransaction.h"
#include "timeouts/LockWaitWatcher.h"
#include "timeouts/StepTimeoutSession.h"
#include "tools/alembic/AlembicStepRunner.h"

namespace strata {

namespace {

/// Runs `work` inside one write transaction; rolls back if it or the commit fails.
template <typename Work> Status inTransaction(Database& db, Work&& work)
{
    if (auto begun = db.begin(); !begun)
        return begun;
    if (auto done = work(); !done) {
        (void)db.rollback();
        return done;
    }
    if (auto committed = db.commit(); !committed) {
        (void)db.rollback();
        return committed;
    }
    return {};
}

/// The script as the run executes it: without its own BEGIN and COMMIT when the planner found them around all
/// of it (Strata's transaction for the step takes their place).
SqlScript scriptToRun(const MigrationStep& step, const SqlScript& script, Dialect dialect)
{
    return step.ownTransaction ? ScriptTransaction::read(script, dialect).body : script;
}

} // namespace

MigrationRunner::MigrationRunner(Database& db, const MigrationSet& set, RunIdentity who,
                                 MigrationObserver* observer)
    : m_db(db), m_set(set), m_who(std::move(who)), m_observer(observer), m_history(db)
{}

MigrationRunner::~MigrationRunner() = default;

VersionRecord MigrationRunner::versionRecord(qint64 version, qint64 elapsedMs, const QString& error) const
{
    VersionRecord record;
    record.version = version;
    record.description = m_set.versionDescription(version, m_db.dialect());
    QStringList forward;
    QStringList backward;
    for (const auto& s : m_set.steps) {
        if (s.version != version || s.repeatable || !s.appliesTo(m_db.dialect()))
            continue;
        forward << s.forwardPath;
        if (s.hasRollback())
            backward << s.rollbackPath;
    }
    record.migrationScript = forward.join(QStringLiteral(", "));
    record.rollbackScript = backward.join(QStringLiteral(", "));
    record.executionTimeMs = elapsedMs;
    record.errorMessage = error;
    return record;
}

Status MigrationRunner::recordBaseline(const QList<MigrationStep>& steps, qint64 version)
{
    if (auto tables = m_history.ensureTables(); !tables)
        return tables;
    return inTransaction(m_db, [&]() -> Status {
        QList<qint64> versions;
        for (const auto& s : steps) {
            if (auto recorded = m_history.recordBaseline(s, m_who); !recorded)
                return recorded;
            if (!versions.contains(s.version))
                versions << s.version;
        }
        if (!versions.contains(version))
            versions << version;
        for (qint64 v : versions)
            if (auto recorded = m_history.recordVersionComplete(versionRecord(v, 0)); !recorded)
                return recorded;
        return {};
    });
}

Status MigrationRunner::baseline(qint64 version)
{
    QList<MigrationStep> steps;
    for (const auto& s : m_set.stepsFor(m_db.dialect()))
        if (s.version <= version && !s.isOptional() && !s.repeatable)
            steps << s;
    auto recorded = recordBaseline(steps, version);
    if (recorded && m_observer)
        m_observer->baselineRecorded(version);
    return recorded;
}

Error MigrationRunner::stepError(const MigrationStep& step, const Error& cause, qsizetype doneBefore,
                                 bool transactional) const
{
    Error error = cause;
    // Bad input (a statement that needs no transaction) and a lock held by someone else keep their codes.
    error.code =
        cause.code == ExitCode::BadInput || cause.code == ExitCode::Locked ? cause.code : ExitCode::Failed;
    error.what = QStringLiteral("Step %1 failed: %2").arg(step.label(), cause.what);
    const QString before =
        doneBefore == 0 ? QStringLiteral("No step of this run was applied.")
                        : QStringLiteral("The %1 before it in this run stay applied and recorded.")
                              .arg(counted(doneBefore, QStringLiteral("step"), QStringLiteral("steps")));
    if (step.repeatable) {
        error.unchanged =
            transactional
                ? QStringLiteral("%1 was rolled back: nothing of it remains, and its last successful run "
                                 "stays recorded. %2")
                      .arg(step.forwardPath, before)
                : QStringLiteral("%1 ran outside a transaction and may have left partial changes. %2")
                      .arg(step.forwardPath, before);
        if (error.next.isEmpty())
            error.next = QStringLiteral("Fix %1 and run migrate again.").arg(step.forwardPath);
        if (!transactional)
            error.next += QStringLiteral(" A repeatable script runs whole again on the next migrate: check "
                                         "that it can run over what this attempt left.");
        return error;
    }
    if (transactional)
        error.unchanged =
            QStringLiteral("Step %1 was rolled back: nothing of it remains. %2").arg(step.slot(), before);
    else
        error.unchanged =
            QStringLiteral("Step %1 ran outside a transaction and may have left partial changes; it is "
                           "recorded as dirty. %2")
                .arg(step.slot(), before);
    // The cause's Next fits its kind (a statement to fix, a disk to free, a server to check); only a cause
    // without one blames the file.
    if (error.next.isEmpty())
        error.next = QStringLiteral("Fix %1 and run migrate again.").arg(step.forwardPath);
    if (!transactional)
        error.next +=
            QStringLiteral(" Before that, check what step %1 changed and record it: `strata-cli resolve "
                           "%1 --mark-applied` if its changes are complete, `--mark-rolled-back` if "
                           "they are absent (undo any partial change first).")
                .arg(step.slot());
    return error;
}

Status MigrationRunner::applyStep(const MigrationPlan& plan, qsizetype index, qint64 versionMsBefore,
                                  qint64& elapsedMs)
{
    const MigrationStep& step = plan.steps.at(index);
    // The step, its history row and (when it is the version's last step) the version's row commit together:
    // one commit per step, and never a step without its row or a row without its step.
    auto record = [&]() -> Status {
        if (auto recorded = m_history.recordApplied(step, elapsedMs, m_who); !recorded)
            return recorded;
        if (auto kept = keepAdoptedToolsCurrent(step, elapsedMs, true); !kept)
            return kept;
        if (plan.completesVersion(index))
            return m_history.recordVersionComplete(versionRecord(step.version, versionMsBefore + elapsedMs));
        return {};
    };
    if (AlembicStepRunner::runs(step))
        return applyAlembicStep(step, record, elapsedMs);
    QElapsedTimer timer;
    // A no-op step (an empty or comment-only file) runs nothing: only its history row is written.
    const SqlScript script = scriptToRun(step, step.forwardScript(), m_db.dialect());
    if (step.transactional())
        return runTransactionalStep(step, script, !step.noOp, record, elapsedMs);
    if (auto started = inTransaction(m_db, [&] { return m_history.recordStarted(step, m_who); }); !started)
        return started;
    // Without a transaction the limits are the session's while the step runs (none by default: a
    // CREATE INDEX CONCURRENTLY stopped half-way leaves an invalid index), and it is not tried again.
    const StepLimits limits = m_timeouts.limitsFor(step);
    if (auto set = StepTimeoutSession::beforeBegin(m_db, limits); !set)
        return set;
    timer.start();
    Status ran = step.noOp ? Status() : m_db.runScript(script, false);
    if (!ran) {
        // A script that opened its own transaction and failed inside it leaves that transaction open (and,
        // on PostgreSQL, aborted): it ends here, as it would when the connection closed. Only then can the
        // session's settings be reset.
        (void)m_db.rollback();
        StepTimeoutSession::reset(m_db, limits);
        (void)m_history.recordDirtyFailure(step, ran.error().what);
        return ran;
    }
    StepTimeoutSession::reset(m_db, limits);
    elapsedMs = timer.elapsed();
    return inTransaction(m_db, record);
}

Status MigrationRunner::runTransactionalStep(const MigrationStep& step, const SqlScript& script,
                                             bool runsScript, const std::function<Status()>& record,
                                             qint64& elapsedMs)
{
    if (!m_timeoutsResolved) {
        m_timeoutsResolved = true;
        // The role's, database's or URL's own lock_timeout is the operator's choice; Strata's default
        // applies where there is none.
        if (!m_timeouts.lockTimeout && !StepTimeoutSession::sessionLockTimeout(m_db))
            m_timeouts.lockTimeout = StepTimeouts::kDefaultLockTimeout;
        m_watcher = LockWaitWatcher::forDatabase(m_db);
    }
    const StepLimits limits = m_timeouts.limitsFor(step);
    const int attempts = std::max(1, m_timeouts.lockAttempts);
    QList<LockWait> waits;
    for (int attempt = 1;; ++attempt) {
        if (m_watcher)
            m_watcher->arm();
        QElapsedTimer timer;
        timer.start();
        Status done = StepTimeoutSession::beforeBegin(m_db, limits);
        if (done)
            done = inTransaction(m_db, [&]() -> Status {
                if (auto set = StepTimeoutSession::afterBegin(m_db, limits); !set)
                    return set;
                if (runsScript) {
                    // Only the script is interrupted: the rollback and the record of the failure run after.
                    InterruptOnCancel stop(m_db, m_abort);
                    if (auto ran = m_db.runScript(script, true); !ran)
                        return ran;
                }
                elapsedMs = timer.elapsed();
                if (m_observer)
                    m_observer->stepScriptRan(step);
                return record();
            });
        std::optional<LockWait> seen = m_watcher ? m_watcher->disarm() : std::nullopt;
        // A lock another session held past the step's timeout (PostgreSQL 55P03, SQLite busy): the step's
        // transaction was rolled back, so it can be tried again from its start.
        if (done || done.error().code != ExitCode::Locked) {
            StepTimeoutSession::reset(m_db, limits);
            return done;
        }
        LockWait wait = seen.value_or(LockWait());
        if (!seen)
            wait.holders = LockWaitWatcher::fileHolders(m_db);
        wait.attempt = attempt;
        wait.timeoutMs = limits.lockTimeout ? limits.lockTimeout->count() : 0;
        wait.engineMessage = done.error().what;
        const bool last = attempt >= attempts || cancelled();
        wait.backoffMs = last ? 0 : m_timeouts.backoffBefore(attempt + 1).count();
        waits << wait;
        if (m_observer)
            m_observer->stepWaited(step, wait);
        // After the last try the session keeps the step's limits while apply() records the failure: a SQLite
        // writer that held the file through every try still holds it, and the run must not wait a minute more
        // for it. apply() resets them.
        if (last)
            return lockWaitsExhausted(done.error(), waits);
        StepTimeoutSession::reset(m_db, limits);
        pauseUnlessCancelled(std::chrono::milliseconds(wait.backoffMs));
    }
}

Error MigrationRunner::lockWaitsExhausted(const Error& cause, const QList<LockWait>& waits) const
{
    Error error = cause;
    QStringList tries;
    for (const auto& w : waits)
        tries << w.describe();
    error.what += QStringLiteral(" The step was tried %1 and waited each time; every try was rolled back, so "
                                 "nothing is half-applied: %2.")
                      .arg(counted(waits.size(), QStringLiteral("time"), QStringLiteral("times")),
                           tries.join(QStringLiteral("; ")));
    const LockWait& lastWait = waits.last();
    if (!lastWait.holders.isEmpty()) {
        QStringList pids;
        for (const auto& h : lastWait.holders)
            pids << QString::number(h.pid);
        error.next =
            QStringLiteral("Another session holds a lock on what this step changes: %1. Let it "
                           "finish, or end it (strata-cli blockers --cancel PID, or --terminate PID "
                           "for a session idle in a transaction; pid %2), then run migrate again; or "
                           "give the step more time (-- strata:lock-timeout in its file, "
                           "migration.lock_timeout in the config).")
                .arg(lastWait.holdersText(), pids.join(QStringLiteral(", ")));
    }
    return error;
}

void MigrationRunner::pauseUnlessCancelled(std::chrono::milliseconds pause) const
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < pause.count() && !cancelled())
        QThread::msleep(static_cast<unsigned long>(std::min<qint64>(50, pause.count() - timer.elapsed())));
}

Result<MigrationRunner::Outcome> MigrationRunner::apply(const MigrationPlan& plan)
{
    auto outcome = applyAll(plan);
    // The watcher's session ends with the steps: a restore after a failed step renames the database, which
    // PostgreSQL refuses while any other session is connected to it.
    m_watcher.reset();
    m_timeoutsResolved = false;
    return outcome;
}

Result<MigrationRunner::Outcome> MigrationRunner::applyAll(const MigrationPlan& plan)
{
    Outcome outcome;
    if (auto tables = m_history.ensureTables(); !tables)
        return tables.error().prefixed(QStringLiteral("Cannot create Strata's history tables"));
    if (plan.baselineRecognised) {
        if (auto recorded = recordBaseline(plan.baselineSteps, plan.baselineVersion); !recorded)
            return recorded.error().prefixed(QStringLiteral("Cannot record the baseline"));
        if (m_observer)
            m_observer->baselineRecorded(plan.baselineVersion);
    }
    QMap<qint64, qint64> versionMs;
    const QList<MigrationStep> repeatables = plan.repeatablesToRun();
    const qsizetype total = plan.steps.size() + repeatables.size();
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const MigrationStep& step = plan.steps.at(i);
        if (cancelled())
            return Error::failed(
                QStringLiteral("The run was cancelled before step %1.").arg(step.label()),
                QStringLiteral("The %1 before it stay applied and recorded; step %2 did not start.")
                    .arg(counted(i, QStringLiteral("step"), QStringLiteral("steps")), step.slot()),
                QStringLiteral("Run migrate again to continue."));
        if (m_observer)
            m_observer->stepStarted(step, i, total);
        qint64 elapsed = 0;
        m_stepLeftDirty = false;
        if (auto applied = applyStep(plan, i, versionMs.value(step.version), elapsed); !applied) {
            const bool rolledBack = step.transactional() && !m_stepLeftDirty;
            Error error = stepError(step, applied.error(), i, rolledBack);
            if (m_abort && m_abort->load())
                error.what = QStringLiteral("Stopped while it ran, as the operator asked. ") + error.what;
            if (rolledBack) {
                (void)inTransaction(m_db, [&]() -> Status {
                    if (auto r = m_history.recordFailed(step, elapsed, applied.error().what, m_who); !r)
                        return r;
                    return m_history.recordVersionFailed(
                        versionRecord(step.version, versionMs.value(step.version), applied.error().what));
                });
            }
            StepTimeoutSession::reset(m_db, m_timeouts.limitsFor(step));
            if (m_observer)
                m_observer->stepFailed(step, error);
            return error;
        }
        versionMs[step.version] += elapsed;
        outcome.steps++;
        outcome.elapsedMs += elapsed;
        if (m_observer)
            m_observer->stepFinished(step, elapsed);
    }
    if (repeatables.isEmpty())
        return outcome;
    // Repeatable scripts last, after every versioned step of the run, in Flyway's order.
    RepeatableHistory history(m_db);
    if (auto table = history.ensureTable(); !table)
        return table.error().prefixed(QStringLiteral("Cannot create Strata's table of repeatable scripts"));
    for (qsizetype r = 0; r < repeatables.size(); ++r) {
        const MigrationStep& script = repeatables.at(r);
        const qsizetype index = plan.steps.size() + r;
        if (cancelled())
            return Error::failed(
                QStringLiteral("The run was cancelled before %1.").arg(script.label()),
                QStringLiteral("The %1 before it stay applied and recorded; %2 did not start.")
                    .arg(counted(index, QStringLiteral("step"), QStringLiteral("steps")), script.forwardPath),
                QStringLiteral("Run migrate again to continue."));
        if (m_observer)
            m_observer->stepStarted(script, index, total);
        qint64 elapsed = 0;
        if (auto applied = applyRepeatable(history, script, elapsed); !applied) {
            const Error error = stepError(script, applied.error(), index, script.transactional());
            if (script.transactional())
                (void)inTransaction(m_db, [&]() -> Status {
                    return history.recordFailed(script, elapsed, applied.error().what, m_who);
                });
            if (m_observer)
                m_observer->stepFailed(script, error);
            return error;
        }
        outcome.steps++;
        outcome.elapsedMs += elapsed;
        if (m_observer)
            m_observer->stepFinished(script, elapsed);
    }
    return outcome;
}

Status MigrationRunner::applyRepeatable(RepeatableHistory& history, const MigrationStep& script,
                                        qint64& elapsedMs)
{
    // The script, its row and its text commit together, as a versioned step does.
    auto record = [&]() -> Status {
        if (auto recorded = history.recordApplied(script, elapsedMs, m_who); !recorded)
            return recorded;
        if (auto kept = keepAdoptedToolsCurrent(script, elapsedMs, true); !kept)
            return kept;
        return m_history.keepScript(RepeatableHistory::checksumOf(script), script.forwardSql);
    };
    QElapsedTimer timer;
    const SqlScript body = scriptToRun(script, script.forwardScript(), m_db.dialect());
    if (script.transactional()) {
        timer.start();
        return inTransaction(m_db, [&]() -> Status {
            if (!script.noOp)
                if (auto ran = m_db.runScript(body, true); !ran)
                    return ran;
            elapsedMs = timer.elapsed();
            return record();
        });
    }
    if (auto started = inTransaction(m_db, [&] { return history.recordStarted(script, m_who); }); !started)
        return started;
    timer.start();
    if (auto ran = script.noOp ? Status() : m_db.runScript(body, false); !ran) {
        (void)m_db.rollback(); // the script's own transaction, left open by its failure
        (void)history.recordDirtyFailure(script, ran.error().what);
        return ran;
    }
    elapsedMs = timer.elapsed();
    return inTransaction(m_db, record);
}

Status MigrationRunner::keepAdoptedToolsCurrent(const MigrationStep& step, qint64 elapsedMs, bool applied)
{
    // An adopted tool's row commits with the step (a no-transaction step: right after it, with its row).
    if (!m_adopted) {
        auto adopted = AdoptedTools::read(m_db);
        if (!adopted)
            return adopted.error();
        m_adopted = *adopted;
    }
    return applied ? m_adopted->stepApplied(m_db, m_set, step, elapsedMs, m_who)
                   : m_adopted->stepRolledBack(m_db, m_set, step, m_who);
}

AlembicStepRunner& MigrationRunner::alembic()
{
    if (!m_alembic)
        m_alembic = std::make_unique<AlembicStepRunner>(m_db, m_set);
    return *m_alembic;
}

Status MigrationRunner::applyAlembicStep(const MigrationStep& step, const std::function<Status()>& record,
                                         qint64& elapsedMs)
{
    // Alembic commits the revision with its alembic_version row on a connection of its own; Strata's row
    // follows in a commit of Strata's. Recorded as started first, a revision whose run never ends (Strata
    // killed, the row's commit failing) stays dirty, as a no-transaction step does.
    if (auto found = alembic().check(); !found)
        return found.error();
    if (auto started = inTransaction(m_db, [&] { return m_history.recordStarted(step, m_who); }); !started)
        return started;
    QElapsedTimer timer;
    timer.start();
    auto ran = alembic().apply(step, [&](const QString& line) {
        if (m_observer)
            m_observer->stepOutput(step, line);
    });
    elapsedMs = timer.elapsed();
    if (!ran)
        return ran.error(); // refused before it ran: the database is as it was
    if (!ran->succeeded) {
        // alembic_version as before: Alembic rolled the revision back with its transaction. Otherwise it is
        // not known what remains, and the step stays recorded as started (dirty).
        m_stepLeftDirty = !ran->unchanged;
        if (m_stepLeftDirty)
            (void)m_history.recordDirtyFailure(step, ran->message);
        return Error::failed(QStringLiteral("Alembic: %1").arg(ran->message), QString(), QString());
    }
    if (auto recorded = inTransaction(m_db, record); !recorded) {
        m_stepLeftDirty = true; // Alembic applied it; Strata's row says started
        return recorded;
    }
    return {};
}

Status MigrationRunner::rollbackStep(const MigrationStep& step, qint64& elapsedMs)
{
    QElapsedTimer timer;
    timer.start();
    if (AlembicStepRunner::runs(step)) {
        // `downgrade` on Alembic's own connection and transaction, then Strata's rows in Strata's.
        auto ran = alembic().rollback(step, [&](const QString& line) {
            if (m_observer)
                m_observer->stepOutput(step, line);
        });
        elapsedMs = timer.elapsed();
        if (!ran)
            return ran.error();
        if (!ran->succeeded)
            return Error::failed(QStringLiteral("Alembic: %1%2")
                                     .arg(ran->message, ran->unchanged
                                                            ? QString()
                                                            : QStringLiteral(" (alembic_version changed: "
                                                                             "check `alembic current`)")),
                                 QString(), QString());
        return inTransaction(m_db, [&]() -> Status {
            if (auto r = m_history.recordRolledBack(step, elapsedMs, m_who); !r)
                return r;
            if (auto kept = keepAdoptedToolsCurrent(step, elapsedMs, false); !kept)
                return kept;
            return m_history.removeVersion(step.version);
        });
    }
    // A no-op step without a rollback script rolls back by running nothing.
    const bool runs = step.hasRollback();
    const SqlScript script = scriptToRun(step, step.rollbackScript(), m_db.dialect());
    if (!step.transactional()) {
        const StepLimits limits = m_timeouts.limitsFor(step);
        if (auto set = StepTimeoutSession::beforeBegin(m_db, limits); !set)
            return set;
        if (auto ran = runs ? m_db.runScript(script, false) : Status(); !ran) {
            (void)m_db.rollback(); // the script's own transaction, left open by its failure
            StepTimeoutSession::reset(m_db, limits);
            return ran;
        }
        StepTimeoutSession::reset(m_db, limits);
        elapsedMs = timer.elapsed();
        return inTransaction(m_db, [&]() -> Status {
            if (auto r = m_history.recordRolledBack(step, elapsedMs, m_who); !r)
                return r;
            if (auto kept = keepAdoptedToolsCurrent(step, elapsedMs, false); !kept)
                return kept;
            return m_history.removeVersion(step.version);
        });
    }
    // Under the step's limits, tried again after a lock timeout, as when it was applied.
    return runTransactionalStep(
        step, script, runs,
        [&]() -> Status {
            if (auto r = m_history.recordRolledBack(step, elapsedMs, m_who); !r)
                return r;
            if (auto kept = keepAdoptedToolsCurrent(step, elapsedMs, false); !kept)
                return kept;
            return m_history.removeVersion(step.version);
        },
        elapsedMs);
}

Result<MigrationRunner::Outcome> MigrationRunner::rollback(const MigrationPlan& plan)
{
    auto outcome = rollbackAll(plan);
    m_watcher.reset(); // as after apply(): no session of the run is left behind
    m_timeoutsResolved = false;
    return outcome;
}

Result<MigrationRunner::Outcome> MigrationRunner::rollbackAll(const MigrationPlan& plan)
{
    Outcome outcome;
    if (auto tables = m_history.ensureTables(); !tables)
        return tables.error().prefixed(QStringLiteral("Cannot create Strata's history tables"));
    if (plan.baselineRecognised) {
        if (auto recorded = recordBaseline(plan.baselineSteps, plan.baselineVersion); !recorded)
            return recorded.error().prefixed(QStringLiteral("Cannot record the baseline"));
    }
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const MigrationStep& step = plan.steps.at(i);
        if (cancelled())
            return Error::failed(
                QStringLiteral("The rollback was cancelled before step %1.").arg(step.label()),
                QStringLiteral("The %1 before it were rolled back; the rest stay applied.")
                    .arg(counted(i, QStringLiteral("step"), QStringLiteral("steps"))),
                QStringLiteral("Run rollback again to continue."));
        if (m_observer)
            m_observer->stepStarted(step, i, plan.steps.size());
        qint64 elapsed = 0;
        if (auto done = rollbackStep(step, elapsed); !done) {
            Error error = done.error();
            error.what =
                QStringLiteral("Rolling back step %1 failed: %2").arg(step.label(), done.error().what);
            error.unchanged =
                QStringLiteral(
                    "Step %1 is still applied (its rollback was undone). %2 rolled back before it.")
                    .arg(step.slot(), counted(i, QStringLiteral("step"), QStringLiteral("steps")));
            // A statement at fault is in the rollback script; any other kind keeps its own Next.
            error.next =
                done.error().next.isEmpty()
                    ? QStringLiteral("Fix %1 and run rollback again.").arg(step.rollbackPath)
                    : QString(done.error().next)
                          .replace(QLatin1String("run migrate again"), QLatin1String("run rollback again"));
            StepTimeoutSession::reset(m_db, m_timeouts.limitsFor(step));
            if (m_observer)
                m_observer->stepFailed(step, error);
            return error;
        }
        outcome.steps++;
        outcome.elapsedMs += elapsed;
        if (m_observer)
            m_observer->stepFinished(step, elapsed);
    }
    return outcome;
}

} // namespace strata
