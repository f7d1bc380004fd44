// Closing the window stops every long job, and asks first about the ones the operator waits for (issue 15,
// defect 5): an exact row count of a big table is named in the question and stops within a fraction of a
// second of the answer; a wizard step that runs long can be stopped now from the close question, and then
// rolls back, is recorded as failed, and the window closes.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
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
#include "jobs/JobRunner.h"
#include "jobs/RunSession.h"
#include "mainwindow/CloseGuard.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "schema/SchemaBrowser.h"
#include "schema/TablePage.h"
#include "wizard/ApplyPage.h"
#include "wizard/MigrateAction.h"
#include "wizard/MigrationWizard.h"
#include "wizard/RunPage.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::wizard;

namespace {

/// Rows of the big table: enough that the count is real work, few enough that the test stays quick.
constexpr int kTicks = 300000;

bool waitForSchema(MainWindow& window, int ms = 30000)
{
    QSignalSpy shown(window.schema(), &SchemaBrowser::schemaShown);
    return shown.wait(ms) && shown.first().at(0).toBool();
}

/// Opens `table` on the Schema tab and waits until its size and index advice are measured (a measure is
/// itself work the close question names; the tests here are about the count).
bool openMeasured(MainWindow& window, const QString& schema, const QString& table)
{
    window.actions()->showSchema->trigger();
    TablePage* page = window.schema()->tablePage();
    QSignalSpy measured(page, &TablePage::sizeMeasured);
    window.schema()->openTable(schema, table);
    return measured.wait(20000) && measured.first().at(0).toBool();
}

/// Starts the exact count of the open table; it runs (behind the lock another session holds) until stopped.
bool startCount(TablePage& page)
{
    page.countButton()->click();
    QTest::qWait(400); // the statement runs, waiting for the lock
    return page.isCounting();
}

/// Closes the window, answers the question with "Stop and close", and checks that the count is named, that
/// it stopped (cancelled, not finished) within 2 s of the answer, and that the window then closed.
void closeAndExpectTheCountStopped(MainWindow& window, TablePage& page, const QString& named)
{
    QSignalSpy counted(&page, &TablePage::rowsCounted);
    QString asked;
    QElapsedTimer answered;
    answerNextMessageBox(standardButton(QMessageBox::Yes), &asked, &answered);
    window.close();
    QVERIFY2(asked.contains(named), qPrintable(asked));
    QVERIFY(answered.isValid());
    QVERIFY(counted.wait(5000) || !counted.isEmpty());
    const qint64 stoppedAfter = answered.elapsed();
    qInfo("the count stopped %lld ms after the answer", stoppedAfter);
    QVERIFY2(stoppedAfter < 2000, qPrintable(QString::number(stoppedAfter)));
    QCOMPARE(counted.first().at(0).toBool(), false);
    QVERIFY2(page.exactText().contains(QStringLiteral("cancelled")), qPrintable(page.exactText()));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 3000);
    QVERIFY(CloseGuard::longJobs().isEmpty()); // nothing the operator waited for runs on without the window
}

void append(const QString& file, const QByteArray& text)
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::Append));
    f.write(text);
}

/// A statement SQLite spends minutes on (a counter to three billion): a step's long data backfill.
const QByteArray longSqliteStatement =
    "\nCREATE TABLE backfill_marker AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
    "WHERE x < 3000000000) SELECT count(*) AS n FROM c;\n";

/// Walks the wizard to the Apply page and waits until step `slot` has started.
void runUntilStep(MigrationWizard& wizard, const QString& slot)
{
    QSignalSpy started(&wizard.session(), &RunSession::stepStarted);
    for (int id : {MigrationWizard::Preflight, MigrationWizard::Backup, MigrationWizard::Plan}) {
        QVERIFY(phaseEnded(wizard, id, 60000));
        QVERIFY2(wizard.currentPage()->isComplete(), qPrintable(QString::number(id)));
        wizard.button(QWizard::CommitButton)->click();
    }
    QCOMPARE(wizard.currentId(), int(MigrationWizard::Apply));
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(started.cbegin(), started.cend(),
                    [&](const QList<QVariant>& s) { return s.at(0).toString() == slot; }),
        30000);
}

/// Closes the window while the wizard's step runs, answers "Stop this step now", and checks that the
/// question offered it, and that the window closed within 5 s of the answer.
void closeAndStopTheStepNow(MainWindow& window)
{
    QString asked;
    QElapsedTimer answered;
    answerNextMessageBox(buttonNamed(QStringLiteral("stopStepNow")), &asked, &answered);
    window.close();
    QVERIFY2(!asked.isEmpty() && !asked.startsWith(QStringLiteral("(no such answer)")), qPrintable(asked));
    QVERIFY2(asked.contains(QStringLiteral("Stop this step now")), qPrintable(asked));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 10000);
    qInfo("the window closed %lld ms after Stop this step now", answered.elapsed());
    // The step sleeps for 30 s (PostgreSQL) or counts to three billion (SQLite): stopped after it, the
    // window would stay far longer.
    QVERIFY2(answered.elapsed() < 5000, qPrintable(QString::number(answered.elapsed())));
    QVERIFY(!window.migrate()->isOpen());
}

} // namespace

class TestCloseStopsJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataCloseStopsJobsTest"));
        QDir(DemoWorkspace::folder()).removeRecursively();
        RecentConnections::clear();
    }

    void closingDuringACountOfABigSqliteTableAsksAndStopsIt()
    {
        // The demo with a big table of ticks; another connection writes to the file (an import, another
        // tool's migration) and holds its lock, so that the count waits as long as that write lasts.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        {
            auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
            QVERIFY(db.ok());
            QVERIFY((*db)
                        ->execute(QStringLiteral("CREATE TABLE ticks (id INTEGER PRIMARY KEY, price REAL)"))
                        .ok());
            QVERIFY(
                (*db)
                    ->execute(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                             "WHERE i < %1) INSERT INTO ticks SELECT i, i * 0.5 FROM n")
                                  .arg(kTicks))
                    .ok());
        }
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = RiskStateDemo::bundledSet();
        window.open(target);
        QVERIFY(waitForSchema(window));
        QVERIFY(openMeasured(window, QStringLiteral("main"), QStringLiteral("ticks")));

        auto writer = MigrationHarness::open(QStringLiteral("sqlite:") + path);
        QVERIFY(writer.ok());
        QVERIFY((*writer)->execute(QStringLiteral("BEGIN EXCLUSIVE")).ok());
        TablePage* page = window.schema()->tablePage();
        QVERIFY(startCount(*page));
        closeAndExpectTheCountStopped(window, *page, QStringLiteral("The exact row count of ticks"));
        QVERIFY((*writer)->execute(QStringLiteral("ROLLBACK")).ok());
    }

    void closingDuringACountOfABigPostgresTableAsksAndStopsIt()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        {
            auto db = MigrationHarness::open(scratch.url());
            QVERIFY(db.ok());
            QVERIFY((*db)
                        ->execute(QStringLiteral("CREATE TABLE ticks (id bigint PRIMARY KEY, price numeric)"))
                        .ok());
            QVERIFY((*db)
                        ->execute(QStringLiteral(
                                      "INSERT INTO ticks SELECT i, i * 0.5 FROM generate_series(1, %1) i")
                                      .arg(kTicks))
                        .ok());
        }
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = scratch.url();
        target.migrations = QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy");
        window.open(target);
        QVERIFY(waitForSchema(window));
        QVERIFY(openMeasured(window, QStringLiteral("public"), QStringLiteral("ticks")));

        // Another session rewrites the table (as a migration step's ALTER does) and holds its lock.
        auto writer = MigrationHarness::open(scratch.url());
        QVERIFY(writer.ok());
        QVERIFY((*writer)->execute(QStringLiteral("BEGIN")).ok());
        QVERIFY((*writer)->execute(QStringLiteral("LOCK TABLE ticks IN ACCESS EXCLUSIVE MODE")).ok());
        TablePage* page = window.schema()->tablePage();
        QVERIFY(startCount(*page));
        closeAndExpectTheCountStopped(window, *page, QStringLiteral("The exact row count of ticks"));
        QVERIFY((*writer)->execute(QStringLiteral("ROLLBACK")).ok());
    }

    void keepingTheWindowOpenLetsTheCountGoOn()
    {
        ScratchSqlite file;
        {
            auto db = MigrationHarness::open(file.url());
            QVERIFY(db.ok());
            QVERIFY((*db)
                        ->execute(QStringLiteral("CREATE TABLE ticks (id INTEGER PRIMARY KEY, price REAL)"))
                        .ok());
        }
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = RiskStateDemo::bundledSet();
        window.open(target);
        QVERIFY(waitForSchema(window));
        QVERIFY(openMeasured(window, QStringLiteral("main"), QStringLiteral("ticks")));
        auto writer = MigrationHarness::open(file.url());
        QVERIFY((*writer)->execute(QStringLiteral("BEGIN EXCLUSIVE")).ok());
        TablePage* page = window.schema()->tablePage();
        QVERIFY(startCount(*page));
        QString asked;
        answerNextMessageBox(standardButton(QMessageBox::No), &asked);
        window.close();
        QVERIFY2(asked.contains(QStringLiteral("Keep Strata open")), qPrintable(asked));
        QTest::qWait(300);
        QVERIFY(window.isVisible());
        QVERIFY(page->isCounting()); // the operator chose to let it go on
        // Once the writer is done, the count ends with the number.
        QSignalSpy counted(page, &TablePage::rowsCounted);
        QVERIFY((*writer)->execute(QStringLiteral("ROLLBACK")).ok());
        QVERIFY(counted.wait(10000));
        QCOMPARE(counted.first().at(0).toBool(), true);
        QVERIFY2(page->exactText().startsWith(QStringLiteral("Exactly 0 rows")),
                 qPrintable(page->exactText()));
    }

    void closingDuringASqliteStepOffersToStopItNow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        const QString set = copyOfTheBundledSet(dir.filePath(QStringLiteral("set")));
        append(QDir(set).filePath(QStringLiteral("002_v2/01_core.sql")), longSqliteStatement);
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

        closeAndStopTheStepNow(window);

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
        const QString set = dir.filePath(QStringLiteral("set"));
        const QString source = QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy");
        QString firstStep;
        QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString copy = QDir(set).filePath(QDir(source).relativeFilePath(file));
            QDir().mkpath(QFileInfo(copy).absolutePath());
            QVERIFY(QFile::copy(file, copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            if (copy.endsWith(QLatin1String(".postgresql.sql")) && (firstStep.isEmpty() || copy < firstStep))
                firstStep = copy;
        }
        QVERIFY(!firstStep.isEmpty());
        append(firstStep, "\nSELECT pg_sleep(30);\n");

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

QTEST_MAIN(TestCloseStopsJobs)
#include "tst_close_stops_jobs.moc"
