#include "run/RestoreRun.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QStorageInfo>
#include <QUuid>

#include "backup/BackupEngine.h"
#include "backup/LeftoverSweep.h"
#include "common/DiskFile.h"
#include "common/FileDigest.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "migrations/MigrationSetLoader.h"
#include "run/DatabaseUsers.h"
#include "run/HookRunner.h"
#include "run/WriterProbe.h"

namespace strata {

namespace {

const QString kNotStarted = QStringLiteral("Nothing was changed: the restore did not start.");

} // namespace

RestoreRun::RestoreRun(Database& db, Settings settings) : m_db(db), m_settings(std::move(settings))
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_report.runId =
        now.toString(QStringLiteral("yyyyMMdd-HHmmss-")) + QUuid::createUuid().toString(QUuid::Id128).left(6);
    m_report.database = db.display();
    m_report.startedAt = now.toString(Qt::ISODateWithMs);
}

RestoreRun::~RestoreRun() = default;

QString RestoreRun::logPath() const
{
    return QDir(m_settings.backupFolder)
        .filePath(QStringLiteral("strata-restore-%1.json").arg(m_report.runId));
}

Status RestoreRun::prepare(const RunLock::WaitNotice& waiting)
{
    if (!m_settings.setFolder.isEmpty()) {
        auto set = MigrationSetLoader::load(m_settings.setFolder);
        if (!set)
            return set.error();
        m_settings.restore.setName = set->name();
        if (!m_settings.preHook.isSet())
            m_settings.preHook = set->manifest.preHook;
        if (!m_settings.postHook.isSet())
            m_settings.postHook = set->manifest.postHook;
    }
    m_report.set = m_settings.restore.setName;
    auto lock = m_db.acquireRunLock(m_settings.lockTimeout, waiting);
    if (!lock)
        return lock.error();
    m_lock = std::move(*lock);
    return {};
}

bool RestoreRun::writeLog()
{
    m_report.finishedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (m_settings.backupFolder.isEmpty() || !QDir().mkpath(m_settings.backupFolder))
        return false;
    return DiskFile::writeWhole(logPath(), QJsonDocument(m_report.toJson()).toJson()).isEmpty();
}

Error RestoreRun::stop(const QString& outcome, Error error)
{
    m_report.outcome = outcome;
    m_report.error = error;
    if (writeLog())
        error.next += QStringLiteral("\n  The restore's log is %1.").arg(logPath());
    return error;
}

Status RestoreRun::runHook(const QString& phase, const HookSpec& hook)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("STRATA_DATABASE"), m_db.display());
    environment.insert(QStringLiteral("STRATA_RUN_ID"), m_report.runId);
    environment.insert(QStringLiteral("STRATA_PHASE"), phase);
    environment.insert(QStringLiteral("STRATA_COMMAND"), QStringLiteral("restore"));
    const CheckResult result = HookRunner::run(
        phase == QLatin1String("preflight") ? QStringLiteral("pre hook") : QStringLiteral("post hook"), hook,
        environment, {}, nullptr);
    m_report.add(phase, result);
    if (!result.ok())
        return Error::failed(QStringLiteral("The %1 failed: %2").arg(result.name, result.detail), QString(),
                             QStringLiteral("Fix the hook (or run its job by hand) and restore again."));
    return {};
}

