#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>

#include "backup/BackupActions.h"
#include "connection/ConnectionDialog.h"
#include "connection/DemoWorkspace.h"
#include "connection/LoginPrompt.h"
#include "connection/RecentConnections.h"
#include "connection/ServerPasswords.h"
#include "console/ConsolePage.h"
#include "jobs/JobRunner.h"
#include "mainwindow/CloseGuard.h"
#include "mainwindow/ConnectionStatusBar.h"
#include "mainwindow/DatabaseWatch.h"
#include "mainwindow/MainActions.h"
#include "migrations/MigrationActions.h"
#include "migrations/ProblemActions.h"
#include "migrations/TimelinePage.h"
#include "schema/SchemaBrowser.h"
#include "schema/TablePage.h"
#include "sessions/SessionsPage.h"
#include "strategy/StrategiesPage.h"
#include "strategy/StrategyDemo.h"
#include "wizard/MigrateAction.h"

namespace strata {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_actions(new MainActions(*this)), m_timeline(new TimelinePage(this)),
      m_statusBar(new ConnectionStatusBar(this)),
      m_backups(new BackupActions(*this, *m_actions->restoreMenu, *m_actions->verifyMenu)),
      m_migrations(new MigrationActions(*this)), m_migrate(new MigrateAction(*this)),
      m_pages(new QTabWidget(this)), m_schema(new SchemaBrowser(m_pages)),
      m_strategies(new StrategiesPage(m_pages)), m_console(new ConsolePage(m_pages)),
      m_sessions(new SessionsPage(m_pages)), m_watch(new DatabaseWatch(this)),
      m_closeGuard(new CloseGuard(*this))
{
    setWindowTitle(tr("Strata"));
    // A refused login asks for the password, then reads again; Refresh (or opening) may ask again after a
    // Cancel, a poll never does.
    m_login = new LoginPrompt(*this);
    connect(m_login, &LoginPrompt::passwordGiven, this, &MainWindow::refresh);
    connect(m_actions->refresh, &QAction::triggered, m_login, &LoginPrompt::allowAsking);
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_timeline, tr("Migrations"));
    m_pages->addTab(m_schema, tr("Schema"));
    m_pages->addTab(m_strategies, tr("Strategies"));
    m_pages->addTab(m_console, tr("Console"));
    m_pages->addTab(m_sessions, tr("Sessions"));
    setUpFrontAndHelp(); // the welcome page in front of the tabs, Help and View > Theme
    setStatusBar(m_statusBar);
    resize(1180, 720);

