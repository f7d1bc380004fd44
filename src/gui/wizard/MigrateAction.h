#pragma once

#include <optional>

#include <QObject>
#include <QPointer>

#include "connection/ConnectionTarget.h"

class QWidget;

namespace strata {

class MigrationWizard;

/// Migrations > Migrate…: opens the migration wizard on the open database, with its backups where the
/// Backup menu lists them, and tells the window when the database changed. One wizard at a time.
class MigrateAction : public QObject
{
    Q_OBJECT

public:
    explicit MigrateAction(QWidget& window);

    void setTarget(const std::optional<ConnectionTarget>& target, const QString& backupFolder);
    MigrationWizard* wizard() const;
    /// The open wizard is stopping its phase and closes when it has.
    bool isClosing() const;
    /// A wizard is open.
    bool isOpen() const { return m_open; }
    /// Asks the open wizard to close (it asks the operator first when a phase runs).
    void requestClose();

public Q_SLOTS:
    void start();

Q_SIGNALS:
    void databaseChanged();
    void failed(const strata::Error& error);
    /// The wizard closed.
    void closed();

private:
    QWidget& m_window;
    std::optional<ConnectionTarget> m_target;
    QString m_backupFolder;
    QPointer<MigrationWizard> m_wizard;
    bool m_open = false;
};

} // namespace strata