Status RestoreRun::preflight(const BackupRecord& record)
{
    const QString phase = QStringLiteral("preflight");
    m_report.add(phase, CheckResult::passed(QStringLiteral("connection"), m_db.display()));
    m_report.add(phase, CheckResult::passed(QStringLiteral("run lock"), m_lock->describe()));
    // What killed runs left (a killed restore's partial copy aside among them): removed under the lock when
    // nothing can still be using it, else listed.
    for (const auto& c : LeftoverSweep::checks(
             LeftoverSweep::sweep(m_db, m_settings.backupFolder, LeftoverSweep::Mode::Clean, true)))
        m_report.add(phase, c);
    if (m_settings.preHook.isSet())
        if (auto ran = runHook(phase, m_settings.preHook); !ran)
            return ran.error().withUnchanged(kNotStarted);
    const CheckResult writers = WriterProbe::probe(m_db);
    m_report.add(phase, writers);
    if (!writers.ok())
        return Error::failed(
            QStringLiteral("Another program is using the database: %1.").arg(writers.detail), kNotStarted,
            QStringLiteral("Stop it %1 and restore again; a restore would overwrite what it writes.")
                .arg(DatabaseUsers::of(m_settings.preHook, m_settings.postHook).howToStop()));
    if (m_db.dialect() == Dialect::Sqlite) {
        // The copy kept aside (the current database) and the backup's pages loaded into the live file.
        const QString folder = QFileInfo(static_cast<SqliteDatabase&>(m_db).path()).absolutePath();
        const qint64 needed =
            (BackupEngine::forDatabase(m_db)->estimatedSize() + FileDigest::size(record.path)) * 11 / 10;
        const QStorageInfo storage(folder);
        const QString detail = QStringLiteral("%1 free in %2, about %3 needed for the copy kept aside and "
                                              "the restore")
                                   .arg(QLocale::c().formattedDataSize(storage.bytesAvailable()), folder,
                                        QLocale::c().formattedDataSize(needed));
        const bool enough = !storage.isValid() || storage.bytesAvailable() >= needed;
        m_report.add(phase, enough ? CheckResult::passed(QStringLiteral("free disk"), detail)
                                   : CheckResult::failed(QStringLiteral("free disk"), detail));
        if (!enough)
            return Error::failed(QStringLiteral("Not enough free disk beside the database: %1.").arg(detail),
                                 kNotStarted,
                                 QStringLiteral("Free disk space in %1, then restore again.").arg(folder));
    } else {
        m_report.add(phase, CheckResult::notRun(QStringLiteral("free disk"),
                                                QStringLiteral("the server's disk is not visible from here; "
                                                               "the restore needs about the database's size "
                                                               "there, as the old database is kept aside")));
    }
    return {};
}

Result<DatabaseRestore::Outcome> RestoreRun::execute(const BackupRecord& record, const Progress& progress)
{
    if (!m_lock)
        return Error::failed(QStringLiteral("The restore does not hold the run lock."), kNotStarted,
                             QStringLiteral("Prepare the restore first."));
    m_report.backup = record;
    auto outcome = DatabaseRestore::check(m_db, record, progress, m_settings.restore);
    if (!outcome) {
        m_report.add(QStringLiteral("backup"),
                     CheckResult::failed(QStringLiteral("backup"), outcome.error().what));
        return stop(outcome.error().code == ExitCode::Refused ? QStringLiteral("refused")
                                                              : QStringLiteral("failed"),
                    outcome.error());
    }
    for (const auto& c : outcome->backupChecks)
        m_report.add(QStringLiteral("backup"), c);
    for (const QString& warning : outcome->warnings)
        m_report.add(QStringLiteral("backup"), CheckResult::notRun(QStringLiteral("confirmed"), warning));

    const bool preHook = m_settings.preHook.isSet();
    auto startAgain = [&] { // the database is as it was: what the pre hook stopped may run again
        if (preHook && m_settings.postHook.isSet())
            (void)runHook(QStringLiteral("post"), m_settings.postHook);
    };
    if (auto ready = preflight(record); !ready) {
        startAgain();
        return stop(QStringLiteral("failed"), ready.error());
    }
    if (auto replaced = DatabaseRestore::replace(m_db, record, *outcome, progress); !replaced) {
        m_report.add(QStringLiteral("restore"),
                     CheckResult::failed(QStringLiteral("restore"), replaced.error().what));
        startAgain();
        return stop(replaced.error().code == ExitCode::Refused ? QStringLiteral("refused")
                                                               : QStringLiteral("failed"),
                    replaced.error());
    }
    for (const auto& c : outcome->afterChecks)
        m_report.add(QStringLiteral("restore"), c);
    m_report.restoredAside = outcome->keptAside;
    m_report.toVersion = outcome->schemaVersion;
    if (m_settings.postHook.isSet())
        if (auto ran = runHook(QStringLiteral("post"), m_settings.postHook); !ran)
            return stop(QStringLiteral("failed"),
                        ran.error().withUnchanged(
                            QStringLiteral("The backup is restored (the database it replaced is kept as %1); "
                                           "only the post hook failed. Start the daemon by hand.")
                                .arg(outcome->keptAside)));
    m_report.outcome = QStringLiteral("restored");
    (void)writeLog();
    return outcome;
}

} // namespace strata
