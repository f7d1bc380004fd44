#pragma once

#include <memory>
#include <optional>

#include <QMainWindow>

#include "common/Error.h"
#include "connection/ConnectionTarget.h"
#include "jobs/StatusJob.h"

namespace strata {

class BackupActions;
class ConnectionStatusBar;
class JobRunner;
class MainActions;
class MigrateAction;
class MigrationActions;
class TimelinePage;

/// Strata's main window: the migration timeline of the open database, the menus, and the status bar.
/// Every database read runs on a worker (JobRunner); the window only shows results.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void open(const ConnectionTarget& target);
    void openDemo();
    void refresh();
    void closeDatabase();
    void showConnectDialog();

    const std::optional<ConnectionTarget>& target() const { return m_target; }
    const std::optional<DatabaseStatus>& status() const { return m_status; }
    TimelinePage* timeline() const { return m_timeline; }
    ConnectionStatusBar* statusView() const { return m_statusBar; }
    MainActions* actions() const { return m_actions; }
    BackupActions* backups() const { return m_backups; }
    MigrationActions* migrations() const { return m_migrations; }
    MigrateAction* migrate() const { return m_migrate; }

Q_SIGNALS:
    /// A status read finished (ok or not).
    void statusShown(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void onStatusRead(bool ok, const Error& error);
    void fillRecentMenu();
    void showWhereFilesAre();

    MainActions* m_actions;
    TimelinePage* m_timeline;
    ConnectionStatusBar* m_statusBar;
    BackupActions* m_backups;
    MigrationActions* m_migrations;
    MigrateAction* m_migrate;
    std::optional<ConnectionTarget> m_target;
    std::optional<DatabaseStatus> m_status;
    std::unique_ptr<JobRunner> m_statusRunner;
    StatusJob* m_statusJob = nullptr;
    bool m_closeWhenIdle = false;
    QString m_pendingNotice;
    std::optional<Error> m_pendingError;
};

} // namespace strata
