// Closing the window while the migration wizard runs a long step offers to stop the step now (issue 15,
// defect 5), as the Apply page's "Stop this step now" does: the step is interrupted and rolls back, the
// history records it as failed, and the window closes, instead of waiting for the step to end.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWizard>
#include <QtTest>

#include "MessageBoxAnswer.h"
#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "WizardDriver.h"
#include "connection/DemoWorkspace.h"
#include "connection/RecentConnections.h"
#include "demo/RiskStateDemo.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "wizard/ApplyPage.h"
#include "wizard/MigrateAction.h"
#include "wizard/MigrationWizard.h"
#include "wizard/RunPage.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::wizard;

namespace {

/// Closes the window (or, with `wizardOnly`, the wizard by its Cancel button) while the wizard's step runs,
/// answers "Stop this step now", and checks that the question offered it and that the window (or the
/// wizard) closed within 5 s of the answer: the step sleeps for 30 s (PostgreSQL) or counts to three
/// billion (SQLite), so stopped after it, it would stay open far longer.
void closeAndStopTheStepNow(MainWindow& window, bool wizardOnly = false)
{
    QString asked;
    QElapsedTimer answered;
    answerNextMessageBox(buttonNamed(QStringLiteral("stopStepNow")), &asked, &answered, 5000,
                         wizardOnly ? QString() : QStringLiteral("close-offers-to-stop-the-step-now"));
    if (wizardOnly)
        window.migrate()->wizard()->button(QWizard::CancelButton)->click();
    else
        window.close();
    QVERIFY2(!asked.isEmpty() && !asked.startsWith(QStringLiteral("(no such answer)")), qPrintable(asked));
    QVERIFY2(asked.contains(QStringLiteral("Stop this step now")), qPrintable(asked));
    if (wizardOnly)
        QTRY_VERIFY_WITH_TIMEOUT(!window.migrate()->isOpen(), 10000);
    else
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 10000);
    qInfo("closed %lld ms after Stop this step now", answered.elapsed());
    QVERIFY2(answered.elapsed() < 5000, qPrintable(QString::number(answered.elapsed())));
    QVERIFY(!window.migrate()->isOpen());
    QCOMPARE(window.isVisible(), wizardOnly); // closing the wizard leaves the window open
}

} // namespace

class TestCloseStopsStep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataCloseStopsStepTest"));
        QDir(DemoWorkspace::folder()).removeRecursively();
        RecentConnections::clear();
    }

    void closingDuringASqliteStepOffersToStopItNow_data()
    {
        QTest::addColumn<bool>("wizardOnly");
        QTest::newRow("the window") << false;
        QTest::newRow("the wizard") << true;
    }

    void closingDuringASqliteStepOffersToStopItNow()
    {
        QFETCH(bool, wizardOnly);
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
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = set;
        target.backupFolder = dir.filePath(QStringLiteral("backups"));
        window.open(target);
        QSignalSpy shown(&window, &MainWindow::statusShown);
        QVERIFY(shown.wait(20000));
        window.actions()->migrate->trigger();
        MigrationWizard* wizard = window.migrate()->wizard();
        QVERIFY(wizard);
        runUntilStep(*wizard, QStringLiteral("2.1"));
        QTest::qWait(700); // the step is inside its long statement
        QVERIFY(wizard->applyPage()->state() == RunPage::State::Running);

        closeAndStopTheStepNow(window, wizardOnly);

        // Nothing of the step remains, and the history records it as failed, not applied.
        auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
        QVERIFY(db.ok());
        QCOMPARE(MigrationHarness::schemaWithoutHistory(**db), schemaBefore);
        const QStringList statuses = MigrationHarness::stepStatuses(**db);
        QVERIFY2(statuses.contains(QStringLiteral("2.1=failed")), qPrintable(statuses.join(u',')));
        QVERIFY2(!statuses.contains(QStringLiteral("2.1=applied")), qPrintable(statuses.join(u',')));
    }

    void closingDuringAPostgresStepOffersToStopItNow()
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
        QSignalSpy shown(&window, &MainWindow::statusShown);
        QVERIFY(shown.wait(20000));
        window.actions()->migrate->trigger();
        MigrationWizard* wizard = window.migrate()->wizard();
        QVERIFY(wizard);
        runUntilStep(*wizard, QStringLiteral("1.1"));
        QTest::qWait(700); // inside pg_sleep

        closeAndStopTheStepNow(window);

        auto admin = MigrationHarness::open(scratch.url());
        QVERIFY(admin.ok());
        QVERIFY2(MigrationHarness::schemaWithoutHistory(**admin).isEmpty(),
                 qPrintable(MigrationHarness::schemaWithoutHistory(**admin).join(u',')));
        const QStringList statuses = MigrationHarness::stepStatuses(**admin);
        QVERIFY2(statuses.contains(QStringLiteral("1.1=failed")), qPrintable(statuses.join(u',')));
    }
};

QTEST_MAIN(TestCloseStopsStep)
#include "tst_close_stops_step.moc"
