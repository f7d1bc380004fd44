#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "SetBuilder.h"
#include "backup/BackupActions.h"
#include "backup/BackupCatalog.h"
#include "common/ErrorBanner.h"
#include "connection/ConnectionDialog.h"
#include "connection/DemoWorkspace.h"
#include "connection/RecentConnections.h"
#include "demo/RiskStateDemo.h"
#include "mainwindow/ConnectionStatusBar.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "migrations/MigrationActions.h"
#include "migrations/TimelinePage.h"
#include "migrations/TimelineTree.h"

using namespace strata;
using namespace strata::test;

namespace {

/// Clicks `button` in the next message box that opens (they are modal: the click has to be queued first).
/// With `screenshot` and STRATA_SCREENSHOT_DIR set (scripts/screenshots.sh), the box is saved there first.
void answerNextMessageBox(QMessageBox::StandardButton button, const QString& screenshot = {})
{
    QTimer::singleShot(0, [button, screenshot] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            answerNextMessageBox(button, screenshot);
            return;
        }
        if (!screenshot.isEmpty())
            keepScreenshots(*box, screenshot, asOpened(*box)); // a picture not written is warned about
        box->button(button)->click();
    });
}

bool waitForStatus(MainWindow& window)
{
    QSignalSpy shown(&window, &MainWindow::statusShown);
    return shown.wait(20000) && shown.first().at(0).toBool();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataTest"));
        QDir(DemoWorkspace::folder()).removeRecursively();
        RecentConnections::clear();
    }

    void firstLaunchShowsTheDemoAtAGlance()
    {
        MainWindow window;
        window.show();
        window.openDemo();
        QVERIFY(waitForStatus(window));
        QCOMPARE(window.timeline()->summary(),
                 QStringLiteral("v1 (baseline), v2 pending: 3 steps in 3 phases"));
        QCOMPARE(window.statusView()->versionText(), QStringLiteral("Schema v1 (baseline, untracked)"));
        QCOMPARE(window.statusView()->lockText(), QStringLiteral("Lock: free"));
        QVERIFY(window.timeline()->problems().isEmpty());
        TimelineTree* tree = window.timeline()->tree();
        QVERIFY(tree->stepItem(QStringLiteral("2.1")));
        QCOMPARE(tree->stepItem(QStringLiteral("2.1"))->text(TimelineTree::State), QStringLiteral("pending"));
        QVERIFY(tree->stepItem(QStringLiteral("2.3"))
                    ->text(TimelineTree::State)
                    .startsWith(QStringLiteral("optional, off")));
        tree->setCurrentItem(tree->stepItem(QStringLiteral("2.2")));
        QVERIFY(window.timeline()->previewedSql().contains(
            QStringLiteral("CREATE INDEX IF NOT EXISTS idx_positions_updated")));
        QCOMPARE(RecentConnections::list().first().label, QStringLiteral("Demo risk-state database"));
    }

    void backupFromTheMenuAndRestoreFromTheList()
    {
        MainWindow window;
        window.show();
        window.openDemo();
        QVERIFY(waitForStatus(window));
        QSignalSpy done(window.backups(), &BackupActions::done);
        window.actions()->createBackup->trigger();
        QVERIFY(done.wait(30000));
        QVERIFY(done.first().at(0).toString().contains(QStringLiteral("verified")));
        const QString folder = window.backups()->folder();
        QCOMPARE(BackupCatalog(folder).list()->size(), 1);

        // Migrate the demo behind the window's back, then refresh: the timeline shows v2.
        auto db = MigrationHarness::open(window.target()->url);
        QVERIFY(MigrationHarness::migrate(**db, *MigrationHarness::load(RiskStateDemo::bundledSet())).ok());
        db->reset();
        window.actions()->refresh->trigger();
        QVERIFY(waitForStatus(window));
        QVERIFY(window.timeline()->summary().startsWith(QStringLiteral("v2")));

        // Backup > Restore > the newest backup: confirm, and the window shows the restored v1 again.
        window.backups()->refreshRestoreMenu();
        const auto entries = window.actions()->restoreMenu->actions();
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first()->text().contains(QStringLiteral("verified")));
        answerNextMessageBox(QMessageBox::Yes, QStringLiteral("restore-dialog"));
        QSignalSpy changed(window.backups(), &BackupActions::databaseChanged);
        entries.first()->trigger();
        QVERIFY(changed.wait(30000));
        QVERIFY(waitForStatus(window));
        QCOMPARE(window.timeline()->summary(),
                 QStringLiteral("v1 (baseline), v2 pending: 3 steps in 3 phases"));
        const QStringList aside =
            QDir(DemoWorkspace::folder()).entryList({QStringLiteral("state.db.failed_*")});
        QCOMPARE(aside.size(), 1);
    }

    void verifyFromTheBackupMenuCatchesADamagedBackup()
    {
        MainWindow window;
        window.show();
        window.openDemo();
        QVERIFY(waitForStatus(window));
        QSignalSpy done(window.backups(), &BackupActions::done);
        QSignalSpy failed(window.backups(), &BackupActions::failed);
        window.actions()->createBackup->trigger();
        QVERIFY(done.wait(30000));

        // Backup > Verify backup > the newest: every check passes.
        window.backups()->refreshRestoreMenu();
        auto entries = window.actions()->verifyMenu->actions();
        QVERIFY(!entries.isEmpty());
        done.clear();
        entries.first()->trigger();
        QVERIFY2(done.wait(30000),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().at(0).value<Error>().toText()));
        const QString said = done.first().at(0).toString();
        QVERIFY2(said.contains(QStringLiteral("integrity_check passed")) &&
                     said.contains(QStringLiteral("sha256 passed")),
                 qPrintable(said));

        // The same backup, damaged on disk: the verification says so and that nothing was changed.
        const QString path = BackupCatalog(window.backups()->folder()).list()->first().path;
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(file.size() / 2));
        QVERIFY(file.write(QByteArray(4096, '\x5a')) == 4096);
        file.close();
        window.backups()->refreshRestoreMenu();
        window.actions()->verifyMenu->actions().first()->trigger();
        QVERIFY(failed.wait(30000));
        const auto error = failed.first().at(0).value<Error>();
        QVERIFY2(error.what.contains(QStringLiteral("fails its checks")), qPrintable(error.what));
        QVERIFY(error.unchanged.contains(QStringLiteral("Nothing was changed")));
        QVERIFY(QFile::exists(path)); // nothing is lost: the damaged file stays for inspection
    }

    void aDamagedBackupIsRefusedAndTheWindowSaysWhy()
    {
        MainWindow window;
        window.show();
        window.openDemo();
        QVERIFY(waitForStatus(window));
        QSignalSpy done(window.backups(), &BackupActions::done);
        QSignalSpy failed(window.backups(), &BackupActions::failed);
        window.actions()->createBackup->trigger();
        QVERIFY(done.wait(30000));
        const QString path = BackupCatalog(window.backups()->folder()).list()->first().path;
        QVERIFY(QFile::exists(path + QStringLiteral(".manifest.json")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(file.size() / 2));
        char byte = 0;
        QVERIFY(file.getChar(&byte));
        QVERIFY(file.seek(file.size() / 2));
        QVERIFY(file.putChar(static_cast<char>(byte ^ 0x01)));
        file.close();
        const QStringList before = QDir(DemoWorkspace::folder()).entryList(QDir::Files);

        window.backups()->refreshRestoreMenu();
        answerNextMessageBox(QMessageBox::Yes);
        window.actions()->restoreMenu->actions().first()->trigger();
        QVERIFY(failed.wait(30000));
        const auto error = failed.first().at(0).value<Error>();
        QCOMPARE(error.code, ExitCode::Refused);
        QVERIFY2(error.what.contains(QStringLiteral("sha256")), qPrintable(error.what));
        QVERIFY2(error.unchanged.contains(QStringLiteral("Nothing was changed")),
                 qPrintable(error.unchanged));
        bool shown = false;
        for (const ErrorBanner* banner : window.findChildren<ErrorBanner*>())
            shown = shown || (banner->isVisible() && banner->text().contains(QStringLiteral("sha256")));
        QVERIFY2(shown, "the refusal is shown in the window's banner");
        QCOMPARE(QDir(DemoWorkspace::folder()).entryList(QDir::Files), before);
    }

    void restoreAsksFirstAndCancelChangesNothing()
    {
        MainWindow window;
        window.show();
        window.openDemo();
        QVERIFY(waitForStatus(window));
        window.backups()->refreshRestoreMenu();
        const auto entries = window.actions()->restoreMenu->actions();
        QVERIFY(!entries.isEmpty());
        const QStringList before = QDir(DemoWorkspace::folder()).entryList(QDir::Files);
        answerNextMessageBox(QMessageBox::Cancel);
        entries.first()->trigger();
        QTest::qWait(200);
        QVERIFY(!window.backups()->isBusy());
        QCOMPARE(QDir(DemoWorkspace::folder()).entryList(QDir::Files), before);
    }

    void baselineThenRollBackFromTheMigrationsMenu()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = bundledSet(QStringLiteral("risk_state"));
        MainWindow window;
        window.show();
        window.open(target);
        QVERIFY(waitForStatus(window));
        QVERIFY(window.actions()->baseline->isEnabled());
        QVERIFY(!window.actions()->rollback->isEnabled());

        // Baseline: asks first, runs no SQL, and the timeline shows the database tracked at v1.
        answerNextMessageBox(QMessageBox::Yes);
        window.actions()->baseline->trigger();
        QVERIFY(waitForStatus(window));
        QCOMPARE(window.timeline()->summary(), QStringLiteral("v1, v2 pending: 3 steps in 3 phases"));
        QCOMPARE(window.statusView()->versionText(), QStringLiteral("Schema v1"));
        QVERIFY(!window.actions()->baseline->isEnabled());

        auto db = MigrationHarness::open(target.url);
        QVERIFY(MigrationHarness::migrate(**db, *MigrationHarness::load(target.migrations)).ok());
        window.refresh();
        QVERIFY(waitForStatus(window));
        QVERIFY(window.actions()->rollback->isEnabled());
        QCOMPARE(window.migrations()->rollbackTargets(), (QList<qint64>{1, 0}));
        const QString question = window.migrations()->rollbackQuestion(1);
        QVERIFY2(question.contains(QStringLiteral("002_v2/02_indexes.down.sql")), qPrintable(question));
        QVERIFY(question.indexOf(QStringLiteral("2.2")) <
                question.indexOf(QStringLiteral("2.1"))); // newest first

        // Cancel changes nothing; Yes rolls back to v1.
        answerNextMessageBox(QMessageBox::Cancel);
        window.migrations()->rollbackTo(1);
        QVERIFY(!window.migrations()->isBusy());
        QCOMPARE(MigrationHarness::stepStatuses(**db).last(), QStringLiteral("2.2=applied"));
        answerNextMessageBox(QMessageBox::Yes);
        window.migrations()->rollbackTo(1);
        QVERIFY(waitForStatus(window));
        QCOMPARE(window.timeline()->summary(), QStringLiteral("v1, v2 pending: 3 steps in 3 phases"));
        QVERIFY(!(*db)
                     ->query(QStringLiteral(
                         "SELECT name FROM sqlite_master WHERE name = 'idx_positions_updated'"))
                     ->rows.size());
        QVERIFY(MigrationHarness::stepStatuses(**db).contains(QStringLiteral("2.2=rolled_back")));
    }

    void aFileThatIsNotADatabaseSaysSoAndWhatToCheck()
    {
        QTemporaryDir dir;
        QFile notes(dir.filePath(QStringLiteral("notes.db")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write(QByteArray(8192, 'n'));
        notes.close();
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + notes.fileName();
        target.migrations = RiskStateDemo::bundledSet();
        QSignalSpy shown(&window, &MainWindow::statusShown);
        window.open(target);
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.first().at(0).toBool(), false);
        QVERIFY(window.findChild<QWidget*>(QStringLiteral("banner"))->isVisible());
        bool mentioned = false;
        for (auto* label : window.findChildren<QLabel*>())
            mentioned = mentioned || label->text().contains(QStringLiteral("is not a SQLite database"));
        QVERIFY(mentioned);
        QCOMPARE(window.statusView()->connectionText(), QStringLiteral("Not connected to ") + target.url);
        QVERIFY2(window.windowTitle().endsWith(QStringLiteral("(not connected) — Strata")),
                 qPrintable(window.windowTitle()));
        QVERIFY(!window.actions()->createBackup->isEnabled());
    }

    void connectionDialogTestsSqliteOnAWorker()
    {
        ScratchSqlite file;
        ConnectionDialog dialog;
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = bundledSet(QStringLiteral("risk_state"));
        dialog.setTarget(target);
        QSignalSpy tested(&dialog, &ConnectionDialog::testFinished);
        dialog.testConnection();
        QVERIFY(tested.wait(10000));
        QCOMPARE(tested.first().at(0).toBool(), true);
        QVERIFY2(dialog.testResult().startsWith(QStringLiteral("Connected: SQLite")),
                 qPrintable(dialog.testResult()));
        QCOMPARE(dialog.target().url, file.url());
    }

    void connectionDialogTestsPostgresAndKeepsNoPassword()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        ConnectionDialog dialog;
        ConnectionTarget target;
        target.url = scratch.url();
        target.migrations = bundledSet(QStringLiteral("strategy"));
        dialog.setTarget(target);
        QSignalSpy tested(&dialog, &ConnectionDialog::testFinished);
        dialog.testConnection();
        QVERIFY(tested.wait(10000));
        QVERIFY2(tested.first().at(0).toBool(), qPrintable(dialog.testResult()));
        QVERIFY(dialog.testResult().contains(QStringLiteral("PostgreSQL 15")));

        // A wrong password: said plainly, and the window was never blocked (the test ran on a worker).
        const QByteArray password = qgetenv("PGPASSWORD");
        qputenv("PGPASSWORD", "not-the-password");
        dialog.testConnection();
        QVERIFY(tested.wait(10000));
        qputenv("PGPASSWORD", password);
        QCOMPARE(tested.last().at(0).toBool(), false);
        QVERIFY2(dialog.testResult().contains(QStringLiteral("password")), qPrintable(dialog.testResult()));

        // Open it: the profile is remembered, and no settings file on disk holds the password.
        MainWindow window;
        window.open(dialog.target());
        QVERIFY(waitForStatus(window));
        QSettings().sync();
        QVERIFY(RecentConnections::list().first().url.contains(scratch.name()));
        const QString configRoot = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QDirIterator it(configRoot, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(password), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files > 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
