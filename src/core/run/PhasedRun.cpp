#include "run/PhasedRun.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>
#include <QStorageInfo>
#include <QUuid>

#include "backup/DatabaseBackup.h"
#include "backup/DatabaseRestore.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlanner.h"
#include "migrations/MigrationRunner.h"
#include "run/HookRunner.h"
#include "run/WriterProbe.h"
#include "verify/DatabaseVerifier.h"

namespace strata {

/// Passes step events on to the observer, announces each migration phase as it begins, and records what
/// was applied.
class PhasedRun::StepRelay final : public MigrationObserver
{
public:
    explicit StepRelay(PhasedRun& run) : m_run(run) {}

    void baselineRecorded(qint64 version) override
    {
        m_run.check(QStringLiteral("schema"),
                    CheckResult::passed(QStringLiteral("baseline"),
                                        QStringLiteral("the untracked database was recorded as "
                                                       "version %1")
                                            .arg(version)));
        if (m_run.m_observer)
            m_run.m_observer->baselineRecorded(version);
    }
    void stepStarted(const MigrationStep& step, qsizetype index, qsizetype count) override
    {
        if (step.phase() != m_phase) {
            m_phase = step.phase();
            m_run.startPhase(m_phase, QStringLiteral("Phase %1").arg(m_phase));
        }
        if (m_run.m_observer)
            m_run.m_observer->stepStarted(step, index, count);
    }
    void stepFinished(const MigrationStep& step, qint64 elapsedMs) override
    {
        m_run.m_report.appliedSteps << step.slot();
        m_run.m_report.add(
            m_phase,
            CheckResult::passed(QStringLiteral("step %1").arg(step.slot()),
                                QStringLiteral("%1 applied in %2 ms").arg(step.forwardPath).arg(elapsedMs)));
        if (m_run.m_observer)
            m_run.m_observer->stepFinished(step, elapsedMs);
    }
    void stepFailed(const MigrationStep& step, const Error& error) override
    {
        m_run.m_report.add(m_phase,
                           CheckResult::failed(QStringLiteral("step %1").arg(step.slot()), error.what));
        if (m_run.m_observer)
            m_run.m_observer->stepFailed(step, error);
    }

private:
    PhasedRun& m_run;
    QString m_phase;
};

PhasedRun::PhasedRun(Database& db, const MigrationSet& set, Settings settings, RunObserver* observer)
    : m_db(db), m_set(set), m_settings(std::move(settings)), m_observer(observer)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_report.runId =
        now.toString(QStringLiteral("yyyyMMdd-HHmmss-")) + QUuid::createUuid().toString(QUuid::Id128).left(6);
    m_report.database = db.display();
    m_report.set = set.name();
    m_report.startedAt = now.toString(Qt::ISODateWithMs);
}

PhasedRun::~PhasedRun() = default;

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
    return Progress([this](qint64 done, qint64 total, const QString& stage) {
        if (m_observer)
            m_observer->progress(done, total, stage);
    });
}

void PhasedRun::writeLog()
{
    m_report.finishedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (!QDir().mkpath(m_settings.backupFolder))
        return;
    QSaveFile file(logPath());
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(m_report.toJson()).toJson());
        file.commit();
    }
}

