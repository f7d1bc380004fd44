#pragma once

#include <optional>

#include <QObject>
#include <QPointer>

#include "connection/ConnectionTarget.h"

class QWidget;

namespace strata {

class MigrationWizard;
struct RunReport;

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

    /// How a run ended, for the window: the outcome, the backup restored (when one was), what to do next.
    static QString outcomeText(const RunReport& report);

public Q_SLOTS:
    void start();

Q_SIGNALS:
    /// The database or its migration lock changed: the run took the lock, a step ran, a backup was restored,
    /// or the wizard ended and its session released the lock (emitted after the wizard is gone).
    void databaseChanged();
    void failed(const strata::Error& error);
    /// How the wizard's run ended, in a sentence for the window ("The migration to v2 succeeded…").
    void done(const QString& message);
    /// The wizard closed and its run lock is released.
    void closed();

private:
    QWidget& m_window;
    std::optional<ConnectionTarget> m_target;
    QString m_backupFolder;
    QPointer<MigrationWizard> m_wizard;
    bool m_open = false;
    bool m_lockShown = false;
    QString m_outcome; ///< how the closed wizard's run ended, said once the wizard is gone
};

} // namespace strata
