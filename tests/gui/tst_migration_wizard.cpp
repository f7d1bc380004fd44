#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "WizardDriver.h"
#include "common/ErrorBanner.h"
#include "connection/DemoWorkspace.h"
#include "connection/RecentConnections.h"
#include "demo/RiskStateDemo.h"
#include "jobs/RunSession.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "verify/DatabaseVerifier.h"
#include "wizard/ApplyPage.h"
#include "wizard/MigrateAction.h"
#include "wizard/MigrationWizard.h"
#include "wizard/PlanPage.h"
#include "wizard/RestoreOffer.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::wizard;

namespace {

bool waitForStatus(MainWindow& window)
{
    QSignalSpy shown(&window, &MainWindow::statusShown);
    return shown.wait(20000) && shown.first().at(0).toBool();
}

/// Counts the operator's clicks, the way the runbook is measured: one per press of a mouse button.
class Operator
{
public:
    void click(QWidget* widget)
    {
        QVERIFY2(widget && widget->isVisible() && widget->isEnabled(),
                 "the widget to click is not clickable");
        QTest::mouseClick(widget, Qt::LeftButton);
        ++clicks;
    }
    /// The wizard's forward button on this page: Commit on a commit page, Finish on the last one.
    void goOn(QWizard& wizard)
    {
        for (auto which : {QWizard::CommitButton, QWizard::NextButton, QWizard::FinishButton}) {
            QAbstractButton* button = wizard.button(which);
            if (button->isVisible() && button->isEnabled())
                return click(button);
        }
        QFAIL("no forward button is enabled");
    }
    int clicks = 0;
};

qint64 count(Database& db, const QString& table)
{
    auto rows = db.query(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    return rows && !rows->isEmpty() ? rows->value(0, 0).toLongLong() : -1;
}

} // namespace

class TestMigrationWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataWizardTest"));
        QDir(DemoWorkspace::folder()).removeRecursively();
        RecentConnections::clear();
    }

    void theWholeRunbookOnTheDemoInSixClicks()
    {
        MainWindow window;
        window.show();
        window.openDemo();
        QVERIFY(waitForStatus(window));

        Operator op;
        QElapsedTimer clock;
        clock.start();
        auto* toolbar = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
        QVERIFY(toolbar);
        op.click(toolbar->widgetForAction(window.actions()->migrate));
        MigrationWizard* wizard = window.migrate()->wizard();
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());

        const QList<std::pair<int, QString>> pages = {
            {MigrationWizard::Preflight, QStringLiteral("preflight")},
            {MigrationWizard::Backup, QStringLiteral("backup")},
            {MigrationWizard::Plan, QStringLiteral("plan")},
            {MigrationWizard::Apply, QStringLiteral("apply")},
            {MigrationWizard::Verification, QStringLiteral("verification")},
            {MigrationWizard::Finish, QStringLiteral("finish")}};
        for (const auto& [id, name] : pages) {
            QCOMPARE(wizard->currentId(), id);
            QVERIFY2(phaseEnded(*wizard, id), qPrintable(name));
            QVERIFY2(wizard->currentPage()->isComplete(), qPrintable(name + QStringLiteral(" did not pass")));
            QVERIFY(keepScreenshots(*wizard, QStringLiteral("wizard-%1-%2").arg(id + 1).arg(name),
                                    asOpened(*wizard)));
            if (id != MigrationWizard::Finish)
                op.goOn(*wizard);
        }
        const qint64 elapsed = clock.elapsed();
        qInfo("The runbook took %d clicks and %lld ms (Finish, which only closes the wizard, not counted)",
              op.clicks, elapsed);
        QVERIFY2(op.clicks <= 6, qPrintable(QString::number(op.clicks)));
        QVERIFY2(elapsed <= 10000, qPrintable(QString::number(elapsed)));
        QCOMPARE(wizard->session().report().outcome, QStringLiteral("succeeded"));
        QVERIFY(wizard->session().report().backup.has_value());
        QVERIFY(QFile::exists(wizard->session().report().backup->path));
        QVERIFY(QFile::exists(wizard->session().logPath()));

        // The result passes seed 004's verification, read afresh from the file.
        auto db = MigrationHarness::open(window.target()->url);
        QVERIFY(db.ok());
        auto set = MigrationHarness::load(RiskStateDemo::bundledSet());
        QVERIFY(set.ok());
        const auto checks = DatabaseVerifier::verify(**db, &*set, IntegrityMode::Full, {}, Progress(), 2);
        QVERIFY(checks.size() > 5);
        for (const auto& check : checks)
            QVERIFY2(check.ok(), qPrintable(check.name + QStringLiteral(": ") + check.detail));

        QSignalSpy refreshed(&window, &MainWindow::statusShown);
        op.goOn(*wizard); // Finish closes the wizard
        QVERIFY(refreshed.wait(20000));
        QVERIFY(!window.migrate()->isOpen());
        QVERIFY2(window.status()->summary().startsWith(QStringLiteral("v2")),
                 qPrintable(window.status()->summary()));
    }

    void aFailingStepEndsWithTheRestoreByClicking()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        const QString set = copyOfTheBundledSet(dir.filePath(QStringLiteral("set")));
        QFile indexes(QDir(set).filePath(QStringLiteral("002_v2/02_indexes.sql")));
        QVERIFY(indexes.open(QIODevice::Append));
        indexes.write("\nCREATE INDEX idx_no_such ON no_such_table(account_id);\n");
        indexes.close();
        qint64 positionsBefore = 0;
        {
            auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
            QVERIFY(db.ok());
            positionsBefore = count(**db, QStringLiteral("positions"));
            QVERIFY(positionsBefore > 0);
        }

        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = set;
        window.open(target);
        QVERIFY(waitForStatus(window));

        Operator op;
        op.click(window.findChild<QToolBar*>(QStringLiteral("mainToolBar"))
                     ->widgetForAction(window.actions()->migrate));
        MigrationWizard* wizard = window.migrate()->wizard();
        QVERIFY(wizard);
        for (int id : {MigrationWizard::Preflight, MigrationWizard::Backup, MigrationWizard::Plan}) {
            QVERIFY(phaseEnded(*wizard, id));
            QVERIFY(wizard->currentPage()->isComplete());
            op.goOn(*wizard);
        }
        QCOMPARE(wizard->currentId(), int(MigrationWizard::Apply));
        QVERIFY(phaseEnded(*wizard, MigrationWizard::Apply));
        QVERIFY(!wizard->currentPage()->isComplete());
        QVERIFY(!wizard->button(QWizard::CommitButton)->isEnabled());
        // What failed, and that the database is as it was before that step.
        const QString said = wizard->currentPage()->findChild<ErrorBanner*>(QStringLiteral("banner"))->text();
        QVERIFY2(said.contains(QStringLiteral("Step 2.2")) && said.contains(QStringLiteral("no_such_table")),
                 qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("was rolled back: nothing of it remains")), qPrintable(said));
        RestoreOffer* offer = wizard->applyPage()->restoreOffer();
        QVERIFY(offer->isVisible());
        QVERIFY2(offer->button()->text().startsWith(QStringLiteral("Restore the backup taken at ")),
                 qPrintable(offer->button()->text()));
        QVERIFY(keepScreenshots(*wizard, QStringLiteral("wizard-4-apply-failed"), asOpened(*wizard)));

        QSignalSpy restored(offer, &RestoreOffer::restored);
        op.click(offer->button());
        QVERIFY(restored.wait(30000));
        QVERIFY(restored.first().at(0).toBool());
        QCOMPARE(wizard->session().report().outcome, QStringLiteral("restored"));
        QVERIFY(QFile::exists(wizard->session().report().restoredAside));
        QVERIFY(keepScreenshots(*wizard, QStringLiteral("wizard-4-apply-restored"), asOpened(*wizard)));
        wizard->reject();
        QVERIFY(waitForStatus(window));

        // The v1 data is back: no history, no step of v2, every row.
        auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
        QVERIFY(db.ok());
        QCOMPARE(count(**db, QStringLiteral("positions")), positionsBefore);
        auto tables = (*db)->userTables();
        QVERIFY(tables.ok());
        QVERIFY(!tables->contains(QStringLiteral("schema_version")));
        auto columns =
            (*db)->query(QStringLiteral("SELECT name FROM pragma_table_info('enforcement_log') WHERE "
                                        "name = 'execution_time_ms'"));
        QVERIFY(columns.ok());
        QVERIFY(columns->isEmpty());
        QVERIFY2(window.status()->summary().startsWith(QStringLiteral("v1 (baseline)")),
                 qPrintable(window.status()->summary()));
    }

    void closingTheWindowDuringAStepAsksAndStopsBetweenSteps()
    {
        // A set whose first step takes a while, as a big table's index build does.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("slow.db"));
        QFile empty(path); // a new, empty database
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        const QString set = dir.filePath(QStringLiteral("set"));
        QDir().mkpath(set + QStringLiteral("/001_first"));
        QFile slow(set + QStringLiteral("/001_first/01_fill.sql"));
        QVERIFY(slow.open(QIODevice::WriteOnly));
        slow.write("CREATE TABLE ticks (id INTEGER PRIMARY KEY, price REAL);\n"
                   "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000)\n"
                   "INSERT INTO ticks SELECT i, i * 0.5 FROM n;\n");
        slow.close();
        QFile second(set + QStringLiteral("/001_first/02_index.sql"));
        QVERIFY(second.open(QIODevice::WriteOnly));
        second.write("CREATE INDEX idx_ticks_price ON ticks(price);\n");
        second.close();

        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = set;
        window.open(target);
        QVERIFY(waitForStatus(window));
        window.actions()->migrate->trigger();
        MigrationWizard* wizard = window.migrate()->wizard();
        QVERIFY(wizard);
        QSignalSpy stepStarted(&wizard->session(), &RunSession::stepStarted);
        for (int id : {MigrationWizard::Preflight, MigrationWizard::Backup, MigrationWizard::Plan}) {
            QVERIFY(phaseEnded(*wizard, id));
            QVERIFY(wizard->currentPage()->isComplete());
            wizard->button(QWizard::CommitButton)->click();
        }
        // Close only once step 1.1 runs: a close before it would stop the run before any step, which is
        // the withdraw path, not this one.
        QVERIFY(stepStarted.wait(10000));
        QVERIFY(wizard->session().isBusy());

        // Closing the window asks; "No" lets the migration go on.
        QTimer::singleShot(0, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->button(QMessageBox::No)->click();
        });
        window.close();
        QVERIFY(window.isVisible());
        QVERIFY(window.migrate()->isOpen());

        // "Yes" stops after the running step, and the window closes once it has.
        QTimer::singleShot(0, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        window.close();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 60000);

        // Step 1.1 is applied and recorded, step 1.2 never started: nothing is half-applied.
        auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
        QVERIFY(db.ok());
        QCOMPARE(count(**db, QStringLiteral("ticks")), 3000000);
        const QStringList statuses = MigrationHarness::stepStatuses(**db);
        QVERIFY2(statuses == QStringList{QStringLiteral("1.1=applied")},
                 qPrintable(statuses.join(QLatin1Char(','))));
        auto index =
            (*db)->query(QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'idx_ticks_price'"));
        QVERIFY(index.ok());
        QVERIFY(index->isEmpty());
    }

    void aServerThatDropsTheConnectionMidWizardLeavesTheDatabaseAsItWas()
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
        window.actions()->migrate->trigger();
        MigrationWizard* wizard = window.migrate()->wizard();
        QVERIFY(wizard);
        for (int id : {MigrationWizard::Preflight, MigrationWizard::Backup}) {
            QVERIFY(phaseEnded(*wizard, id, 60000));
            QVERIFY(wizard->currentPage()->isComplete());
            wizard->button(QWizard::CommitButton)->click();
        }
        QCOMPARE(wizard->currentId(), int(MigrationWizard::Plan));
        QVERIFY(phaseEnded(*wizard, MigrationWizard::Plan, 60000)); // the review has come back
        QVERIFY(wizard->currentPage()->isComplete());

        // The server ends the wizard's session (a restart, a failover, an administrator) before Apply.
        auto admin = MigrationHarness::open(scratch.url());
        QVERIFY(admin.ok());
        auto killed = (*admin)->query(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                                     "WHERE datname = current_database() AND pid <> "
                                                     "pg_backend_pid()"));
        QVERIFY(killed.ok());
        QVERIFY(!killed->isEmpty());
        wizard->button(QWizard::CommitButton)->click();
        QVERIFY(phaseEnded(*wizard, MigrationWizard::Apply, 60000));
        QVERIFY(!wizard->currentPage()->isComplete());
        const QString said = wizard->currentPage()->findChild<ErrorBanner*>(QStringLiteral("banner"))->text();
        QVERIFY2(said.contains(QStringLiteral("connection"), Qt::CaseInsensitive), qPrintable(said));
        qInfo("%s", qPrintable(said));
        QVERIFY(wizard->applyPage()->restoreOffer()->isVisible());

        // Nothing of the migration reached the database: no table of the set, no applied step.
        auto tables = (*admin)->userTables();
        QVERIFY(tables.ok());
        QVERIFY2(!tables->contains(QStringLiteral("strategy_registry")),
                 qPrintable(tables->join(QLatin1Char(','))));
        for (const QString& status : MigrationHarness::stepStatuses(**admin))
            QVERIFY2(!status.endsWith(QStringLiteral("=applied")), qPrintable(status));
        wizard->reject();
    }
};

QTEST_MAIN(TestMigrationWizard)
#include "tst_migration_wizard.moc"