Status PhasedRun::stop(const QString& outcome, Error error)
{
    m_report.outcome = outcome;
    m_report.error = error;
    writeLog();
    error.next += QStringLiteral("\n  The run log is %1.").arg(logPath());
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
    auto plan = MigrationPlanner(m_set, m_db.dialect(), *history, *tables)
                    .planUp({m_settings.target, m_settings.enable});
    if (!plan)
        return plan.error();
    m_plan = *plan;
    m_report.fromVersion = plan->currentVersion;
    m_report.toVersion = plan->targetVersion;
    m_report.options = plan->enabledOptions;
    return plan;
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

Status PhasedRun::preflight()
{
    const QString phase = QStringLiteral("preflight");
    startPhase(phase, QStringLiteral("Pre-flight"));
    check(phase, CheckResult::passed(QStringLiteral("connection"), m_db.display()));
    check(phase, CheckResult::passed(QStringLiteral("run lock"), m_lock->describe()));
    if (m_settings.preHook.isSet()) {
        m_preHookRan = true;
        if (auto ran = runHook(phase, m_settings.preHook); !ran)
            return ran.error().withUnchanged(
                QStringLiteral("Nothing was changed: the migration did not start."));
    }
    const CheckResult writers = WriterProbe::probe(m_db);
    check(phase, writers);
    if (!writers.ok())
        return Error::failed(
            QStringLiteral("Another program is using the database: %1.").arg(writers.detail),
            QStringLiteral("Nothing was changed: the migration did not start."),
            QStringLiteral("Stop it (configure the pre hook to stop the daemon) and run migrate again."));
    if (m_settings.createBackup) {
        auto engine = BackupEngine::forDatabase(m_db);
        const qint64 needed = engine->estimatedSize() * 11 / 10;
        QDir().mkpath(m_settings.backupFolder);
        const QStorageInfo storage(m_settings.backupFolder);
        const QString detail = QStringLiteral("%1 free in %2, about %3 needed")
                                   .arg(QLocale::c().formattedDataSize(storage.bytesAvailable()),
                                        m_settings.backupFolder, QLocale::c().formattedDataSize(needed));
        const bool enough = !storage.isValid() || storage.bytesAvailable() >= needed;
        check(phase, enough ? CheckResult::passed(QStringLiteral("free disk"), detail)
                            : CheckResult::failed(QStringLiteral("free disk"), detail));
        if (!enough)
            return Error::failed(
                QStringLiteral("Not enough free disk for the backup: %1.").arg(detail),
                QStringLiteral("Nothing was changed: the migration did not start."),
                QStringLiteral("Free disk space, or point backup.directory at another disk."));
    }
    const CheckResult integrity = DatabaseVerifier::integrity(m_db, m_settings.integrity, progress());
    check(phase, integrity);
    if (!integrity.ok())
        return Error::failed(
            QStringLiteral("The database fails its integrity check before the migration: %1")
                .arg(integrity.detail),
            QStringLiteral("Nothing was changed: the migration did not start, and the file was only read."),
            QStringLiteral("Restore the last good backup (strata-cli backups, then restore), or repair the "
                           "database, before migrating."));
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

Status PhasedRun::applySteps(const std::atomic_bool* cancel)
{
    StepRelay relay(*this);
    MigrationRunner runner(m_db, m_set, RunIdentity::current(), &relay);
    runner.setCancelFlag(cancel);
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
    startPhase(QStringLiteral("restore"), QStringLiteral("Restore"));
    auto restored = DatabaseRestore::restore(m_db, *m_report.backup, progress());
    if (!restored) {
        check(QStringLiteral("restore"),
              CheckResult::failed(QStringLiteral("restore"), restored.error().what));
        error.next += QStringLiteral("\n  Restoring the backup failed too: %1\n  Restore it by hand: %2")
                          .arg(restored.error().what, m_report.restoreCommand);
        return error;
    }
    for (const auto& c : restored->afterChecks)
        check(QStringLiteral("restore"), c);
    m_report.restoredAside = restored->keptAside;
    m_report.outcome = QStringLiteral("restored");
    error.unchanged =
        QStringLiteral("The backup taken at %1 was restored: the database is as it was before this run "
                       "(v%2). The failed database is kept as %3.")
            .arg(takenAt)
            .arg(restored->schemaVersion)
            .arg(restored->keptAside);
    return error;
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
        QStringLiteral("The steps stay applied; the daemon was not started again."),
        m_report.backup
            ? QStringLiteral("Restore the backup taken before the run: %1").arg(m_report.restoreCommand)
            : QStringLiteral("Investigate the failed checks before starting the daemon.")};
    return error;
}

Status PhasedRun::execute(const std::atomic_bool* cancel)
{
    if (!m_plan || !m_lock)
        return Error::failed(QStringLiteral("The run was not prepared."),
                             QStringLiteral("Nothing was changed."), QStringLiteral("Call prepare() first."));
    if (m_plan->blocked())
        return stop(QStringLiteral("refused"), Problem::refusal(m_plan->problems, QStringLiteral("migrate")));
    if (auto ok = preflight(); !ok) {
        if (m_preHookRan &&
            m_settings.postHook.isSet()) // the database is unchanged: the daemon may run again
            (void)runHook(QStringLiteral("post"), m_settings.postHook);
        return stop(QStringLiteral("failed"), ok.error());
    }
    if (auto ok = takeBackup(); !ok) {
        if (m_preHookRan && m_settings.postHook.isSet())
            (void)runHook(QStringLiteral("post"), m_settings.postHook);
        return stop(QStringLiteral("failed"), ok.error());
    }
    startPhase(QStringLiteral("schema"), QStringLiteral("Record the schema"));
    if (auto tables = m_db.userTables())
        m_report.tablesBefore = *tables;
    check(QStringLiteral("schema"),
          CheckResult::passed(QStringLiteral("tables before"),
                              QStringLiteral("v%1: %2")
                                  .arg(m_plan->currentVersion)
                                  .arg(m_report.tablesBefore.join(QStringLiteral(", ")))));
    if (auto ok = applySteps(cancel); !ok) {
        if (m_report.outcome == QLatin1String("restored") && m_preHookRan && m_settings.postHook.isSet())
            (void)runHook(QStringLiteral("post"), m_settings.postHook);
        return stop(m_report.outcome == QLatin1String("restored") ? m_report.outcome
                                                                  : QStringLiteral("failed"),
                    ok.error());
    }
    if (auto ok = verifyResult(); !ok)
        return stop(QStringLiteral("failed"), ok.error());
    if (m_settings.postHook.isSet()) {
        startPhase(QStringLiteral("post"), QStringLiteral("Post hook"));
        if (auto ok = runHook(QStringLiteral("post"), m_settings.postHook); !ok)
            return stop(QStringLiteral("failed"),
                        ok.error().withUnchanged(
                            QStringLiteral("The migration is applied and verified; only the post hook "
                                           "failed. Start the daemon by hand.")));
    }
    m_report.outcome = QStringLiteral("succeeded");
    writeLog();
    return {};
}

} // namespace strata
