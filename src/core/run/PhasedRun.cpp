#include "run/PhasedRun.h"

#include <algorithm>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUuid>

#include "backup/DatabaseBackup.h"
#include "backup/DatabaseRestore.h"
#include "common/DiskFile.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlanner.h"
#include "migrations/MigrationRunner.h"
#include "migrations/RunJournal.h"
#include "rehearsal/Rehearsal.h"
#include "run/DatabaseUsers.h"
#include "run/HookRunner.h"
#include "run/RunStepRelay.h"
#include "verify/DatabaseVerifier.h"

namespace strata {

PhasedRun::PhasedRun(Database& db, const MigrationSet& set, Settings settings, RunObserver* observer)
    : m_db(db), m_set(set), m_settings(std::move(settings)), m_observer(observer)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_report.runId =
        now.toString(QStringLiteral("yyyyMMdd-HHmmss-")) + QUuid::createUuid().toString(QUuid::Id128).left(6);
    m_report.database = db.display();
    m_report.set = set.name();
    m_report.startedAt = now.toString(Qt::ISODateWithMs);
    // The operator's hooks win; the set's own hooks apply when the operator configured none.
    if (!m_settings.preHook.isSet())
        m_settings.preHook = set.manifest.preHook;
    if (!m_settings.postHook.isSet())
        m_settings.postHook = set.manifest.postHook;
}

PhasedRun::~PhasedRun() = default;

DatabaseUsers PhasedRun::users() const
{
    return DatabaseUsers::of(m_settings.preHook, m_settings.postHook);
}

QString PhasedRun::logPath() const
{
    return QDir(m_settings.backupFolder).filePath(QStringLiteral("strata-run-%1.json").arg(m_report.runId));
}

void PhasedRun::startPhase(const QString& phase, const QString& title)
{
    if (m_observer)
        m_observer->phaseStarted(phase, title);
}

void PhasedRun::check(const QString& phase, const CheckResult& result)
{
    m_report.add(phase, result);
    if (m_observer)
        m_observer->checkDone(phase, result);
}

Progress PhasedRun::progress() const
{
    return Progress(
        [this](qint64 done, qint64 total, const QString& stage) {
            if (m_observer)
                m_observer->progress(done, total, stage);
        },
        m_settings.cancel);
}

void PhasedRun::writeLog()
{
    m_report.finishedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (!QDir().mkpath(m_settings.backupFolder))
        return;
    (void)DiskFile::writeWhole(logPath(), QJsonDocument(m_report.toJson()).toJson());
}

void PhasedRun::enterJournalPhase(const QString& phase)
{
    if (m_journalled)
        (void)RunJournal(m_db).enterPhase(m_report.runId, phase);
}

void PhasedRun::endJournal(const QString& outcome)
{
    // A run that cannot write its end (the connection is gone) stays unfinished in the journal, and the
    // next status says so: that is the truth the operator needs.
    if (m_journalled)
        (void)RunJournal(m_db).finish(m_report.runId, outcome);
    m_journalled = false;
}

Status PhasedRun::stop(const QString& outcome, Error error)
{
    m_report.outcome = outcome;
    endJournal(outcome);
    m_report.error = error;
    writeLog();
    error.next +=
        QFileInfo::exists(logPath())
            ? QStringLiteral("\n  The run log is %1.").arg(logPath())
            : QStringLiteral("\n  The run log could not be written in %1.").arg(m_settings.backupFolder);
    return error;
}

Result<MigrationPlan> PhasedRun::prepare(const RunLock::WaitNotice& waiting)
{
    auto lock = m_db.acquireRunLock(m_settings.lockTimeout, waiting);
    if (!lock)
        return lock.error();
    m_lock = std::move(*lock);
    auto history = HistoryStore(m_db).read();
    if (!history)
        return history.error();
    auto tables = m_db.userTables();
    if (!tables)
        return tables.error();
    m_history = *history;
    m_tables = *tables;
    for (const QString& name : m_settings.configSwitches)
        if (m_set.hasOption(name) && !m_settings.enable.contains(name))
            m_settings.enable << name;
    auto plan = MigrationPlanner(m_set, m_db.dialect(), m_history, m_tables)
                    .planUp({m_settings.target, m_settings.enable});
    if (!plan)
        return plan.error();
    adopt(*plan);
    return plan;
}

Result<MigrationPlan> PhasedRun::choose(const QStringList& enable)
{
    if (!m_lock)
        return notReady(QStringLiteral("plan")).error();
    auto plan = MigrationPlanner(m_set, m_db.dialect(), m_history, m_tables)
                    .planUp({m_settings.target, enable, true});
    if (!plan)
        return plan.error();
    m_settings.enable = enable;
    adopt(*plan);
    return plan;
}

