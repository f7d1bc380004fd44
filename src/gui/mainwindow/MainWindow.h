#pragma once

#include <memory>
#include <optional>

#include <QMainWindow>

class QStackedWidget;
class QTabWidget;

#include "common/Error.h"
#include "connection/ConnectionTarget.h"
#include "jobs/StatusJob.h"

namespace strata {

class BackupActions;
class CloseGuard;
class ConnectionStatusBar;
class ConsolePage;
class DatabaseWatch;
class JobRunner;
class LoginPrompt;
class MainActions;
class MigrateAction;
class MigrationActions;
class SchemaBrowser;
class SessionsPage;
class StrategiesPage;
class TimelinePage;
class UserGuide;
class WelcomePage;

/// Strata's main window: the migration timeline, the schema browser and the strategy lineage of the open
/// database (one tab each), the menus, and the status bar.
/// Every database read runs on a worker (JobRunner); the window only shows results.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void open(const ConnectionTarget& target);
    void openDemo();
    /// Opens the strategy demo database (created with the demo when missing) on the Strategies tab.
    void openStrategyDemo();
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
    SchemaBrowser* schema() const { return m_schema; }
    StrategiesPage* strategies() const { return m_strategies; }
    ConsolePage* console() const { return m_console; }
    SessionsPage* sessions() const { return m_sessions; }
    QTabWidget* pages() const { return m_pages; }
    /// The first launch's page (no database opened before): what Strata is for, and its three journeys.
    void showWelcome();
    /// At start: the last database opened (File > Recent's first), or the welcome page on a first launch.
    void startFromLastDatabase();
    /// The tabs of the open database, in front of the welcome page (opening a database shows them).
    void showTabs();
    WelcomePage* welcome() const { return m_welcome; }
    /// Whether the welcome page is what the window shows.
    bool showsWelcome() const;
    /// Help > User guide (created on first use, then raised).
    void showUserGuide();
    UserGuide* userGuide() const { return m_guide; }
    /// Asks for the password when a PostgreSQL server refuses the login.
    LoginPrompt* login() const { return m_login; }
    /// Notices changes made underneath the window (file watcher on SQLite, polling on PostgreSQL).
    DatabaseWatch* watch() const { return m_watch; }

Q_SIGNALS:
    /// A status read finished (ok or not).
    void statusShown(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void onStatusRead(bool ok, const Error& error);
    /// Shows what the last job said (kept until a newer job says something), with where the database
    /// stands when the status was just read.
    void showLastOutcome(bool statusIsFresh);
    /// The database could not be opened: nothing that needs it stays enabled, and the title and the status
    /// bar say so; a refused login asks for the password.
    void showNotConnected(const Error& error);
    /// True when no console statement runs; otherwise stops them (asking first for a write) and closes the
    /// window once their connections have closed.
    bool allowsConsoleClose();
    /// A plan node's table: the Schema tab shows its index map.
    void showIndexMap(const QString& schema, const QString& table);
    void fillRecentMenu();
    /// MainWindowFront.cpp: the welcome page and its journeys, Help > User guide and About, View > Theme.
    void setUpFrontAndHelp();
    void showWhereFilesAre();
    /// Reads the schema and the strategy lineage on workers of their own, after the status (so a SQLite
    /// file sees few readers at a time).
    void readSchema();

    MainActions* m_actions;
    TimelinePage* m_timeline;
    ConnectionStatusBar* m_statusBar;
    BackupActions* m_backups;
    MigrationActions* m_migrations;
    MigrateAction* m_migrate;
    QTabWidget* m_pages;
    SchemaBrowser* m_schema;
    StrategiesPage* m_strategies;
    ConsolePage* m_console;
    SessionsPage* m_sessions;
    QStackedWidget* m_front = nullptr;
    WelcomePage* m_welcome = nullptr;
    UserGuide* m_guide = nullptr;
    DatabaseWatch* m_watch;
    CloseGuard* m_closeGuard;
    std::optional<ConnectionTarget> m_target;
    std::optional<DatabaseStatus> m_status;
    LoginPrompt* m_login = nullptr;
    std::unique_ptr<JobRunner> m_statusRunner;
    StatusJob* m_statusJob = nullptr;
    bool m_closeWhenIdle = false;
    bool m_closeWhenConsoleStops = false; ///< the console's connections are closing for the window's close
    bool m_consoleStopOverdue = false;    ///< they did not close in time: the window closes without them
    QString m_pendingNotice;
    bool m_refreshAgain = false;    ///< a refresh was asked for while a status read ran
    bool m_noticeWithState = false; ///< the pending notice ends with where the database stands now
    QString m_lastNotice;           ///< the last job's outcome, shown after every read until a newer one
    bool m_lastNoticeWithState = false;
    std::optional<Error> m_lastError;
    std::optional<Error> m_pendingError;
};

} // namespace strata
