// The window tells the truth and stays current (issue 15, defect 4): the lock, the version and the
// problems are read again after every job, wizard and restore, and when the database changes underneath.
#include <limits>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QWizard>
#include <QtTest>

#include <sys/prctl.h>
#include <sys/stat.h>

#include "CliProcess.h"
#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "WizardDriver.h"
#include "backup/BackupActions.h"
#include "backup/BackupCatalog.h"
#include "common/ErrorBanner.h"
#include "connection/DemoWorkspace.h"
#include "connection/RecentConnections.h"
#include "demo/RiskStateDemo.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteRunLock.h"
#include "jobs/RunSession.h"
#include "mainwindow/ConnectionStatusBar.h"
#include "mainwindow/DatabaseWatch.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "migrations/TimelinePage.h"
#include "schema/DriftPage.h"
#include "schema/SchemaBrowser.h"
#include "wizard/ApplyPage.h"
#include "wizard/MigrateAction.h"
#include "wizard/MigrationWizard.h"
#include "wizard/PlanPage.h"
#include "wizard/RestoreOffer.h"
#include "wizard/RunPage.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::wizard;

namespace {

bool waitForStatus(MainWindow& window, int timeoutMs = 20000)
{
    QSignalSpy shown(&window, &MainWindow::statusShown);
    return shown.wait(timeoutMs) && shown.first().at(0).toBool();
}

/// Clicks `button` in the next message box that opens (they are modal: the click has to be queued first).
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            answerNextMessageBox(button);
            return;
        }
        box->button(button)->click();
    });
}

QString bannerText(MainWindow& window)
{
    auto* banner = window.timeline()->findChild<ErrorBanner*>(QStringLiteral("banner"));
    return banner && !banner->isHidden() ? banner->text() : QString();
}

const QString ourPid = QString::number(QCoreApplication::applicationPid());

/// Whether this process holds SQLite's exclusive lock on `path` in the kernel: a POSIX write lock over the
/// whole shared-lock range of the file (bytes 1073741826 to 1073742335), as /proc/locks lists it.
bool exclusivelyLockedHere(const QString& path)
{
    struct stat info = {};
    QFile locks(QStringLiteral("/proc/locks"));
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || !locks.open(QIODevice::ReadOnly))
        return false;
    const QString inode = QStringLiteral(":%1").arg(quint64(info.st_ino));
    constexpr qint64 sharedFirst = 1073741826;
    constexpr qint64 sharedLast = sharedFirst + 510 - 1;
    for (const QByteArray& line : locks.readAll().split('\n')) {
        const QStringList fields = QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        // "1: POSIX  ADVISORY  WRITE 4242 fe:00:1234 1073741824 1073742335"
        if (fields.size() < 8 || fields.at(1) != QLatin1String("POSIX") ||
            fields.at(3) != QLatin1String("WRITE") || fields.at(4) != ourPid || !fields.at(5).endsWith(inode))
            continue;
        const qint64 first = fields.at(6).toLongLong();
        const qint64 last = fields.at(7) == QLatin1String("EOF") ? std::numeric_limits<qint64>::max()
                                                                 : fields.at(7).toLongLong();
        if (first <= sharedFirst && last >= sharedLast)
            return true;
    }
    return false;
}

/// Whether this process has `path` open: a SQLite connection (or a descriptor SQLite keeps for one) that is
/// still there. strata-cli refuses to migrate a file another process has open.
bool openHere(const QString& path)
{
    const QString file = QFileInfo(path).canonicalFilePath();
    QDirIterator fds(QStringLiteral("/proc/self/fd"), QDir::Files | QDir::System);
    while (fds.hasNext())
        if (QFileInfo(fds.next()).symLinkTarget() == file)
            return true;
    return false;
}

} // namespace