void PhasedRun::adopt(const MigrationPlan& plan)
{
    m_plan = plan;
    m_report.fromVersion = plan.currentVersion;
    m_report.toVersion = plan.targetVersion;
    m_report.options = plan.enabledOptions;
}

Status PhasedRun::runHook(const QString& phase, const HookSpec& hook)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("STRATA_DATABASE"), m_db.display());
    environment.insert(QStringLiteral("STRATA_RUN_ID"), m_report.runId);
    environment.insert(QStringLiteral("STRATA_PHASE"), phase);
    const CheckResult result = HookRunner::run(
        phase == QLatin1String("preflight") ? QStringLiteral("pre hook") : QStringLiteral("post hook"), hook,
        environment,
        [this](const QString& line) {
            if (m_observer)
                m_observer->hookOutput(line);
        },
        nullptr);
    check(phase, result);
    if (!result.ok())
        return Error::failed(QStringLiteral("The %1 failed: %2").arg(result.name, result.detail), QString(),
                             QStringLiteral("Fix the hook (or run its job by hand) and run migrate again."));
    return {};
}

Status PhasedRun::takeBackup()
{
    const QString phase = QStringLiteral("backup");
    startPhase(phase, QStringLiteral("Backup"));
    if (!m_settings.createBackup) {
        check(phase, CheckResult::notRun(QStringLiteral("backup"),
                                         QStringLiteral("turned off (--no-backup or "
                                                        "migration.create_backup: false)")));
        return {};
    }
    DatabaseBackup::Request request;
    request.folder = m_settings.backupFolder;
    request.integrity = m_settings.integrity;
    request.schemaVersion = m_plan->currentVersion;
    request.label = QStringLiteral("pre_v%1").arg(m_plan->targetVersion);
    request.runId = m_report.runId;
    request.setName = m_set.name();
    request.setFolder = m_set.root;
    request.retention = m_settings.retention;
    auto record = DatabaseBackup::take(m_db, request, progress());
    if (!record) {
        check(phase, CheckResult::failed(QStringLiteral("backup"), record.error().what));
        return record.error().withUnchanged(
            QStringLiteral("Nothing was changed: the migration did not start, and no "
                           "partial backup was listed."));
    }
    for (const auto& c : record->checks)
        check(phase, c);
    m_report.backup = *record;
    m_report.restoreCommand =
        QStringLiteral("%1 restore '%2'").arg(m_settings.commandPrefix, record->path).trimmed();
    return {};
}

Status PhasedRun::rehearse()
{
    const QString phase = QStringLiteral("rehearsal");
    startPhase(phase, QStringLiteral("Rehearsal on a copy"));
    Rehearsal rehearsal(m_db, m_set, RehearsalCopy::Where{m_settings.backupFolder, m_settings.rehearseOn});
    rehearsal.setTimeouts(m_settings.stepTimeouts); // exactly as the steps will run here
    auto rehearsed = m_report.backup
                         ? rehearsal.run(*m_plan, m_report.backup->path, m_report.backup->size, progress())
                         : rehearsal.runOnNewBackup(*m_plan, progress());
    const QString untouched =
        QStringLiteral("Nothing was changed: the migration did not start, and the live database was not "
                       "touched.");
    if (!rehearsed) {
        check(phase, CheckResult::failed(QStringLiteral("rehearsal"), rehearsed.error().what));
        return rehearsed.error().withUnchanged(untouched);
    }
    m_report.rehearsal = *rehearsed;
    check(phase, CheckResult::passed(QStringLiteral("copy"), rehearsed->copy));
    for (const auto& step : rehearsed->up)
        check(phase, step.succeeded
                         ? CheckResult::passed(QStringLiteral("step %1").arg(step.slot), step.summary())
                         : CheckResult::failed(QStringLiteral("step %1").arg(step.slot), step.summary()));
    if (rehearsed->failure)
        return rehearsed->failure->withUnchanged(QStringLiteral(
            "The live database was not touched: the rehearsal failed on a copy, so the migration "
            "did not start."));
    check(phase, CheckResult::passed(QStringLiteral("rollbacks"),
                                     rehearsed->withoutRollback.isEmpty()
                                         ? QStringLiteral("up, down, up: every rollback ran")
                                         : QStringLiteral("up, down, up; without a rollback script: %1")
                                               .arg(rehearsed->withoutRollback.join(QStringLiteral(", ")))));
    return {};
}

