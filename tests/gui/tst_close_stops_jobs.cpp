// Closing the window stops every long job, and asks first about the ones the operator waits for (issue 15,
// defect 5): an exact row count of a big table is named in the question and stops within a fraction of a
// second of the answer, and the window then closes; keeping the window open lets the count go on. What the
// window reads for itself (a data grid's rows and count) stops without a question. The wizard's steps:
// tst_close_stops_step.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "MessageBoxAnswer.h"
#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "browse/DataGridPage.h"
#include "browse/TableBrowseModel.h"
#include "connection/DemoWorkspace.h"
#include "connection/RecentConnections.h"
#include "demo/RiskStateDemo.h"
#include "mainwindow/CloseGuard.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "schema/SchemaBrowser.h"
#include "schema/TablePage.h"

using namespace strata;
using namespace strata::test;

namespace {

/// Rows of the big table: enough that the count is real work, few enough that the test stays quick.
constexpr int kTicks = 300000;

/// The demo database with a big table of ticks, in `dir`; returns its URL (empty on failure).
QString demoWithTicks(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("state.db"));
    if (!RiskStateDemo::create(path).ok())
        return {};
    auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
    if (!db ||
        !(*db)->execute(QStringLiteral("CREATE TABLE ticks (id INTEGER PRIMARY KEY, price REAL)")).ok() ||
        !(*db)
             ->execute(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                                      "i < %1) INSERT INTO ticks SELECT i, i * 0.5 FROM n")
                           .arg(kTicks))
             .ok())
        return {};
    return QStringLiteral("sqlite:") + path;
}

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
void closeAndExpectTheCountStopped(MainWindow& window, TablePage& page, const QString& named,
                                   const QString& screenshot = {})
{
    QSignalSpy counted(&page, &TablePage::rowsCounted);
    QString asked;
    QElapsedTimer answered;
    answerNextMessageBox(standardButton(QMessageBox::Yes), &asked, &answered, 5000, screenshot);
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
        const QString url = demoWithTicks(dir);
        QVERIFY(!url.isEmpty());
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = url;
        target.migrations = RiskStateDemo::bundledSet();
        window.open(target);
        QVERIFY(waitForSchema(window));
        QVERIFY(openMeasured(window, QStringLiteral("main"), QStringLiteral("ticks")));

        auto writer = MigrationHarness::open(url);
        QVERIFY(writer.ok());
        QVERIFY((*writer)->execute(QStringLiteral("BEGIN EXCLUSIVE")).ok());
        TablePage* page = window.schema()->tablePage();
        QVERIFY(startCount(*page));
        closeAndExpectTheCountStopped(window, *page, QStringLiteral("The exact row count of ticks"),
                                      QStringLiteral("close-asks-about-the-count"));
        QVERIFY((*writer)->execute(QStringLiteral("ROLLBACK")).ok());
    }

    void closingWhileTheDataGridReadsBehindALockStopsItSilently()
    {
        // The grid reads its rows and counts them by itself when its tab opens: that is the window's own
        // reading, stopped without a question. Here it waits behind another writer's lock.
        QTemporaryDir dir;
        const QString url = demoWithTicks(dir);
        QVERIFY(!url.isEmpty());
        auto window = std::make_unique<MainWindow>();
        window->show();
        ConnectionTarget target;
        target.url = url;
        target.migrations = RiskStateDemo::bundledSet();
        window->open(target);
        QVERIFY(waitForSchema(*window));
        QVERIFY(openMeasured(*window, QStringLiteral("main"), QStringLiteral("ticks")));
        auto writer = MigrationHarness::open(url);
        QVERIFY(writer.ok());
        QVERIFY((*writer)->execute(QStringLiteral("BEGIN EXCLUSIVE")).ok());
        TablePage* page = window->schema()->tablePage();
        page->tabs()->setCurrentIndex(TablePage::DataTab);
        DataGridPage* grid = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((grid = page->findChild<DataGridPage*>()) != nullptr, 5000);
        QTest::qWait(400);
        QVERIFY(grid->model()->isScanning()); // counting, waiting for the lock

        QString asked;
        answerNextMessageBox(standardButton(QMessageBox::No), &asked, nullptr, 50);
        QElapsedTimer clock;
        clock.start();
        window->close();
        QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 3000);
        // The grid's readers end with the window: their statements are interrupted, so nothing waits for
        // the writer's lock (up to the 5 s busy timeout) when the window goes.
        window.reset();
        const qint64 goneAfter = clock.elapsed();
        qInfo("the window and the grid's readers were gone %lld ms after the close", goneAfter);
        QVERIFY2(goneAfter < 2000, qPrintable(QString::number(goneAfter)));
        QTest::qWait(100); // the answer's watch has given up
        QVERIFY2(asked.isEmpty(), qPrintable(asked));
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
};

QTEST_MAIN(TestCloseStopsJobs)
#include "tst_close_stops_jobs.moc"