class TestWindowState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The window under test is Strata's window, and the processes that share a database see it as the
        // app's own process named strata (SqliteFileHolders leaves Strata's readers out: strata-cli migrate
        // does not refuse because a Strata window reads the status). Under the test binary's own name a
        // window that happened to be reading when strata-cli checked for other programs made it refuse.
        prctl(PR_SET_NAME, "strata-gui-test");
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataWindowStateTest"));
        QDir(DemoWorkspace::folder()).removeRecursively();
        RecentConnections::clear();
    }

    void theLockIsShownHeldWhileTheWizardRunsAndFreeWhenItEnds()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        // A set whose indexes step fails: the run stops with steps still pending, so Migrate… has work.
        const QString set = copyOfTheBundledSet(dir.filePath(QStringLiteral("set")));
        QFile indexes(QDir(set).filePath(QStringLiteral("002_v2/02_indexes.sql")));
        QVERIFY(indexes.open(QIODevice::Append));
        indexes.write("\nCREATE INDEX idx_no_such ON no_such_table(account_id);\n");
        indexes.close();

        MainWindow window;
        window.resize(1024, 700);
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = set;
        target.backupFolder = dir.filePath(QStringLiteral("backups"));
        window.open(target);
        QVERIFY(waitForStatus(window));
        QCOMPARE(window.statusView()->lockText(), QStringLiteral("Lock: free"));
        QVERIFY(window.actions()->migrate->isEnabled());

        window.actions()->migrate->trigger();
        MigrationWizard* wizard = window.migrate()->wizard();
        QVERIFY(wizard);
        QVERIFY(phaseEnded(*wizard, MigrationWizard::Preflight));
        // The wizard's run holds the lock from its first page: the window says so without a refresh.
        QTRY_VERIFY2_WITH_TIMEOUT(
            window.statusView()->lockText().contains(QStringLiteral("pid %1").arg(ourPid)),
            qPrintable(window.statusView()->lockText()), 10000);
        QVERIFY(keepScreenshots(window, QStringLiteral("window-lock-held-by-wizard")));

        for (int id : {MigrationWizard::Preflight, MigrationWizard::Backup, MigrationWizard::Plan}) {
            QVERIFY(phaseEnded(*wizard, id));
            QVERIFY(wizard->currentPage()->isComplete());
            wizard->button(QWizard::CommitButton)->click();
        }
        QVERIFY(phaseEnded(*wizard, MigrationWizard::Apply));
        QVERIFY(!wizard->currentPage()->isComplete());
        wizard->reject(); // Close, without restoring

        // Once the wizard is gone its lock is released: the window shows it free and Migrate… on again.
        QTRY_VERIFY_WITH_TIMEOUT(!window.migrate()->isOpen() && !window.migrate()->wizard(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window.statusView()->lockText(), QStringLiteral("Lock: free"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.actions()->migrate->isEnabled(), 10000);
        // And the run's end is said in the window, with where the database stands now.
        QTRY_VERIFY_WITH_TIMEOUT(bannerText(window).contains(QStringLiteral("The migration stopped")), 10000);
        QVERIFY2(bannerText(window).contains(QStringLiteral("Restore to go back to v1")),
                 qPrintable(bannerText(window)));
        QVERIFY2(bannerText(window).contains(QStringLiteral("Now: ")), qPrintable(bannerText(window)));
        QVERIFY(keepScreenshots(window, QStringLiteral("window-after-wizard-stopped")));
    }

    void aRestoreInTheWizardIsSaidInTheWindowAfterIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        const QString set = copyOfTheBundledSet(dir.filePath(QStringLiteral("set")));
        QFile indexes(QDir(set).filePath(QStringLiteral("002_v2/02_indexes.sql")));
        QVERIFY(indexes.open(QIODevice::Append));
        indexes.write("\nCREATE INDEX idx_no_such ON no_such_table(account_id);\n");
        indexes.close();
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = set;
        target.backupFolder = dir.filePath(QStringLiteral("backups"));
        window.open(target);
        QVERIFY(waitForStatus(window));
        window.actions()->migrate->trigger();
        MigrationWizard* wizard = window.migrate()->wizard();
        QVERIFY(wizard);
        for (int id : {MigrationWizard::Preflight, MigrationWizard::Backup, MigrationWizard::Plan}) {
            QVERIFY(phaseEnded(*wizard, id));
            wizard->button(QWizard::CommitButton)->click();
        }
        QVERIFY(phaseEnded(*wizard, MigrationWizard::Apply));
        QVERIFY(!wizard->currentPage()->isComplete());
        const QString backup = wizard->session().report().backup->path;
        QSignalSpy restored(wizard->applyPage()->restoreOffer(), &RestoreOffer::restored);
        QTest::mouseClick(wizard->applyPage()->restoreOffer()->button(), Qt::LeftButton);
        QVERIFY(restored.wait(30000));
        QVERIFY(restored.first().at(0).toBool());
        wizard->reject();

        // The window says what the wizard restored, from which backup, and where the database stands now.
        QTRY_VERIFY_WITH_TIMEOUT(bannerText(window).contains(QStringLiteral("was restored")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(bannerText(window).contains(QStringLiteral("Now: v1")), 10000);
        QVERIFY2(bannerText(window).contains(backup), qPrintable(bannerText(window)));
        QTRY_COMPARE_WITH_TIMEOUT(window.statusView()->lockText(), QStringLiteral("Lock: free"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.timeline()->summary().startsWith(QStringLiteral("v1")), 10000);
    }

    void aClosedWizardLeavesNeitherTheLockNorTheFileOpen()
    {
        // The wizard's run lives on a worker with its connection and the run lock; closing the wizard while
        // that worker works ends the run there. Its lock and its connection must go with it, every time:
        // a run lock left behind shows the window held by a wizard that is gone and keeps every later
        // Migrate… and restore waiting, and the open file makes strata-cli refuse to migrate.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        auto url = ConnectionUrl::parse(QStringLiteral("sqlite:") + path);
        QVERIFY(url.ok());
        const QString lockPath = SqliteRunLock::lockPathFor(path);
        PhasedRun::Settings settings;
        settings.backupFolder = dir.filePath(QStringLiteral("backups"));
        for (int round = 0; round < 10; ++round) {
            auto session = std::make_unique<RunSession>(*url, RiskStateDemo::bundledSet(), settings);
            QSignalSpy planned(session.get(), &RunSession::planned);
            session->prepare();
            QVERIFY(planned.wait(20000));
            QVERIFY2(planned.first().at(0).toBool(), qPrintable(planned.first().at(1).value<Error>().what));
            QVERIFY(SqliteRunLock::holderOf(lockPath).contains(QStringLiteral("pid %1 ").arg(ourPid)));
            session->preflight(); // the worker is busy when the wizard closes
            session.reset();
            QVERIFY2(SqliteRunLock::holderOf(lockPath).isEmpty(),
                     qPrintable(QStringLiteral("round %1: the run lock is still held by %2")
                                    .arg(round)
                                    .arg(SqliteRunLock::holderOf(lockPath))));
            QVERIFY2(!openHere(path),
                     qPrintable(QStringLiteral("round %1: %2 is still open").arg(round).arg(path)));
        }
    }

    void theWindowOpeningTheFileLeavesARestoresLockInPlace()
    {
        // A restore writes the live file holding SQLite's exclusive lock (a POSIX lock of this process) while
        // the window opens connections to read the status. Closing any other descriptor of the file drops
        // every POSIX lock the process holds on it: another program (strata-cli, the daemon) could then read
        // the half-written file or write into it. The window's connections must leave the lock in place.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        auto restore = SqliteDatabase::open(path, false);
        QVERIFY(restore.ok());
        QVERIFY((*restore)->execute(QStringLiteral("BEGIN EXCLUSIVE")).ok());
        QVERIFY(exclusivelyLockedHere(path));
        for (int reader = 0; reader < 3; ++reader) {
            auto window = SqliteDatabase::open(path, true);
            QVERIFY(window.ok());
            QVERIFY2(exclusivelyLockedHere(path), "the window's connection took the restore's lock away");
        }
        QVERIFY2(exclusivelyLockedHere(path), "the window's closed connection took the restore's lock away");
        QVERIFY((*restore)->execute(QStringLiteral("ROLLBACK")).ok());
    }

    void anExternalMigrateIsNoticedOnSqlite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = RiskStateDemo::bundledSet();
        target.backupFolder = dir.filePath(QStringLiteral("backups"));
        window.open(target);
        QVERIFY(waitForStatus(window));
        QVERIFY(window.timeline()->summary().startsWith(QStringLiteral("v1")));
        QVERIFY(window.watch()->watchedPaths().contains(QFileInfo(path).absoluteFilePath()));

        // A deploy script migrates the database with the real strata-cli while the window is open.
        auto run = CliProcess::run({QStringLiteral("--db"), target.url, QStringLiteral("--migrations"),
                                    target.migrations, QStringLiteral("migrate"), QStringLiteral("--yes"),
                                    QStringLiteral("--no-backup")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QTRY_VERIFY2_WITH_TIMEOUT(window.timeline()->summary().startsWith(QStringLiteral("v2")),
                                  qPrintable(window.timeline()->summary()), 10000);
        QVERIFY(window.statusView()->versionText().contains(QStringLiteral("v2")));
        QVERIFY(!window.actions()->migrate->isEnabled());
    }

    void anOldDriftErrorDoesNotOutliveTheStateItWasAbout()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = RiskStateDemo::bundledSet();
        window.open(target);
        QVERIFY(waitForStatus(window));
        // The untracked demo: the drift check fails and says why.
        auto* drift = window.schema()->findChild<DriftPage*>();
        QVERIFY(drift);
        QTRY_VERIFY_WITH_TIMEOUT(drift->checkButton()->isEnabled(), 10000);
        QSignalSpy checked(drift, &DriftPage::checked);
        drift->check();
        QVERIFY(checked.wait(30000));
        QCOMPARE(checked.first().at(0).toBool(), false);
        QVERIFY(!drift->banner()->isHidden());

        // The database is migrated underneath: the error was about a state that is gone, and goes too.
        auto run = CliProcess::run({QStringLiteral("--db"), target.url, QStringLiteral("--migrations"),
                                    target.migrations, QStringLiteral("migrate"), QStringLiteral("--yes"),
                                    QStringLiteral("--no-backup")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QTRY_VERIFY_WITH_TIMEOUT(window.timeline()->summary().startsWith(QStringLiteral("v2")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(drift->banner()->isHidden(), 10000);
        QVERIFY2(drift->summary().contains(QStringLiteral("check again")), qPrintable(drift->summary()));
        QVERIFY(drift->checkButton()->isEnabled());
    }

    void anExternalRunHoldingTheLockIsNoticedOnSqlite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = RiskStateDemo::bundledSet();
        window.open(target);
        QVERIFY(waitForStatus(window));
        QCOMPARE(window.statusView()->lockText(), QStringLiteral("Lock: free"));

        // Another run takes the migration lock (its own connection, as strata-cli's would be).
        auto other = MigrationHarness::open(target.url);
        QVERIFY(other.ok());
        auto lock = (*other)->acquireRunLock(std::chrono::milliseconds(1000), {});
        QVERIFY(lock.ok());
        QTRY_VERIFY2_WITH_TIMEOUT(window.statusView()->lockText().startsWith(QStringLiteral("Lock: held by")),
                                  qPrintable(window.statusView()->lockText()), 10000);
        lock->reset();
        QTRY_COMPARE_WITH_TIMEOUT(window.statusView()->lockText(), QStringLiteral("Lock: free"), 10000);
    }

    void anExternalMigrateIsNoticedOnPostgres()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = scratch.url();
        target.migrations = QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy");
        QTemporaryDir backups;
        target.backupFolder = backups.path();
        window.open(target);
        QVERIFY(waitForStatus(window));
        const QString before = window.timeline()->summary();
        QVERIFY2(before.contains(QStringLiteral("pending")), qPrintable(before));
        QVERIFY(window.actions()->migrate->isEnabled());
        window.watch()->setPollInterval(500); // the default polls every few seconds; a test has less time

        auto run = CliProcess::run({QStringLiteral("--db"), target.url, QStringLiteral("--migrations"),
                                    target.migrations, QStringLiteral("migrate"), QStringLiteral("--yes"),
                                    QStringLiteral("--no-backup")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QTRY_VERIFY2_WITH_TIMEOUT(window.timeline()->summary().contains(QStringLiteral("up to date")),
                                  qPrintable(window.timeline()->summary()), 15000);
        QVERIFY(!window.actions()->migrate->isEnabled());
    }

    void aRestoreEndsWithAMessageThatSaysWhatAndFromWhichBackup()
    {
        MainWindow window;
        window.resize(1024, 700);
        window.show();
        window.openDemo();
        QVERIFY(waitForStatus(window));
        QSignalSpy backedUp(window.backups(), &BackupActions::done);
        window.actions()->createBackup->trigger();
        QVERIFY(backedUp.wait(30000));
        QVERIFY(waitForStatus(window)); // every job ends with the state read again
        auto backups = BackupCatalog(window.backups()->folder()).list();
        QVERIFY(backups.ok());
        QCOMPARE(backups->size(), 1);
        const BackupRecord backup = backups->first();

        // Migrate behind the window's back: the file watcher brings the window to v2.
        {
            auto db = MigrationHarness::open(window.target()->url);
            QVERIFY(
                MigrationHarness::migrate(**db, *MigrationHarness::load(RiskStateDemo::bundledSet())).ok());
        }
        QTRY_VERIFY_WITH_TIMEOUT(window.timeline()->summary().startsWith(QStringLiteral("v2")), 10000);

        window.backups()->refreshRestoreMenu();
        answerNextMessageBox(QMessageBox::Yes);
        window.actions()->restoreMenu->actions().first()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.timeline()->summary().startsWith(QStringLiteral("v1")), 30000);
        // The message stays after the window read the database again: what was restored, from which
        // backup, and the version now.
        QTRY_VERIFY_WITH_TIMEOUT(bannerText(window).startsWith(QStringLiteral("Restored")), 10000);
        QTest::qWait(500); // a later refresh must not wipe it
        const QString said = bannerText(window);
        QVERIFY2(said.contains(backup.path), qPrintable(said));
        // The demo was not tracked when the backup was taken: no "v0".
        QCOMPARE(backup.schemaVersion, 0);
        QVERIFY2(said.contains(QStringLiteral("a schema Strata did not track yet")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("Now: v1")), qPrintable(said));
        QVERIFY(keepScreenshots(window, QStringLiteral("window-restored-message")));
    }
};

QTEST_MAIN(TestWindowState)
#include "tst_window_state.moc"