Status PhasedRun::applySteps(const std::atomic_bool* cancel)
{
    // From here on the database changes: it remembers the run until the run records its end, so that a run
    // killed now is reported by the next status and migrate.
    const RunIdentity who = RunIdentity::current();
    RunEntry entry;
    entry.runId = m_report.runId;
    entry.phase = QStringLiteral("steps");
    entry.fromVersion = m_plan->versionLabel();
    entry.targetVersion = m_plan->targetVersion;
    entry.appliedBy = who.user;
    entry.host = who.host;
    entry.pid = who.pid;
    entry.runLog = logPath();
    if (auto begun = RunJournal(m_db).begin(entry); !begun)
        return begun.error().prefixed(QStringLiteral("Cannot record the run in schema_version_runs"));
    m_journalled = true;
    RunStepRelay relay(*this);
    MigrationRunner runner(m_db, m_set, who, &relay);
    runner.setCancelFlag(cancel ? cancel : m_settings.cancel);
    runner.setAbortFlag(m_settings.abort);
    runner.setTimeouts(m_settings.stepTimeouts);
    auto outcome = runner.apply(*m_plan);
    if (outcome)
        return {};
    Error error = outcome.error();
    if (!m_report.backup) {
        error.next += QStringLiteral("\n  No backup was taken for this run (--no-backup).");
        return error;
    }
    const QString takenAt = QDateTime::fromString(m_report.backup->createdAt, Qt::ISODateWithMs)
                                .toLocalTime()
                                .toString(QStringLiteral("HH:mm"));
    if (!m_settings.restoreOnFailure) {
        error.next +=
            QStringLiteral(
                "\n  To go back to the database as it was before this run, restore the backup taken at %1:\n"
                "    %2")
                .arg(takenAt, m_report.restoreCommand);
        return error;
    }
    if (auto restored = restoreBackup(); !restored) {
        error.next += QStringLiteral("\n  Restoring the backup failed too: %1\n  Restore it by hand: %2")
                          .arg(restored.error().what, m_report.restoreCommand);
        return error;
    }
    error.unchanged = QStringLiteral("The backup taken at %1 was restored: the database is as it was before "
                                     "this run (v%2). The failed database is kept as %3.")
                          .arg(takenAt)
                          .arg(m_report.fromVersion)
                          .arg(m_report.restoredAside);
    return error;
}

Status PhasedRun::restoreBackup()
{
    if (!m_report.backup)
        return Error::failed(QStringLiteral("This run took no backup, so there is none to restore."),
                             QStringLiteral("Nothing was changed by this request."),
                             QStringLiteral("Restore an earlier backup from the Backup menu or with "
                                            "strata-cli restore."));
    startPhase(QStringLiteral("restore"), QStringLiteral("Restore"));
    DatabaseRestore::Options options;
    options.setName = m_set.name();
    auto restored = DatabaseRestore::restore(m_db, *m_report.backup, progress(), options);
    if (!restored) {
        check(QStringLiteral("restore"),
              CheckResult::failed(QStringLiteral("restore"), restored.error().what));
        writeLog();
        return restored.error();
    }
    for (const auto& c : restored->afterChecks)
        check(QStringLiteral("restore"), c);
    m_report.restoredAside = restored->keptAside;
    m_report.outcome = QStringLiteral("restored");
    // The database is as it was: what the pre hook stopped may run again.
    if (m_preHookRan && m_settings.postHook.isSet())
        (void)runHook(QStringLiteral("post"), m_settings.postHook);
    writeLog();
    return {};
}

Status PhasedRun::verifyResult()
{
    const QString phase = QStringLiteral("verification");
    startPhase(phase, QStringLiteral("Verification"));
    if (!m_settings.verifyAfter) {
        check(phase, CheckResult::notRun(QStringLiteral("verification"),
                                         QStringLiteral("turned off "
                                                        "(migration.verify_after: false)")));
        return {};
    }
    const auto checks = DatabaseVerifier::verify(m_db, &m_set, IntegrityMode::Full, m_plan->enabledOptions,
                                                 progress(), m_plan->targetVersion);
    QStringList failures;
    for (const auto& c : checks) {
        check(phase, c);
        if (!c.ok())
            failures << QStringLiteral("%1: %2").arg(c.name, c.detail);
    }
    if (failures.isEmpty())
        return {};
    Error error{
        ExitCode::VerificationFailed,
        QStringLiteral("The migration ran, but the database fails verification: %1.")
            .arg(failures.join(QStringLiteral("; "))),
        users().hooks() ? QStringLiteral("The steps stay applied; the daemon was not started again.")
                        : QStringLiteral("The steps stay applied."),
        m_report.backup
            ? QStringLiteral("Restore the backup taken before the run: %1").arg(m_report.restoreCommand)
        : users().hooks()
            ? QStringLiteral("Investigate the failed checks before starting the daemon.")
            : QStringLiteral(
                  "Investigate the failed checks before the programs that use the database write to "
                  "it again.")};
    return error;
}

