// The Console in the main window, offscreen, on both engines: it reads nothing until its tab is shown and
// completes the names of the schema the Schema tab read; a plan node's table opens that table's index map
// on the Schema tab; closing a tab or the window stops a console read silently and asks before stopping a
// write, which the database then rolls back.

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

#include "../gui/MessageBoxAnswer.h"
#include "ConsoleTestKit.h"
#include "connection/ConnectionTarget.h"
#include "console/ConsolePage.h"
#include "console/ConsoleThread.h"
#include "console/QueryTab.h"
#include "console/SqlEditor.h"
#include "explain/ExplainPanel.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "schema/SchemaBrowser.h"
#include "schema/TablePage.h"

using namespace strata;
using namespace strata::test;

namespace {

bool openOn(MainWindow& window, const ScratchEngine& db)
{
    QSignalSpy shown(window.schema(), &SchemaBrowser::schemaShown);
    ConnectionTarget target;
    target.url = db.urlText();
    window.open(target);
    return shown.wait(30000) && shown.first().at(0).toBool();
}

QString neverEndingRead(const ScratchEngine& db)
{
    return db.isSqlite() ? QStringLiteral("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) "
                                          "SELECT count(*) FROM r")
                         : QStringLiteral("SELECT pg_sleep(3600)");
}

} // namespace

class TestConsoleWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QSettings().clear(); }
    void cleanup()
    {
        QVERIFY(waitUntil([] { return ConsoleThread::ending() == 0; }, 10000));
    }

    void readsNothingUntilShownAndCompletesTheSchema_data() { engines(); }
    void readsNothingUntilShownAndCompletesTheSchema()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(db.createFills(5));
        MainWindow window;
        window.show();
        QVERIFY(openOn(window, db));
        QCOMPARE(window.console()->tabs()->count(), 0);
        QCOMPARE(ConsoleThread::ending(), 0); // no connection of the console's
        window.actions()->showConsole->trigger();
        QCOMPARE(window.pages()->currentWidget(), window.console());
        QCOMPARE(window.console()->tabs()->count(), 1);
        QVERIFY(window.console()->currentTab()->editor()->names().contains(QStringLiteral("filled_qty")));
        QCOMPARE(ConsoleThread::ending(), 0); // still none: the first run opens it
        // A refresh of the same database keeps the tab and what is typed in it.
        window.console()->currentTab()->editor()->setPlainText(QStringLiteral("SELECT 1"));
        QSignalSpy shown(window.schema(), &SchemaBrowser::schemaShown);
        window.refresh();
        QVERIFY(shown.wait(30000));
        QCOMPARE(window.console()->tabs()->count(), 1);
        QCOMPARE(window.console()->currentTab()->editor()->toPlainText(), QStringLiteral("SELECT 1"));
    }

    void aPlanNodeOpensItsTablesIndexMap_data() { engines(); }
    void aPlanNodeOpensItsTablesIndexMap()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(db.createFills(2000));
        MainWindow window;
        window.show();
        QVERIFY(openOn(window, db));
        window.actions()->showConsole->trigger();
        QueryTab* tab = window.console()->currentTab();
        tab->editor()->setPlainText(QStringLiteral("SELECT * FROM fills WHERE symbol = 'ES1'"));
        tab->explainCurrent(false);
        ExplainPanel* panel = tab->explainPanel();
        QVERIFY(panel);
        QCOMPARE(tab->resultArea()->currentWidget(), panel);
        QSignalSpy explained(panel, &ExplainPanel::explained);
        QVERIFY(explained.wait(30000));
        QVERIFY2(explained.first().first().toBool(), qPrintable(panel->statusText()));
        if (engine == QLatin1String("postgresql"))
            QVERIFY(keepScreenshots(window, QStringLiteral("console-plan")));
        QPushButton* link = panel->indexMapButton(QStringLiteral("fills"));
        QVERIFY(link);
        link->click();
        QCOMPARE(window.pages()->currentWidget(), window.schema());
        QVERIFY(
            waitUntil([&] { return window.schema()->tablePage()->table().name == QLatin1String("fills"); }));
        QCOMPARE(window.schema()->tablePage()->tabs()->currentIndex(), int(TablePage::IndexesTab));
    }

    void closingATabWithAWriteAsks()
    {
        ScratchEngine db(QStringLiteral("sqlite"));
        QVERIFY(db.createFills(10));
        ConsolePage page;
        page.load(db.url());
        page.show();
        QueryTab* reader = page.currentTab();
        QueryTab* writer = page.newTab();
        writer->setWriteMode(true);
        writer->editor()->setPlainText(
            QStringLiteral("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM "
                           "r) INSERT INTO fills (id, symbol, filled_qty) SELECT i + "
                           "100, 'X', 1 FROM r"));
        writer->runCurrent();
        QTest::qWait(300);
        QVERIFY(writer->isRunning());
        QString said;
        answerNextMessageBox(standardButton(QMessageBox::No), &said);
        page.closeTab(1);
        QVERIFY2(said.contains(QStringLiteral("Query 2 (write) is running a statement that changes")),
                 qPrintable(said));
        QCOMPARE(page.tabs()->count(), 2);
        QVERIFY(writer->isRunning());
        answerNextMessageBox(standardButton(QMessageBox::Yes), &said);
        page.closeTab(1);
        QCOMPARE(page.tabs()->count(), 1);
        QCOMPARE(page.currentTab(), reader);
        QVERIFY(waitUntil([] { return ConsoleThread::ending() == 0; }, 5000));
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM fills")).toLongLong(), 10);
        // A read-only tab closes without a question.
        page.closeTab(0);
        QCOMPARE(page.tabs()->count(), 0);
    }

    void closingStopsAReadSilently_data() { engines(); }
    void closingStopsAReadSilently()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        auto window = std::make_unique<MainWindow>();
        window->show();
        QVERIFY(openOn(*window, db));
        window->actions()->showConsole->trigger();
        QueryTab* tab = window->console()->currentTab();
        tab->editor()->setPlainText(neverEndingRead(db));
        tab->runCurrent();
        QTest::qWait(400);
        QVERIFY(tab->isRunning());
        QElapsedTimer clock;
        clock.start();
        window->close(); // no question: a read is stopped as the window's own reads are
        QVERIFY(waitUntil([&] { return !window->isVisible(); }, 5000));
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(ConsoleThread::ending(), 0);
    }

    void closingAsksBeforeStoppingAWrite_data() { engines(); }
    void closingAsksBeforeStoppingAWrite()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(db.createFills(10));
        auto window = std::make_unique<MainWindow>();
        window->show();
        QVERIFY(openOn(*window, db));
        window->actions()->showConsole->trigger();
        QueryTab* tab = window->console()->currentTab();
        tab->setWriteMode(true);
        tab->editor()->setPlainText(
            db.isSqlite()
                ? QStringLiteral("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) "
                                 "INSERT INTO fills (id, symbol, filled_qty) SELECT i + 100, 'X', 1 FROM r")
                : QStringLiteral("UPDATE fills SET filled_qty = 777 WHERE pg_sleep(3600) IS NOT NULL"));
        tab->runCurrent();
        QTest::qWait(400);
        QVERIFY(tab->isRunning());

        QString said;
        answerNextMessageBox(standardButton(QMessageBox::No), &said);
        window->close();
        QVERIFY2(said.contains(QStringLiteral("changing the database")), qPrintable(said));
        QTest::qWait(200);
        QVERIFY(window->isVisible());
        QVERIFY(tab->isRunning());

        answerNextMessageBox(standardButton(QMessageBox::Yes), &said);
        window->close();
        QVERIFY(waitUntil([&] { return !window->isVisible(); }, 5000));
        QCOMPARE(ConsoleThread::ending(), 0);
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM fills")).toLongLong(), 10);
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM fills WHERE filled_qty = 777")).toLongLong(),
                 0);
    }
};

QTEST_MAIN(TestConsoleWindow)
#include "tst_console_window.moc"
