#include "mainwindow/MainActions.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QPainter>
#include <QStyle>
#include <QToolBar>

#include "theme/Theme.h"

namespace strata {

namespace {

/// The Migrate… button's icon: a play triangle in the theme's button text colour (Fusion's own is black,
/// lost on the dark theme's toolbar).
QIcon playIcon()
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QApplication::palette().color(QPalette::ButtonText));
    painter.drawPolygon(QPolygonF({QPointF(9, 5), QPointF(27, 16), QPointF(9, 27)}));
    return QIcon(pixmap);
}

} // namespace

MainActions::MainActions(QMainWindow& window) : QObject(&window)
{
    QMenuBar* bar = window.menuBar();

    QMenu* file = bar->addMenu(tr("&File"));
    connect = file->addAction(tr("&Connect…"));
    connect->setShortcut(QKeySequence::Open);
    recentMenu = file->addMenu(tr("&Recent"));
    openDemo = file->addAction(tr("Open the &demo database"));
    close = file->addAction(tr("C&lose"));
    close->setShortcut(QKeySequence::Close);
    file->addSeparator();
    quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* migrations = bar->addMenu(tr("&Migrations"));
    refresh = migrations->addAction(tr("&Status (refresh)"));
    refresh->setShortcut(QKeySequence::Refresh);
    plan = migrations->addAction(tr("&Plan…"));
    migrate = migrations->addAction(tr("&Migrate…"));
    migrate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    migrate->setToolTip(
        tr("Run the pending migrations with the phased runbook: checks, a verified backup, the "
           "steps, the verification"));
    migrations->addSeparator();
    rollback = migrations->addAction(tr("&Roll back…"));
    baseline = migrations->addAction(tr("&Baseline…"));

    QMenu* backup = bar->addMenu(tr("&Backup"));
    createBackup = backup->addAction(tr("&Create backup"));
    createBackup->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    verifyMenu = backup->addMenu(tr("&Verify backup"));
    restoreMenu = backup->addMenu(tr("&Restore"));
    restoreFromFile = backup->addAction(tr("Restore from &file…"));

    QMenu* view = bar->addMenu(tr("&View"));
    showMigrations = view->addAction(tr("&Migrations"));
    showMigrations->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    showSchema = view->addAction(tr("S&chema"));
    showSchema->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    showStrategies = view->addAction(tr("S&trategies"));
    showStrategies->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    showConsole = view->addAction(tr("C&onsole"));
    showConsole->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    auto* pages = new QActionGroup(this);
    for (QAction* page : {showMigrations, showSchema, showStrategies, showConsole}) {
        page->setCheckable(true);
        pages->addAction(page);
    }
    showMigrations->setChecked(true);
    view->addSeparator();
    showSqlPreview = view->addAction(tr("&SQL preview"));
    showSqlPreview->setCheckable(true);
    showSqlPreview->setChecked(true);
    QMenu* theme = view->addMenu(tr("&Theme"));
    themeSystem = theme->addAction(tr("Follow the &desktop"));
    themeLight = theme->addAction(tr("&Light"));
    themeDark = theme->addAction(tr("&Dark"));
    auto* themes = new QActionGroup(this);
    for (QAction* choice : {themeSystem, themeLight, themeDark}) {
        choice->setCheckable(true);
        themes->addAction(choice);
    }
    themeSystem->setChecked(true);

    QMenu* help = bar->addMenu(tr("&Help"));
    userGuide = help->addAction(tr("&User guide"));
    userGuide->setShortcut(QKeySequence::HelpContents);
    whereAreFiles = help->addAction(tr("&Where are the logs and backups?"));
    about = help->addAction(tr("&About Strata"));

    // The toolbar carries what operators do most, so the runbook starts in one click.
    QToolBar* tools = window.addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setMovable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect->setIcon(window.style()->standardIcon(QStyle::SP_DriveNetIcon));
    refresh->setIcon(window.style()->standardIcon(QStyle::SP_BrowserReload));
    migrate->setIcon(playIcon());
    QObject::connect(&Theme::instance(), &Theme::changed, this,
                     [this] { this->migrate->setIcon(playIcon()); });
    createBackup->setIcon(window.style()->standardIcon(QStyle::SP_DialogSaveButton));
    tools->addAction(connect);
    tools->addAction(refresh);
    tools->addSeparator();
    tools->addAction(migrate);
    tools->addAction(createBackup);

    setConnected(false);
}

void MainActions::setCanMigrate(bool canMigrate)
{
    migrate->setEnabled(canMigrate);
}

void MainActions::setMigrationState(bool canRollBack, bool canBaseline)
{
    rollback->setEnabled(canRollBack);
    baseline->setEnabled(canBaseline);
}

void MainActions::setConnected(bool connected)
{
    if (!connected)
        setMigrationState(false, false);
    if (!connected)
        plan->setEnabled(false);
    if (!connected)
        setCanMigrate(false);
    close->setEnabled(connected);
    refresh->setEnabled(connected);
    createBackup->setEnabled(connected);
    restoreMenu->setEnabled(connected);
    verifyMenu->setEnabled(connected);
    restoreFromFile->setEnabled(connected);
}

} // namespace strata