Status PhasedRun::notReady(const QString& phase) const
{
    return Error::failed(QStringLiteral("The run is not ready for its %1 phase.").arg(phase),
                         QStringLiteral("Nothing was changed."),
                         QStringLiteral("Prepare the run first, and run its phases in order."));
}

Status PhasedRun::abandon(Error error)
{
    // The database is unchanged: what the pre hook stopped may run again.
    if (m_preHookRan && m_settings.postHook.isSet())
        (void)runHook(QStringLiteral("post"), m_settings.postHook);
    return stop(QStringLiteral("failed"), std::move(error));
}

Status PhasedRun::runPreflight()
{
    if (!m_plan || !m_lock)
        return notReady(QStringLiteral("pre-flight"));
    if (m_plan->blocked())
        return stop(QStringLiteral("refused"), Problem::refusal(m_plan->problems, QStringLiteral("migrate")));
    if (auto ok = preflight(); !ok)
        return abandon(ok.error());
    return {};
}

Status PhasedRun::runBackup()
{
    if (!m_plan || !m_lock)
        return notReady(QStringLiteral("backup"));
    if (auto ok = takeBackup(); !ok)
        return abandon(ok.error());
    return {};
}

Status PhasedRun::runRehearsal()
{
    if (!m_plan || !m_lock)
        return notReady(QStringLiteral("rehearsal"));
    if (!m_settings.rehearse)
        return {};
    if (auto ok = rehearse(); !ok)
        return abandon(ok.error());
    return {};
}

Status PhasedRun::runSteps(const std::atomic_bool* cancel)
{
    if (!m_plan || !m_lock)
        return notReady(QStringLiteral("migration"));
    startPhase(QStringLiteral("schema"), QStringLiteral("Record the schema"));
    m_report.tablesBefore = m_tables;
    check(QStringLiteral("schema"),
          CheckResult::passed(QStringLiteral("tables before"),
                              QStringLiteral("%1: %2").arg(
                                  m_plan->versionLabel(), m_report.tablesBefore.join(QStringLiteral(", ")))));
    if (auto ok = applySteps(cancel); !ok)
        return stop(m_report.outcome == QLatin1String("restored") ? m_report.outcome
                                                                  : QStringLiteral("failed"),
                    ok.error());
    return {};
}

Status PhasedRun::runVerification()
{
    if (!m_plan || !m_lock)
        return notReady(QStringLiteral("verification"));
    enterJournalPhase(QStringLiteral("verification"));
    if (auto ok = verifyResult(); !ok)
        return stop(QStringLiteral("failed"), ok.error());
    return {};
}

Status PhasedRun::runPostHook()
{
    if (!m_plan || !m_lock)
        return notReady(QStringLiteral("post hook"));
    enterJournalPhase(QStringLiteral("post"));
    if (m_settings.postHook.isSet()) {
        startPhase(QStringLiteral("post"), QStringLiteral("Post hook"));
        if (auto ok = runHook(QStringLiteral("post"), m_settings.postHook); !ok)
            return stop(QStringLiteral("failed"),
                        ok.error().withUnchanged(QStringLiteral("The migration is applied and verified; only "
                                                                "the post hook failed. Start the daemon by "
                                                                "hand.")));
    }
    m_report.outcome = QStringLiteral("succeeded");
    endJournal(m_report.outcome);
    writeLog();
    return {};
}

Status PhasedRun::withdraw()
{
    if (m_report.outcome != QLatin1String("running") || !m_report.appliedSteps.isEmpty())
        return {};
    (void)abandon(Error::failed(QStringLiteral("The operator cancelled the run before any step ran."),
                                QStringLiteral("Nothing was changed."), QString()));
    m_report.outcome = QStringLiteral("cancelled");
    writeLog();
    return {};
}

Status PhasedRun::execute(const std::atomic_bool* cancel)
{
    for (const auto& phase : {&PhasedRun::runPreflight, &PhasedRun::runBackup, &PhasedRun::runRehearsal})
        if (auto ok = (this->*phase)(); !ok)
            return ok;
    if (auto ok = runSteps(cancel); !ok)
        return ok;
    if (auto ok = runVerification(); !ok)
        return ok;
    return runPostHook();
}

} // namespace strata
