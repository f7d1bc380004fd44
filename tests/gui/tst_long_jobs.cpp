// Long jobs never vanish (issue 15, defect 5): closing the window during one asks and cancels it promptly,
// and the wizard can stop the step that runs, inside it, so that the step rolls back.
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QWizard>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "WizardDriver.h"
#include "common/ErrorBanner.h"
#include "connection/DemoWorkspace.h"
#include "connection/RecentConnections.h"
#include "demo/RiskStateDemo.h"
#include "jobs/JobRunner.h"
#include "jobs/RunSession.h"
#include "mainwindow/CloseGuard.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "schema/DriftPage.h"
#include "schema/SchemaBrowser.h"
#include "wizard/ApplyPage.h"
#include "wizard/MigrateAction.h"
#include "wizard/MigrationWizard.h"
#include "wizard/PlanPage.h"
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

/// Answers the next message box with `button` and keeps its text in `said` (empty when none opened within
/// `timeoutMs`: then the test sees that nothing asked).
void answerNextMessageBox(QMessageBox::StandardButton button, QString* said, int timeoutMs = 5000,
                          std::shared_ptr<QElapsedTimer> timer = {})
{
    if (!timer) {
        timer = std::make_shared<QElapsedTimer>();
        timer->start();
    }
    QTimer::singleShot(10, [button, said, timeoutMs, timer] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            if (timer->elapsed() < timeoutMs)
                answerNextMessageBox(button, said, timeoutMs, timer);
            return;
        }
        *said = box->text();
        keepScreenshots(*box, QStringLiteral("close-asks-about-running-jobs"), asOpened(*box));
        box->button(button)->click();
    });
}

} // namespace

class TestLongJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataLongJobsTest"));
        QDir(DemoWorkspace::folder()).removeRecursively();
        RecentConnections::clear();
    }

    void closingDuringADriftCheckAsksAndStopsItPromptly()
    {
        // The demo at v2; then the file of step 2.1 gains a long backfill, so that replaying it into the
        // drift check's scratch database runs for minutes.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        const QString set = copyOfTheBundledSet(dir.filePath(QStringLiteral("set")));
        {
            auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
            QVERIFY(db.ok());
            QVERIFY(MigrationHarness::migrate(**db, *MigrationHarness::load(set)).ok());
        }
        QVERIFY(appendToStep(QDir(set).filePath(QStringLiteral("002_v2/01_core.sql")), longSqliteStatement));

        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = set;
        window.open(target);
        QVERIFY(waitForStatus(window));
        auto* drift = window.schema()->findChild<DriftPage*>();
        QVERIFY(drift);
        QTRY_VERIFY_WITH_TIMEOUT(drift->checkButton()->isEnabled(), 10000);
        drift->check();
        QVERIFY(drift->isChecking());
        QTest::qWait(1500); // well into the replay of the long step

        // Closing asks, names the job, and on Yes stops it: the window goes only once it has stopped.
        QString asked;
        answerNextMessageBox(QMessageBox::Yes, &asked);
        QSignalSpy checked(drift, &DriftPage::checked);
        QElapsedTimer clock;
        clock.start();
        window.close();
        QVERIFY2(asked.contains(QStringLiteral("The drift check is still running")), qPrintable(asked));
        QTRY_VERIFY_WITH_TIMEOUT(!drift->isChecking(), 3000);
        const qint64 stoppedAfter = clock.elapsed();
        qInfo("the drift check stopped %lld ms after the window was asked to close", stoppedAfter);
        QVERIFY2(stoppedAfter < 1500, qPrintable(QString::number(stoppedAfter)));
        QCOMPARE(checked.size(), 1);
        QCOMPARE(checked.first().at(0).toBool(), false);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 2000);
        QVERIFY(CloseGuard::longJobs().isEmpty());
    }

    void closingDuringADriftCheckCanBeRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        const QString set = copyOfTheBundledSet(dir.filePath(QStringLiteral("set")));
        {
            auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
            QVERIFY(MigrationHarness::migrate(**db, *MigrationHarness::load(set)).ok());
        }
        QVERIFY(appendToStep(QDir(set).filePath(QStringLiteral("002_v2/01_core.sql")), longSqliteStatement));
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = set;
        window.open(target);
        QVERIFY(waitForStatus(window));
        auto* drift = window.schema()->findChild<DriftPage*>();
        QTRY_VERIFY_WITH_TIMEOUT(drift->checkButton()->isEnabled(), 10000);
        drift->check();
        QString asked;
        answerNextMessageBox(QMessageBox::No, &asked);
        window.close();
        QVERIFY(!asked.isEmpty());
        QTest::qWait(300);
        QVERIFY(window.isVisible());
        QVERIFY(drift->isChecking()); // the operator chose to let it go on
        drift->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!drift->isChecking(), 3000);
    }

    void theWizardStopsARunningSqliteStepAndItRollsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        const QString set = copyOfTheBundledSet(dir.filePath(QStringLiteral("set")));
        QVERIFY(appendToStep(QDir(set).filePath(QStringLiteral("002_v2/01_core.sql")), longSqliteStatement));
        QStringList schemaBefore;
        {
            auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
            schemaBefore = MigrationHarness::schemaWithoutHistory(**db);
        }

        MainWindow window;
        window.resize(1600, 1000);
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
        runUntilStep(*wizard, QStringLiteral("2.1"));
        QTest::qWait(700); // the step is inside its long statement
        QVERIFY(wizard->applyPage()->state() == RunPage::State::Running);

        QVERIFY(
            keepScreenshots(*wizard, QStringLiteral("wizard-4-apply-long-step-running"), asOpened(*wizard)));
        QElapsedTimer clock;
        clock.start();
        QPushButton* stopNow = wizard->applyPage()->stopNowButton();
        QVERIFY(stopNow->isVisible() && stopNow->isEnabled());
        QTest::mouseClick(stopNow, Qt::LeftButton);
        QVERIFY(phaseEnded(*wizard, MigrationWizard::Apply, 5000));
        qInfo("the step stopped %lld ms after Stop this step now", clock.elapsed());
        QVERIFY(clock.elapsed() < 2000);
        QVERIFY(!wizard->currentPage()->isComplete());
        const QString said = wizard->applyPage()->findChild<ErrorBanner*>(QStringLiteral("banner"))->text();
        QVERIFY2(said.contains(QStringLiteral("Stopped while it ran, as the operator asked")),
                 qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("rolled back")), qPrintable(said));
        QVERIFY(keepScreenshots(*wizard, QStringLiteral("wizard-4-apply-stopped-now"), asOpened(*wizard)));

        // Nothing of the step remains, and the history records it as failed, not applied.
        {
            auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
            QVERIFY(db.ok());
            QCOMPARE(MigrationHarness::schemaWithoutHistory(**db), schemaBefore);
            const QStringList statuses = MigrationHarness::stepStatuses(**db);
            QVERIFY2(statuses.contains(QStringLiteral("2.1=failed")), qPrintable(statuses.join(u',')));
        }
        wizard->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!window.migrate()->wizard(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.actions()->migrate->isEnabled(), 10000);
    }

    void theWizardStopsARunningPostgresStepAndItRollsBack()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        QTemporaryDir dir;
        // The strategy set with a long statement at the end of its first step, after its tables.
        const QString set =
            copyOfTheStrategySetWith(dir.filePath(QStringLiteral("set")), "\nSELECT pg_sleep(30);\n");
        QVERIFY(!set.isEmpty());

        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = scratch.url();
        target.migrations = set;
        target.backupFolder = dir.filePath(QStringLiteral("backups"));
        window.open(target);
        QVERIFY(waitForStatus(window));
        window.actions()->migrate->trigger();
        MigrationWizard* wizard = window.migrate()->wizard();
        QVERIFY(wizard);
        runUntilStep(*wizard, QStringLiteral("1.1"));
        QTest::qWait(700); // inside pg_sleep

        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(wizard->applyPage()->stopNowButton(), Qt::LeftButton);
        QVERIFY(phaseEnded(*wizard, MigrationWizard::Apply, 10000));
        qInfo("the step stopped %lld ms after Stop this step now", clock.elapsed());
        QVERIFY(clock.elapsed() < 3000);
        const QString said = wizard->applyPage()->findChild<ErrorBanner*>(QStringLiteral("banner"))->text();
        QVERIFY2(said.contains(QStringLiteral("Stopped while it ran, as the operator asked")),
                 qPrintable(said));

        auto admin = MigrationHarness::open(scratch.url());
        QVERIFY(admin.ok());
        QVERIFY2(MigrationHarness::schemaWithoutHistory(**admin).isEmpty(),
                 qPrintable(MigrationHarness::schemaWithoutHistory(**admin).join(u',')));
        const QStringList statuses = MigrationHarness::stepStatuses(**admin);
        QVERIFY2(statuses.contains(QStringLiteral("1.1=failed")), qPrintable(statuses.join(u',')));
        wizard->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!window.migrate()->wizard(), 10000);
    }
};

QTEST_MAIN(TestLongJobs)
#include "tst_long_jobs.moc"
