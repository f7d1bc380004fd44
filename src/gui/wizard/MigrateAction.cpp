#include "wizard/MigrateAction.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

#include "jobs/RunSession.h"
#include "wizard/MigrationWizard.h"
#include "wizard/RunSettings.h"

namespace strata {

MigrateAction::MigrateAction(QWidget& window) : QObject(&window), m_window(window) {}

void MigrateAction::setTarget(const std::optional<ConnectionTarget>& target, const QString& backupFolder)
{
    m_target = target;
    m_backupFolder = backupFolder;
}

MigrationWizard* MigrateAction::wizard() const
{
    return m_wizard;
}

bool MigrateAction::isClosing() const
{
    return m_wizard && m_wizard->isClosing();
}

void MigrateAction::requestClose()
{
    if (m_wizard)
        m_wizard->reject();
}

QString MigrateAction::outcomeText(const RunReport& report)
{
    const QString backup = report.backup
                               ? tr("the backup taken at %1 (%2)")
                                     .arg(QDateTime::fromString(report.backup->createdAt, Qt::ISODateWithMs)
                                              .toLocalTime()
                                              .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                          report.backup->path)
                               : QString();
    if (report.outcome == QLatin1String("succeeded"))
        return tr("The migration from v%1 to v%2 succeeded: %3 applied and verified.")
            .arg(report.fromVersion)
            .arg(report.toVersion)
            .arg(report.appliedSteps.size() == 1 ? tr("1 step")
                                                 : tr("%1 steps").arg(report.appliedSteps.size()));
    if (report.outcome == QLatin1String("restored"))
        return tr("The migration was undone: %1 was restored, and the database is as it was before the run "
                  "(v%2). The database it replaced is kept as %3.")
            .arg(backup.isEmpty() ? tr("the run's backup") : backup)
            .arg(report.fromVersion)
            .arg(report.restoredAside);
    if (report.outcome == QLatin1String("cancelled"))
        return tr("The migration was cancelled before any step ran: nothing was changed.");
    if (report.outcome == QLatin1String("failed"))
        return tr("The migration stopped: %1 of its steps %2 applied%3.")
            .arg(report.appliedSteps.size())
            .arg(report.appliedSteps.size() == 1 ? tr("is") : tr("are"))
            .arg(backup.isEmpty() ? QString()
                                  : tr("; %1 is in Backup > Restore to go back to v%2")
                                        .arg(backup)
                                        .arg(report.fromVersion));
    if (report.outcome == QLatin1String("running") && report.appliedSteps.isEmpty())
        return tr("The migration wizard was closed before any step ran: nothing was changed.");
    return QString();
}

void MigrateAction::start()
{
    if (m_open && m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    if (!m_target)
        return;
    auto url = m_target->connectionUrl();
    if (!url) {
        Q_EMIT failed(url.error());
        return;
    }
    auto settings = RunSettings::forTarget(*m_target, m_backupFolder);
    if (!settings) {
        Q_EMIT failed(settings.error());
        return;
    }
    m_wizard = new MigrationWizard(*url, m_target->migrations, *settings, &m_window);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &MigrationWizard::databaseChanged, this, &MigrateAction::databaseChanged);
    // The run takes the migration lock when it is prepared: the window says who holds it from then on.
    connect(&m_wizard->session(), &RunSession::planned, this, [this](bool ok) {
        if (ok && !m_lockShown) {
            m_lockShown = true;
            Q_EMIT databaseChanged();
        }
    });
    m_open = true;
    m_lockShown = false;
    connect(m_wizard, &QWizard::finished, this, [this] {
        m_open = false;
        if (!m_wizard)
            return;
        m_outcome = outcomeText(m_wizard->session().report());
        // Deleted from the event loop at any depth (a deferred delete waits for the outermost one), so
        // that its session releases the run lock now.
        QTimer::singleShot(0, this, [wizard = m_wizard] { delete wizard.data(); });
    });
    // The session releases the lock in its destructor, after the wizard's (it is the wizard's child): only
    // then is the state worth reading again (read earlier, the window would see its own run holding the
    // lock). QObject::destroyed is emitted once the session's own destructor has run.
    connect(&m_wizard->session(), &QObject::destroyed, this, [this] {
        m_open = false;
        if (!m_outcome.isEmpty())
            Q_EMIT done(m_outcome);
        m_outcome.clear();
        Q_EMIT databaseChanged();
        Q_EMIT closed();
    });
    m_wizard->open();
}

} // namespace strata
