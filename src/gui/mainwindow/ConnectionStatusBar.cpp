#include "mainwindow/ConnectionStatusBar.h"

#include <QLabel>

#include "common/ElidedLabel.h"
#include "jobs/StatusJob.h"

namespace strata {

ConnectionStatusBar::ConnectionStatusBar(QWidget* parent)
    : QStatusBar(parent), m_connection(new ElidedLabel(Qt::ElideMiddle, 16, this)),
      m_version(new QLabel(this)), m_lock(new ElidedLabel(Qt::ElideRight, 24, this))
{
    // A path keeps its start and its file name; who holds the lock reads first.
    addPermanentWidget(m_connection, 1);
    addPermanentWidget(m_version);
    addPermanentWidget(m_lock);
    showDisconnected();
}

void ConnectionStatusBar::showDisconnected()
{
    m_connection->setFullText(tr("Not connected"));
    m_version->clear();
    m_lock->setFullText({});
}

void ConnectionStatusBar::showConnecting(const QString& database)
{
    m_connection->setFullText(tr("Connecting to %1…").arg(database));
    m_version->clear();
    m_lock->setFullText({});
}

void ConnectionStatusBar::showNotConnected(const QString& database)
{
    m_connection->setFullText(tr("Not connected to %1").arg(database));
    m_version->clear();
    m_lock->setFullText({});
}

void ConnectionStatusBar::showStatus(const DatabaseStatus& status)
{
    m_connection->setFullText(status.database);
    if (QString managed = status.managedBy(); !managed.isEmpty()) {
        // Another tool migrates this database until it is adopted: say which, and where it stands.
        managed[0] = managed[0].toUpper();
        m_version->setText(managed);
    } else if (!status.plan.tracked && status.plan.baselineRecognised)
        m_version->setText(tr("Schema v%1 (baseline, untracked)").arg(status.plan.baselineVersion));
    else
        m_version->setText(status.plan.tracked ? tr("Schema %1").arg(status.plan.versionLabel())
                                               : tr("Not tracked"));
    m_lock->setFullText(status.lockHolder.isEmpty() ? tr("Lock: free")
                                                    : tr("Lock: held by %1").arg(status.lockHolder));
}

QString ConnectionStatusBar::connectionText() const
{
    return m_connection->fullText();
}

QString ConnectionStatusBar::versionText() const
{
    return m_version->text();
}

QString ConnectionStatusBar::lockText() const
{
    return m_lock->fullText();
}

} // namespace strata