    connect(m_actions->connect, &QAction::triggered, this, &MainWindow::showConnectDialog);
    connect(m_actions->openDemo, &QAction::triggered, this, &MainWindow::openDemo);
    connect(m_actions->close, &QAction::triggered, this, &MainWindow::closeDatabase);
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->refresh, &QAction::triggered, this, &MainWindow::refresh);
    // A step the index advice wrote into the set is a pending version: the timeline shows it at once.
    connect(m_schema, &SchemaBrowser::migrationStepWritten, this, &MainWindow::refresh);
    connect(m_actions->createBackup, &QAction::triggered, m_backups, &BackupActions::createBackup);
    connect(m_actions->restoreFromFile, &QAction::triggered, m_backups, &BackupActions::restoreFromFile);
    connect(m_actions->showSqlPreview, &QAction::toggled, this, [this](bool on) {
        if (auto* preview = m_timeline->findChild<QPlainTextEdit*>(QStringLiteral("sqlPreview")))
            preview->setVisible(on);
    });
    connect(m_actions->showMigrations, &QAction::triggered, this,
            [this] { m_pages->setCurrentWidget(m_timeline); });
    connect(m_actions->showSchema, &QAction::triggered, this,
            [this] { m_pages->setCurrentWidget(m_schema); });
    connect(m_actions->showStrategies, &QAction::triggered, this,
            [this] { m_pages->setCurrentWidget(m_strategies); });
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        const QList<QAction*> shows{m_actions->showMigrations, m_actions->showSchema,
                                    m_actions->showStrategies, m_actions->showConsole};
        if (page >= 0 && page < shows.size())
            shows.at(page)->setChecked(true);
    });
    connect(m_strategies, &StrategiesPage::openDemoRequested, this, &MainWindow::openStrategyDemo);
    connect(m_actions->showConsole, &QAction::triggered, this,
            [this] { m_pages->setCurrentWidget(m_console); });
    // The console completes the names of the schema the Schema tab read: one read of the catalog, not two.
    connect(m_schema, &SchemaBrowser::schemaShown, this, [this](bool ok) {
        if (ok && m_schema->snapshot())
            m_console->setSchema(*m_schema->snapshot());
    });
    connect(m_console, &ConsolePage::tableRequested, this, &MainWindow::showIndexMap);
    connect(m_console, &ConsolePage::stopped, this, [this] {
        if (m_closeWhenConsoleStops)
            QTimer::singleShot(0, this, &QWidget::close);
    });
    connect(m_actions->whereAreFiles, &QAction::triggered, this, &MainWindow::showWhereFilesAre);
    connect(m_actions->recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    connect(m_backups, &BackupActions::done, this, [this](const QString& message) {
        m_timeline->showNotice(message);
        m_statusBar->showMessage(message, 10000);
        m_pendingNotice = message; // stays on top of the refresh that follows the job
    });
    connect(m_backups, &BackupActions::failed, this, [this](const Error& error) {
        m_timeline->showError(error);
        m_pendingError = error;
    });
    connect(m_actions->migrate, &QAction::triggered, m_migrate, &MigrateAction::start);
    connect(m_migrate, &MigrateAction::databaseChanged, this, &MainWindow::refresh);
    connect(m_migrate, &MigrateAction::failed, m_timeline, &TimelinePage::showError);
    connect(m_migrate, &MigrateAction::done, this, [this](const QString& message) {
        m_statusBar->showMessage(message, 10000);
        m_pendingNotice = message;
        m_noticeWithState = true;
    });
    // The window's one source of truth is the status read: it is read again when the database changes
    // underneath (another run, a deploy script), and after every job, wizard and restore.
    connect(m_watch, &DatabaseWatch::changed, this, &MainWindow::refresh);
    connect(m_closeGuard, &CloseGuard::stopping, m_statusBar,
            [this](const QString& message) { m_statusBar->showMessage(message); });
    connect(m_migrate, &MigrateAction::closed, this, [this] {
        if (m_closeWhenIdle)
            QTimer::singleShot(0, this, &QWidget::close);
    });
    connect(m_actions->rollback, &QAction::triggered, m_migrations, &MigrationActions::rollback);
    connect(m_actions->baseline, &QAction::triggered, m_migrations, &MigrationActions::baseline);
    connect(m_actions->plan, &QAction::triggered, m_migrations, &MigrationActions::showPlan);
    connect(this, &MainWindow::statusShown, m_actions->plan, &QAction::setEnabled);
    connect(m_timeline, &TimelinePage::problemActionRequested, m_migrations->problems(),
            &ProblemActions::handle);
    connect(m_timeline, &TimelinePage::acknowledgeRunRequested, m_migrations,
            &MigrationActions::acknowledgeRun);
    connect(m_migrations, &MigrationActions::done, this, [this](const QString& message) {
        m_statusBar->showMessage(message, 10000);
        m_pendingNotice = message;
    });
    connect(m_migrations, &MigrationActions::failed, this,
            [this](const Error& error) { m_pendingError = error; });
    connect(m_migrations, &MigrationActions::databaseChanged, this, &MainWindow::refresh);
    connect(m_backups, &BackupActions::databaseChanged, this, [this] {
        m_noticeWithState = true; // a restore says where the database stands now
        refresh();
    });
    connect(m_migrations, &MigrationActions::idle, this, [this] {
        if (m_closeWhenIdle)
            close();
        else
            refresh(); // a cancelled or failed job may have changed the lock or the history too
    });
    connect(m_backups, &BackupActions::idle, this, [this] {
        if (m_closeWhenIdle)
            close();
        else
            refresh();
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::open(const ConnectionTarget& target)
{
    m_target = target;
    m_status.reset();
    showTabs();
    m_login->allowAsking();
    RecentConnections::remember(target);
    setWindowTitle(tr("%1 — Strata").arg(target.displayName()));
    m_actions->setConnected(true);
    m_backups->setTarget(target);
    m_migrate->setTarget(target, m_backups->folder());
    m_lastNotice.clear(); // what a job said of the last database is not said of this one
    m_lastError.reset();
    if (auto url = target.connectionUrl())
        m_watch->setTarget(*url);
    else
        m_watch->setTarget(std::nullopt);
    refresh();
}

void MainWindow::openDemo()
{
    auto demo = DemoWorkspace::ensure();
    if (!demo) {
        m_timeline->showError(demo.error());
        return;
    }
    open(*demo);
}

void MainWindow::openStrategyDemo()
{
    if (!QFileInfo::exists(DemoWorkspace::strategiesPath())) {
        // Generated on a thread of its own; the window stays live meanwhile.
        m_statusBar->showMessage(tr("Creating the demo strategy database…"));
        DemoWorkspace::ensureStrategiesInBackground(this, [this](const Status& created) {
            m_statusBar->clearMessage();
            if (!created)
                m_strategies->showError(created.error());
            else if (QFileInfo::exists(DemoWorkspace::strategiesPath()))
                openStrategyDemo();
        });
        return;
    }
    ConnectionTarget target;
    target.url = QStringLiteral("sqlite:") + DemoWorkspace::strategiesPath();
    target.migrations = StrategyDemo::bundledSet();
    target.backupFolder = QDir(DemoWorkspace::folder()).filePath(QStringLiteral("backups"));
    target.label = tr("Demo strategy database");
    open(target);
    m_pages->setCurrentWidget(m_strategies);
}

void MainWindow::refresh()
{
    if (!m_target)
        return;
    if (m_statusRunner && m_statusRunner->isRunning()) {
        // One read at a time: the one that runs may have started before the change; read again after it.
        m_refreshAgain = true;
        return;
    }
    auto url = m_target->connectionUrl();
    if (!url) {
        onStatusRead(false, url.error());
        return;
    }
    if (!m_status) // a re-read keeps the lock and the version on show until the new ones arrive
        m_statusBar->showConnecting(url->display());
    m_timeline->showLoading(tr("Reading %1…").arg(m_target->displayName()));
    showLastOutcome(false);
    auto job = std::make_unique<StatusJob>(m_target->migrations, QStringList());
    m_statusJob = job.get();
    m_statusRunner = std::make_unique<JobRunner>(*url, std::move(job));
    connect(m_statusRunner.get(), &JobRunner::finished, this, &MainWindow::onStatusRead);
    m_statusRunner->start();
}

void MainWindow::onStatusRead(bool ok, const Error& error)
{
    if (m_refreshAgain) {
        m_refreshAgain = false;
        QTimer::singleShot(0, this, &MainWindow::refresh);
        return;
    }
    if (m_statusJob)
        m_watch->settle(m_statusJob->fingerprint()); // the state this read shows, for the watch to compare
    if (!ok && !(m_statusRunner && m_statusRunner->connected() && m_target && m_target->connectionUrl())) {
        showNotConnected(error);
        return;
    }
    readSchema();
    if (!ok || !m_statusJob || !m_statusJob->status()) {
        // The database is open (what needs only it, a backup, stays on); its status could not be read.
        m_actions->setConnected(true);
        setWindowTitle(tr("%1 — Strata").arg(m_target->displayName()));
        m_status.reset();
        m_migrations->setContext(m_target, std::nullopt);
        m_actions->setMigrationState(false, false);
        m_actions->setCanMigrate(false);
        m_timeline->clear();
        m_timeline->showError(error);
        m_statusBar->showDisconnected();
        Q_EMIT statusShown(false);
        return;
    }
    m_status = *m_statusJob->status();
    m_actions->setConnected(true);
    setWindowTitle(tr("%1 — Strata").arg(m_target->displayName()));
    m_timeline->showStatus(*m_status);
    m_statusBar->showStatus(*m_status);
    m_migrations->setContext(m_target, m_status);
    m_actions->setMigrationState(m_migrations->canRollBack(), m_migrations->canBaseline());
    m_actions->setCanMigrate(!m_target->readOnly && (!m_status->plan.isEmpty() || m_status->plan.blocked()));
    // What the last action said stays on top of the refreshed timeline.
    showLastOutcome(true);
    Q_EMIT statusShown(true);
}

void MainWindow::showNotConnected(const Error& error)
{
    m_status.reset();
    m_migrations->setContext(m_target, std::nullopt);
    m_actions->setConnected(false);
    m_actions->refresh->setEnabled(true); // tries again
    m_actions->close->setEnabled(true);
    m_schema->clear();
    m_strategies->clear();
    m_console->clear();
    m_sessions->clear();
    m_timeline->clear();
    const auto url = m_target->connectionUrl();
    m_timeline->showError(url && ServerPasswords::wantsPassword(error) ? LoginPrompt::explain(*url, error)
                                                                       : error);
    m_statusBar->showNotConnected(url ? url->display() : m_target->displayName());
    setWindowTitle(tr("%1 (not connected) — Strata").arg(m_target->displayName()));
    if (ServerPasswords::wantsPassword(error))
        m_login->recover(*m_target, error);
    Q_EMIT statusShown(false);
}

void MainWindow::showLastOutcome(bool statusIsFresh)
{
    // The last job's outcome stays until a newer one, whatever refreshes in between (the file watcher reads
    // again after every write); a notice that says where the database stands says it as of a fresh read.
    if (m_pendingError || !m_pendingNotice.isEmpty()) {
        m_lastError = m_pendingError;
        m_lastNotice = m_pendingNotice;
        m_lastNoticeWithState = m_noticeWithState;
        m_pendingError.reset();
        m_pendingNotice.clear();
        m_noticeWithState = false;
    }
    if (m_lastError)
        m_timeline->showError(*m_lastError);
    else if (!m_lastNotice.isEmpty())
        m_timeline->showNotice(m_lastNoticeWithState && statusIsFresh && m_status
                                   ? m_lastNotice + tr(" Now: %1.").arg(m_status->summary())
                                   : m_lastNotice);
}

void MainWindow::readSchema()
{
    // Read even when the status failed: a broken migration set does not hide the database's schema.
    if (auto url = m_target ? m_target->connectionUrl() : Result<ConnectionUrl>(Error{})) {
        m_schema->load(*url, m_target->migrations);
        m_strategies->load(*url);
        m_console->load(*url);
        m_sessions->load(*url);
    } else {
        m_schema->clear();
        m_strategies->clear();
        m_console->clear();
        m_sessions->clear();
    }
}

void MainWindow::closeDatabase()
{
    m_target.reset();
    m_status.reset();
    m_watch->setTarget(std::nullopt);
    m_backups->setTarget(std::nullopt);
    m_migrate->setTarget(std::nullopt, QString());
    m_migrations->setContext(std::nullopt, std::nullopt);
    m_timeline->clear();
    m_schema->clear();
    m_strategies->clear();
    m_console->clear();
    m_sessions->clear();
    m_statusBar->showDisconnected();
    m_actions->setConnected(false);
    setWindowTitle(tr("Strata"));
}

void MainWindow::showConnectDialog()
{
    ConnectionDialog dialog(this);
    if (m_target)
        dialog.setTarget(*m_target);
    if (dialog.exec() == QDialog::Accepted)
        open(dialog.target());
}

void MainWindow::fillRecentMenu()
{
    m_actions->recentMenu->clear();
    const auto recent = RecentConnections::list();
    if (recent.isEmpty())
        m_actions->recentMenu->addAction(tr("No recent connections"))->setEnabled(false);
    for (const auto& target : recent) {
        QAction* action = m_actions->recentMenu->addAction(target.displayName());
        action->setToolTip(target.url);
        connect(action, &QAction::triggered, this, [this, target] { open(target); });
    }
}

void MainWindow::showWhereFilesAre()
{
    QMessageBox::information(
        this, tr("Where Strata keeps its files"),
        tr("Backups of this database and the run logs beside them:\n  %1\n\n"
           "The demo database:\n  %2\n\nSettings (recent connections; never passwords):\n  %3")
            .arg(m_backups->folder().isEmpty() ? tr("(no database open)") : m_backups->folder(),
                 DemoWorkspace::folder(), QSettings().fileName()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_migrate->isOpen()) {
        // The wizard decides: it asks when a phase runs, and stops between steps.
        event->ignore();
        m_closeWhenIdle = true;
        m_migrate->requestClose();
        if (m_migrate->isOpen() && !m_migrate->isClosing())
            m_closeWhenIdle = false; // the operator chose to let the migration go on
        return;
    }
    if (!allowsConsoleClose()) {
        event->ignore();
        return;
    }
    if (!m_backups->isBusy() && !m_migrations->isBusy()) {
        // Every job on a worker is stopped before the window goes; a drift check or an exact count asks
        // first.
        if (m_closeGuard->allowsClose())
            event->accept();
        else
            event->ignore();
        return;
    }
    event->ignore();
    if (m_closeWhenIdle)
        return;
    if (QMessageBox::question(
            this, tr("A job is running"),
            tr("A backup or restore is running. Stop it at its next safe point and close Strata? "
               "Nothing is left half-done: a stopped backup is discarded, a stopped restore leaves "
               "the database as it was.")) == QMessageBox::Yes) {
        m_closeWhenIdle = true;
        m_backups->cancelRunning();
        m_migrations->cancelRunning();
    }
}

bool MainWindow::allowsConsoleClose()
{
    // A console read is stopped silently, as the window's own reads are: interrupting a SELECT leaves
    // nothing half-done. A statement that may change the database (write mode) asks first: stopping it rolls
    // it back, and the operator may rather let it finish.
    m_closeWhenConsoleStops = false;
    if (!m_console->isBusy() || m_consoleStopOverdue)
        return true;
    if (m_console->isWriting()) {
        QMessageBox box(
            QMessageBox::Question, tr("A statement is running"),
            tr("A statement in the Console is changing the database. Stop it and close Strata?\n\n"
               "Stopping interrupts it: the database rolls it back and keeps what it had before "
               "it. Keep Strata open to let it finish."),
            QMessageBox::Yes | QMessageBox::No, this);
        box.button(QMessageBox::Yes)->setText(tr("Stop and close"));
        box.button(QMessageBox::No)->setText(tr("Keep Strata open"));
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes)
            return false;
    }
    m_closeWhenConsoleStops = true;
    m_statusBar->showMessage(tr("Stopping the Console's statements before Strata closes…"));
    m_console->stopAll();
    // A connection that does not close within seconds (a server that stopped answering) does not keep the
    // window open: the process ends, and the server rolls back what the connection had not committed.
    QTimer::singleShot(5000, this, [this] {
        if (!m_closeWhenConsoleStops)
            return;
        m_consoleStopOverdue = true;
        close();
    });
    return false;
}

void MainWindow::showIndexMap(const QString& schema, const QString& table)
{
    // A plan node names its table (SQLite's plans name no schema): the Schema tab opens that table's
    // Indexes tab, where its index map is.
    QString inSchema = schema;
    if (inSchema.isEmpty() && m_schema->snapshot())
        if (const TableInfo* info = m_schema->snapshot()->table(table))
            inSchema = info->schema;
    m_pages->setCurrentWidget(m_schema);
    m_schema->views()->setCurrentIndex(SchemaBrowser::TablesView);
    m_schema->openTable(inSchema, table);
    m_schema->tablePage()->tabs()->setCurrentIndex(TablePage::IndexesTab);
}

} // namespace strata
