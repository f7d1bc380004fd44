#include "wizard/MigrateAction.h"

#include <QWidget>

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
    m_open = true;
    connect(m_wizard, &QWizard::finished, this, [this] {
        m_open = false;
        if (m_wizard && m_wizard->changedDatabase())
            Q_EMIT databaseChanged();
        Q_EMIT closed();
    });
    m_wizard->open();
}

} // namespace strata
