#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace strata {

/// The window's actions and menus, in one place: File, Migrations, Backup, View, Help.
class MainActions : public QObject
{
    Q_OBJECT

public:
    explicit MainActions(QMainWindow& window);

    QAction* connect = nullptr;
    QAction* openDemo = nullptr;
    QAction* close = nullptr;
    QAction* quit = nullptr;
    QAction* refresh = nullptr;
    QAction* plan = nullptr; ///< enabled while a status is shown
    QAction* migrate = nullptr;
    QAction* rollback = nullptr;
    QAction* baseline = nullptr;
    QAction* createBackup = nullptr;
    QAction* restoreFromFile = nullptr;
    QAction* showSqlPreview = nullptr;
    QAction* showMigrations = nullptr; ///< View > Migrations: the migration timeline tab
    QAction* showSchema = nullptr;     ///< View > Schema: the schema browser tab
    QAction* showStrategies = nullptr; ///< View > Strategies: the strategy lineage tab
    QAction* showConsole = nullptr;    ///< View > Console: the SQL editor tab
    QAction* about = nullptr;
    QAction* userGuide = nullptr;   ///< Help > User guide: the docs rendered in the app (F1)
    QAction* themeSystem = nullptr; ///< View > Theme > Follow the desktop
    QAction* themeLight = nullptr;  ///< View > Theme > Light
    QAction* themeDark = nullptr;   ///< View > Theme > Dark
    QAction* whereAreFiles = nullptr;

    QMenu* recentMenu = nullptr;  ///< filled by the window from RecentConnections
    QMenu* restoreMenu = nullptr; ///< filled with the backups of the open database, newest first
    QMenu* verifyMenu = nullptr;  ///< the same backups, to check again

    /// Enables what needs an open database.
    void setConnected(bool connected);
    /// Enables what the database's state allows.
    void setMigrationState(bool canRollBack, bool canBaseline);
    /// Migrate… is on when steps are pending (or blocked by problems the wizard will name) and the
    /// database is not open read-only.
    void setCanMigrate(bool canMigrate);
};

} // namespace strata
