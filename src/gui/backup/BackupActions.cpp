#include "backup/BackupActions.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>

#include "backup/BackupCatalog.h"
#include "backup/DatabaseBackup.h"
#include "backup/DatabaseRestore.h"
#include "common/JobProgressDialog.h"
#include "config/OperatorConfig.h"
#include "jobs/BackupJob.h"
#include "jobs/JobRunner.h"
#include "jobs/RestoreJob.h"
#include "jobs/VerifyBackupJob.h"
#include "run/DatabaseUsers.h"

namespace strata {

namespace {

/// A backup of a database Strata did not track yet records version 0: say that, not "v0".
QString schemaWords(const BackupRecord& record)
{
    return record.schemaVersion > 0 ? BackupActions::tr("schema v%1").arg(record.schemaVersion)
                                    : BackupActions::tr("a schema Strata did not track yet");
}

} // namespace

BackupActions::BackupActions(QWidget& window, QMenu& restoreMenu, QMenu& verifyMenu)
    : QObject(&window), m_window(window), m_restoreMenu(restoreMenu), m_verifyMenu(verifyMenu)
{
    connect(&m_restoreMenu, &QMenu::aboutToShow, this, &BackupActions::refreshRestoreMenu);
    connect(&m_verifyMenu, &QMenu::aboutToShow, this, &BackupActions::refreshRestoreMenu);
}

BackupActions::~BackupActions() = default;

void BackupActions::setTarget(const std::optional<ConnectionTarget>& target)
{
    m_target = target;
    refreshRestoreMenu();
}

QString BackupActions::folder() const
{
    if (!m_target)
        return {};
    auto url = m_target->connectionUrl();
    return url ? DatabaseBackup::defaultFolder(*url, m_target->backupFolder) : QString();
}

bool BackupActions::isBusy() const
{
    return m_runner && m_runner->isRunning();
}

void BackupActions::cancelRunning()
{
    if (m_runner)
        m_runner->cancel();
}

bool BackupActions::startJob(std::unique_ptr<DatabaseJob> job,
                             std::function<void(bool, const Error&)> onFinished)
{
    if (!m_target || isBusy())
        return false;
    auto url = m_target->connectionUrl();
    if (!url) {
        Q_EMIT failed(url.error());
        return false;
    }
    m_runner = std::make_unique<JobRunner>(*url, std::move(job));
    auto* dialog = new JobProgressDialog(*m_runner, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_runner.get(), &JobRunner::finished, this, [this, onFinished](bool ok, const Error& error) {
        onFinished(ok, error);
        Q_EMIT idle();
    });
    m_runner->start();
    dialog->show();
    return true;
}

void BackupActions::createBackup()
{
    DatabaseBackup::Request request;
    request.folder = folder();
    request.setFolder = m_target ? m_target->migrations : QString();
    auto job = std::make_unique<BackupJob>(request);
    BackupJob* backup = job.get();
    startJob(std::move(job), [this, backup](bool ok, const Error& error) {
        if (!ok) {
            Q_EMIT failed(error);
            return;
        }
        const BackupRecord& r = *backup->record();
        Q_EMIT done(tr("Backup %1 taken and verified: %2, %3, SHA-256 %4…")
                        .arg(r.id, r.path, QLocale().formattedDataSize(r.size), r.sha256.left(12)));
        refreshRestoreMenu();
    });
}

QString BackupActions::restoreQuestion(const BackupRecord& record) const
{
    const QString when = QDateTime::fromString(record.createdAt, Qt::ISODateWithMs)
                             .toLocalTime()
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const QString name = m_target ? m_target->displayName() : QString();
    const bool sqlite = m_target && m_target->url.startsWith(QLatin1String("sqlite:"));
    const QString aside = sqlite ? tr("a copy beside it named %1.failed_<date_time>")
                                       .arg(QFileInfo(m_target->connectionUrl()->sqlitePath()).fileName())
                                 : tr("a database renamed to <name>_failed_<date_time>");
    // The daemon only when the set's config has hooks that stop and start it (seed 004); the demo has none.
    HookSpec preHook;
    HookSpec postHook;
    if (m_target && !m_target->config.isEmpty())
        if (auto config = OperatorConfig::load(m_target->config)) {
            preHook = config->preHook;
            postHook = config->postHook;
        }
    const bool hooks =
        DatabaseUsers::of(preHook, postHook, m_target ? m_target->migrations : QString()).hooks();
    const QString others =
        hooks ? tr("No other program may be using the database: the pre hook stops the daemon first, and the "
                   "post hook starts it again.")
              : tr("No other program may be using the database: stop the programs that use it first (a pre "
                   "hook in the migration set's strata.yaml can do it before every run).");
    return tr("Restore %1 from the backup taken at %2 (%3, %4)?\n\n"
              "1. The backup is checked first: its size and SHA-256, and that it is a backup of this "
              "database and migration set. A backup that fails is refused and nothing changes.\n"
              "2. %6\n"
              "3. The current database is kept aside as %5. Nothing is deleted.\n"
              "4. The backup's content replaces the database's, and the result is checked.")
        .arg(name, when, schemaWords(record))
        .arg(QLocale().formattedDataSize(record.size), aside, others);
}

void BackupActions::restore(const BackupRecord& record)
{
    if (QMessageBox::question(&m_window, tr("Restore a backup"), restoreQuestion(record),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    RestoreRun::Settings settings;
    settings.setFolder = m_target ? m_target->migrations : QString();
    settings.backupFolder = folder();
    if (m_target && !m_target->config.isEmpty()) {
        auto config = OperatorConfig::load(m_target->config);
        if (!config) {
            Q_EMIT failed(config.error());
            return;
        }
        settings.preHook = config->preHook;
        settings.postHook = config->postHook;
    }
    auto job = std::make_unique<RestoreJob>(record, settings);
    RestoreJob* restoreJob = job.get();
    startJob(std::move(job), [this, restoreJob, record](bool ok, const Error& error) {
        if (!ok) {
            Q_EMIT failed(error);
            return;
        }
        const QString version = schemaWords(record);
        Q_EMIT done(tr("Restored %1 from the backup taken at %2 (%3, %4). The database it replaced is kept "
                       "as %5.")
                        .arg(m_target ? m_target->displayName() : QString(),
                             QDateTime::fromString(record.createdAt, Qt::ISODateWithMs)
                                 .toLocalTime()
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                             record.path, version, restoreJob->outcome()->keptAside));
        Q_EMIT databaseChanged();
    });
}

void BackupActions::restoreFromFile()
{
    const QString file = QFileDialog::getOpenFileName(&m_window, tr("Restore from a backup file"), folder());
    if (file.isEmpty() || !m_target)
        return;
    BackupRecord record;
    if (auto listed = BackupCatalog(QFileInfo(file).absolutePath()).find(file)) {
        record = *listed;
    } else {
        record.id = QFileInfo(file).fileName();
        record.file = record.id;
        record.path = QFileInfo(file).absoluteFilePath();
        record.createdAt = QFileInfo(file).lastModified().toUTC().toString(Qt::ISODateWithMs);
        record.size = QFileInfo(file).size();
    }
    restore(record);
}

void BackupActions::verify(const BackupRecord& record)
{
    auto job = std::make_unique<VerifyBackupJob>(record);
    VerifyBackupJob* verifyJob = job.get();
    startJob(std::move(job), [this, verifyJob, record](bool ok, const Error& error) {
        if (!ok) {
            Q_EMIT failed(error);
            return;
        }
        Q_EMIT done(tr("Backup %1 verified: %2").arg(record.path, verifyJob->summary()));
    });
}

void BackupActions::refreshRestoreMenu()
{
    for (QMenu* menu : {&m_restoreMenu, &m_verifyMenu})
        menu->clear();
    if (!m_target) {
        for (QMenu* menu : {&m_restoreMenu, &m_verifyMenu})
            menu->addAction(tr("No database open"))->setEnabled(false);
        return;
    }
    auto url = m_target->connectionUrl();
    auto records =
        url ? BackupCatalog(folder()).list(url->display()) : Result<QList<BackupRecord>>(url.error());
    if (!records || records->isEmpty()) {
        for (QMenu* menu : {&m_restoreMenu, &m_verifyMenu})
            menu->addAction(records ? tr("No backups of this database yet") : records.error().what)
                ->setEnabled(false);
        return;
    }
    fillMenu(m_restoreMenu, *records, &BackupActions::restore);
    fillMenu(m_verifyMenu, *records, &BackupActions::verify);
}

void BackupActions::fillMenu(QMenu& menu, const QList<BackupRecord>& records,
                             void (BackupActions::*action)(const BackupRecord&))
{
    for (const BackupRecord& r : records) {
        const QString when = QDateTime::fromString(r.createdAt, Qt::ISODateWithMs)
                                 .toLocalTime()
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        QAction* entry = menu.addAction(tr("%1 — v%2, %3%4")
                                            .arg(when)
                                            .arg(r.schemaVersion)
                                            .arg(QLocale().formattedDataSize(r.size),
                                                 r.verified ? tr(", verified") : tr(", NOT verified")));
        entry->setData(r.id);
        connect(entry, &QAction::triggered, this, [this, r, action] { (this->*action)(r); });
    }
}

} // namespace strata
