// The console's SQL editor with real widgets, offscreen, on both engines: a statement runs on the tab's own
// worker and its rows fill the grid, a never-ending statement is cancelled within a second, a write in a
// read-only tab is refused and said so, a write on a production database asks with the exact row count and
// commits or rolls back as answered, a syntax error moves the cursor to where the engine saw it, completion
// offers a column, the history finds a statement, and a result of 100,000 rows scrolls with the model's
// memory bounded. Saves console-editor-*.png to $STRATA_SCREENSHOT_DIR.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QClipboard>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "../gui/Contrast.h"
#include "../gui/MessageBoxAnswer.h"
#include "../gui/Screenshots.h"
#include "ConsoleTestKit.h"
#include "browse/GridScroller.h"
#include "browse/RowWindowModel.h"
#include "browse/TableBrowseModel.h"
#include "common/ErrorBanner.h"
#include "console/ConsolePage.h"
#include "console/ConsoleThread.h"
#include "console/HistoryDialog.h"
#include "console/ModeStrip.h"
#include "console/OperationsLog.h"
#include "console/QueryTab.h"
#include "console/ResultGrid.h"
#include "console/ResultModel.h"
#include "console/ResultSpool.h"
#include "console/SqlEditor.h"
#include "export/ExportDialog.h"
#include "export/GridExport.h"
#include "schema/SchemaReader.h"

using namespace strata;
using namespace strata::test;

namespace {

void engines()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

/// Runs the editor's text (or the statement under the cursor) and waits for the run to end.
bool runAndWait(QueryTab& tab, const QString& sql, bool script = false, int timeoutMs = 60000)
{
    tab.editor()->setPlainText(sql);
    QSignalSpy ended(&tab, &QueryTab::runEnded);
    if (script)
        tab.runScript();
    else
        tab.runCurrent();
    return waitUntil([&] { return !ended.isEmpty(); }, timeoutMs);
}

} // namespace

class TestConsoleEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QSettings().clear(); }
    void cleanup()
    {
        QVERIFY(waitUntil([] { return ConsoleThread::ending() == 0; }, 10000));
    }

    void runShowsRowsAndStatus_data() { engines(); }
    void runShowsRowsAndStatus()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(db.createFills(1000));
        ConsolePage page;
        page.resize(1180, 720);
        page.load(db.url());
        QCOMPARE(page.tabs()->count(), 0); // nothing before the tab is shown
        page.show();
        QCOMPARE(page.tabs()->count(), 1);
        QCOMPARE(page.tabs()->tabText(0), QStringLiteral("Query 1"));
        QueryTab* tab = page.currentTab();
        QVERIFY(!tab->writeMode());
        QVERIFY(tab->modeStrip()->text().startsWith(QStringLiteral("Read-only")));
        // What the operator reads never sends them to the command line.
        for (const QWidget* widget : page.findChildren<QWidget*>()) {
            QString said = widget->toolTip() + widget->whatsThis();
            if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
                said += button->text();
            if (const auto* label = qobject_cast<const QLabel*>(widget))
                said += label->text();
            if (const auto* editor = qobject_cast<const QPlainTextEdit*>(widget))
                said += editor->placeholderText();
            QVERIFY2(!said.contains(QStringLiteral("strata-cli")), qPrintable(said));
        }
        QVERIFY(
            runAndWait(*tab, QStringLiteral("SELECT id, symbol, filled_qty, note FROM fills ORDER BY id;")));
        QVERIFY2(tab->banner()->isHidden(), qPrintable(tab->banner()->text()));
        ResultModel* model = tab->grid()->model();
        QCOMPARE(model->rowCount(), 1000);
        QCOMPARE(model->columnCount(), 4);
        QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("filled_qty"));
        QCOMPARE(model->data(model->index(0, 1)).toString(), QStringLiteral("ES1"));
        QCOMPARE(model->data(model->index(2, 3), TableBrowseModel::IsNullRole).toBool(), true);
        QCOMPARE(model->data(model->index(999, 0)).toString(), QStringLiteral("1000"));
        QVERIFY2(tab->statusText().contains(QStringLiteral("1,000 rows returned")),
                 qPrintable(tab->statusText()));
        QVERIFY2(tab->statusText().contains(QStringLiteral(" ms")), qPrintable(tab->statusText()));

        // Copy: the selected cells as spreadsheets paste them, NULL an empty cell.
        QTableView* view = tab->grid()->view();
        view->selectionModel()->select(QItemSelection(view->model()->index(1, 1), view->model()->index(2, 3)),
                                       QItemSelectionModel::ClearAndSelect);
        tab->grid()->copyAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("ES2\t2\tfill 2\nES3\t3\t\n"));

        // Export…: every row of the statement, to CSV.
        QVERIFY(tab->grid()->exporter()->exportAction()->isEnabled());
        QTemporaryDir exports;
        ExportDialog* dialog = tab->grid()->exporter()->openDialog();
        QVERIFY(dialog);
        dialog->fileField()->setText(exports.filePath(QStringLiteral("fills.csv")));
        QSignalSpy exported(dialog, &ExportDialog::exportFinished);
        dialog->start();
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported.first().first().toBool(), qPrintable(dialog->banner()->text()));
        QFile csv(exports.filePath(QStringLiteral("fills.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1001);
        QVERIFY2(lines.first().startsWith("id,symbol,filled_qty,note"), lines.first().constData());
        QVERIFY2(QByteArray(lines.at(1)).replace('"', "") == "1,ES1,1,fill 1", lines.at(1).constData());
        QVERIFY2(QByteArray(lines.at(3)).replace('"', "") == "3,ES3,3,", lines.at(3).constData()); // NULL
        dialog->close();

        // A tab per query, each numbered; closing one closes its connection.
        QueryTab* second = page.newTab();
        QCOMPARE(page.tabs()->tabText(1), QStringLiteral("Query 2"));
        QVERIFY(runAndWait(*second, QStringLiteral("SELECT count(*) FROM fills")));
        QCOMPARE(second->grid()->model()->data(second->grid()->model()->index(0, 0)).toString(),
                 QStringLiteral("1000"));
        page.closeTab(1);
        QCOMPARE(page.tabs()->count(), 1);

        if (engine == QLatin1String("sqlite")) {
            tab->editor()->setPlainText(
                QStringLiteral("SELECT id, symbol, filled_qty, note FROM fills ORDER BY id;"));
            QVERIFY(keepScreenshots(page, QStringLiteral("console-editor")));
        }
        page.clear();
        QCOMPARE(page.tabs()->count(), 0);
        QVERIFY(waitUntil([] { return ConsoleThread::ending() == 0; }, 5000));
    }

    void cancelStopsANeverEndingStatement_data() { engines(); }
    void cancelStopsANeverEndingStatement()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        ConsolePage page;
        page.load(db.url());
        page.show();
        QueryTab* tab = page.currentTab();
        tab->editor()->setPlainText(
            db.isSqlite() ? QStringLiteral("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) "
                                           "SELECT count(*) FROM r")
                          : QStringLiteral("SELECT pg_sleep(3600)"));
        QSignalSpy ended(tab, &QueryTab::runEnded);
        tab->runCurrent();
        QVERIFY(tab->isRunning());
        QVERIFY(tab->cancelButton()->isEnabled());
        QCOMPARE(tab->editor()->runningMarkStart(), 0); // the running statement is marked
        QTest::qWait(500);                              // the statement is under way in the engine
        QVERIFY(ended.isEmpty());
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(tab->editor(), Qt::Key_Escape);
        QVERIFY2(waitUntil([&] { return !ended.isEmpty(); }, 5000), qPrintable(tab->statusText()));
        QVERIFY2(clock.elapsed() < 1000,
                 qPrintable(QStringLiteral("cancel took %1 ms").arg(clock.elapsed())));
        QCOMPARE(ended.first().first().toBool(), false);
        QVERIFY2(tab->statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(tab->statusText()));
        // The tab runs again afterwards, on the same connection.
        QVERIFY(runAndWait(*tab, QStringLiteral("SELECT 42")));
        QCOMPARE(tab->grid()->model()->data(tab->grid()->model()->index(0, 0)).toString(),
                 QStringLiteral("42"));
    }

    void readOnlyTabRefusesAWrite_data() { engines(); }
    void readOnlyTabRefusesAWrite()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(db.createFills(10));
        ConsolePage page;
        page.load(db.url());
        page.show();
        QueryTab* tab = page.currentTab();
        QVERIFY(runAndWait(*tab, QStringLiteral("UPDATE fills SET filled_qty = 0")));
        QVERIFY(!tab->banner()->isHidden());
        QVERIFY2(tab->banner()->text().contains(QStringLiteral("read-only")),
                 qPrintable(tab->banner()->text()));
        QVERIFY2(tab->statusText().startsWith(QStringLiteral("Failed")), qPrintable(tab->statusText()));
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM fills WHERE filled_qty = 0")).toLongLong(), 0);

        // Write mode is explicit and visible; then the same statement changes the table.
        tab->writeButton()->click();
        QVERIFY(tab->modeStrip()->text().startsWith(QStringLiteral("Write mode")));
        QCOMPARE(page.tabs()->tabText(0), QStringLiteral("Query 1 (write)"));
        QVERIFY(runAndWait(*tab, QStringLiteral("UPDATE fills SET filled_qty = 0 WHERE id <= 3")));
        QVERIFY2(tab->banner()->isHidden(), qPrintable(tab->banner()->text()));
        QVERIFY2(tab->statusText().contains(QStringLiteral("3 rows affected")),
                 qPrintable(tab->statusText()));
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM fills WHERE filled_qty = 0")).toLongLong(), 3);
    }

    void productionWriteAsksWithTheRowCount_data() { engines(); }
    void productionWriteAsksWithTheRowCount()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(db.createFills(5000));
        ConsolePage page;
        page.load(db.url());
        page.show();
        page.productionBox()->setChecked(true);
        QueryTab* tab = page.currentTab();
        QVERIFY(tab->modeStrip()->text().startsWith(QStringLiteral("Read-only")));
        tab->setWriteMode(true);
        QVERIFY(tab->modeStrip()->text().contains(QStringLiteral("production")));
        tab->editor()->setPlainText(QStringLiteral("UPDATE fills SET filled_qty = -1 WHERE id <= 1234;"));
        QVERIFY(keepScreenshots(page, QStringLiteral("console-production-write-mode")));
        const QString update = QStringLiteral("UPDATE fills SET filled_qty = -1 WHERE id <= 1234");

        QString said;
        answerNextMessageBox(buttonNamed(QStringLiteral("rollbackHeld")), &said, nullptr, 30000,
                             QStringLiteral("console-write-confirmation"));
        QVERIFY(runAndWait(*tab, update));
        QVERIFY2(said.contains(QStringLiteral("This UPDATE will change 1,234 rows of")), qPrintable(said));
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM fills WHERE filled_qty = -1")).toLongLong(),
                 0);
        QVERIFY2(tab->statusText().contains(QStringLiteral("Rolled back")), qPrintable(tab->statusText()));

        answerNextMessageBox(buttonNamed(QStringLiteral("commitHeld")), &said, nullptr, 30000);
        QVERIFY(runAndWait(*tab, update));
        QVERIFY2(said.contains(QStringLiteral("1,234 rows")), qPrintable(said));
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM fills WHERE filled_qty = -1")).toLongLong(),
                 1234);
        QVERIFY2(tab->statusText().contains(QStringLiteral("1,234 rows affected")),
                 qPrintable(tab->statusText()));

        // The mark is kept for the database, not the tab: a new tab and a new page know it.
        ConsolePage again;
        again.load(db.url());
        QVERIFY(again.productionBox()->isChecked());
        // A read on a production database asks nothing.
        QVERIFY(runAndWait(*tab, QStringLiteral("SELECT count(*) FROM fills")));
        QVERIFY(tab->banner()->isHidden());
    }

    void aDroppedConnectionIsSaidAndTheNextRunConnectsAgain()
    {
        ScratchEngine db(QStringLiteral("postgresql"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        ConsolePage page;
        page.load(db.url());
        page.show();
        QueryTab* tab = page.currentTab();
        QVERIFY(runAndWait(*tab, QStringLiteral("SELECT pg_backend_pid()")));
        const qint64 pid = tab->grid()->model()->data(tab->grid()->model()->index(0, 0)).toLongLong();
        QVERIFY(pid > 0);
        QVERIFY(db.run(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)));
        QVERIFY(runAndWait(*tab, QStringLiteral("SELECT 1")));
        QVERIFY(!tab->banner()->isHidden());
        QVERIFY2(tab->banner()->text().contains(QStringLiteral("lost")), qPrintable(tab->banner()->text()));
        QVERIFY(runAndWait(*tab, QStringLiteral("SELECT 2")));
        QVERIFY2(tab->banner()->isHidden(), qPrintable(tab->banner()->text()));
        QCOMPARE(tab->grid()->model()->data(tab->grid()->model()->index(0, 0)).toString(),
                 QStringLiteral("2"));
    }

    void syntaxErrorMovesTheCursor_data() { engines(); }
    void syntaxErrorMovesTheCursor()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(db.createFills(3));
        ConsolePage page;
        page.load(db.url());
        page.show();
        QueryTab* tab = page.currentTab();
        const QString script =
            QStringLiteral("SELECT 1;\n\nSELECT id, symbol\n  FROM fills WHERE id >>> 2;\n");
        QVERIFY(runAndWait(*tab, script, true));
        QVERIFY(!tab->banner()->isHidden());
        QVERIFY2(tab->statusText().startsWith(QStringLiteral("Failed")), qPrintable(tab->statusText()));
        const int at = tab->editor()->textCursor().position();
        const int bad = int(script.indexOf(QStringLiteral(">>>")));
        QCOMPARE(tab->editor()->errorMarkStart(), at); // underlined there, too
        QVERIFY2(
            at >= bad - 1 && at <= bad + 4,
            qPrintable(
                QStringLiteral("cursor at %1, error at %2: %3").arg(at).arg(bad).arg(tab->banner()->text())));
    }

    void completionOffersAColumn_data() { engines(); }
    void completionOffersAColumn()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(db.createFills(3));
        auto conn = DatabaseOpener::open(db.url());
        QVERIFY(conn);
        auto snapshot = SchemaReader(**conn).read();
        QVERIFY(snapshot);
        ConsolePage page;
        page.load(db.url());
        page.show();
        page.setSchema(*snapshot);
        QueryTab* tab = page.currentTab();
        tab->editor()->setFocus();
        QTest::keyClicks(tab->editor(), QStringLiteral("SELECT fill"));
        QCompleter* completer = tab->editor()->completer();
        QStringList offered;
        for (int i = 0; i < completer->completionModel()->rowCount(); ++i)
            offered << completer->completionModel()->index(i, 0).data().toString();
        QVERIFY2(offered.contains(QStringLiteral("filled_qty")), qPrintable(offered.join(QLatin1Char(','))));
        QVERIFY2(offered.contains(QStringLiteral("fills")), qPrintable(offered.join(QLatin1Char(','))));
        QVERIFY(completer->popup()->isVisible());
        completer->popup()->setCurrentIndex(
            completer->completionModel()->index(offered.indexOf(QStringLiteral("filled_qty")), 0));
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(tab->editor()->toPlainText(), QStringLiteral("SELECT filled_qty"));

        // After "fills." only the columns of fills, offered at once.
        QTest::keyClicks(tab->editor(), QStringLiteral(" FROM fills f WHERE fills."));
        QVERIFY(completer->popup()->isVisible());
        QStringList columns;
        for (int i = 0; i < completer->completionModel()->rowCount(); ++i)
            columns << completer->completionModel()->index(i, 0).data().toString();
        QCOMPARE(columns, (QStringList{QStringLiteral("filled_qty"), QStringLiteral("id"),
                                       QStringLiteral("note"), QStringLiteral("symbol")}));
    }

    void historyFindsAStatement_data() { engines(); }
    void historyFindsAStatement()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(db.createFills(3));
        ConsolePage page;
        page.load(db.url());
        page.show();
        QueryTab* tab = page.currentTab();
        QVERIFY(runAndWait(*tab, QStringLiteral("SELECT symbol FROM fills WHERE id = 2")));
        QVERIFY(runAndWait(*tab, QStringLiteral("SELECT count(*) FROM fills")));
        // Refused (read-only; SQLite has no roles) but kept in the history, without its password.
        QVERIFY(runAndWait(*tab, QStringLiteral("CREATE ROLE trader PASSWORD 'hunter2'")));
        tab->editor()->clear();
        page.showHistory();
        auto* dialog = page.findChild<HistoryDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->list()->count() >= 3);
        for (int i = 0; i < dialog->list()->count(); ++i)
            QVERIFY2(!dialog->list()->item(i)->text().contains(QStringLiteral("hunter2")),
                     qPrintable(dialog->list()->item(i)->text()));
        QVERIFY(dialog->list()->item(0)->text().contains(QStringLiteral("CREATE ROLE trader")));
        QTest::keyClicks(dialog->filterField(), QStringLiteral("symbol"));
        QCOMPARE(dialog->list()->count(), 1);
        QVERIFY(dialog->list()->item(0)->text().contains(QStringLiteral("WHERE id = 2")));
        QTest::keyClicks(dialog->filterField(), QStringLiteral(" nothing-like-this"));
        QCOMPARE(dialog->list()->count(), 0);
        dialog->filterField()->setText(QStringLiteral("symbol"));
        QListWidget* list = dialog->list();
        QTest::qWait(20);
        const QRect rect = list->visualItemRect(list->item(0));
        QVERIFY(!rect.isEmpty());
        QSignalSpy chosen(dialog, &HistoryDialog::chosen);
        // A double-click as the window system sends it: press, release, then the double-click's press.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(tab->editor()->toPlainText(), QStringLiteral("SELECT symbol FROM fills WHERE id = 2"));
    }

    void aWideResultKeepsTheCacheSmall_data() { engines(); }
    void aWideResultKeepsTheCacheSmall()
    {
        // 1,500 columns (PostgreSQL allows 1,664 in a select list, SQLite 2,000): blocks of fewer rows, so
        // the cache holds no more values than for a narrow result.
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QStringList columns;
        for (int c = 0; c < 1500; ++c)
            columns << QStringLiteral("i + %1 AS c%1").arg(c);
        const QString rows =
            db.isSqlite() ? QStringLiteral("(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                           "WHERE i < 3000) SELECT i FROM n) AS n")
                          : QStringLiteral("generate_series(1, 3000) AS n(i)");
        ConsolePage page;
        page.load(db.url());
        page.show();
        QueryTab* tab = page.currentTab();
        QVERIFY(runAndWait(
            *tab, QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QStringLiteral(", ")), rows)));
        QVERIFY2(tab->banner()->isHidden(), qPrintable(tab->banner()->text()));
        ResultGrid* grid = tab->grid();
        QCOMPARE(grid->model()->columnCount(), 1500);
        QCOMPARE(grid->model()->rowCount(), 3000);
        for (int row = 0; row < 3000; row += 7)
            QCOMPARE(grid->model()->data(grid->model()->index(row, 1499)).toLongLong(), row + 1 + 1499);
        const auto& spool = grid->model()->spool();
        QVERIFY(spool->blockRows() < ResultSpool::maxBlockRows);
        QVERIFY2(spool->cachedValues() <= qint64(ResultSpool::cachedBlocks) * ResultSpool::blockValues,
                 qPrintable(QString::number(spool->cachedValues())));
    }

    void theModeStripReadsInBothThemes()
    {
        ScratchSqlite scratch;
        ConsolePage page;
        page.resize(1024, 700);
        page.load(*ConnectionUrl::parse(scratch.url()));
        page.show();
        QueryTab* tab = page.currentTab();
        Theme& theme = Theme::instance();
        const Theme::Choice before = theme.choice();
        for (const Theme::Choice choice : {Theme::Choice::Light, Theme::Choice::Dark}) {
            theme.choose(choice);
            for (const auto& [write, production] : {std::pair{false, false}, {true, false}, {true, true}}) {
                page.productionBox()->setChecked(production);
                tab->setWriteMode(write);
                screenshots::settle();
                const QImage strip = tab->modeStrip()->grab().toImage();
                const Drawn drawnStrip = drawn(strip, strip.rect().adjusted(4, 4, -4, -4));
                const QString what =
                    QStringLiteral("%1 theme, write %2, production %3")
                        .arg(choice == Theme::Choice::Dark ? QStringLiteral("dark") : QStringLiteral("light"))
                        .arg(write)
                        .arg(production);
                QVERIFY2(drawnStrip.ratio >= 4.5, qPrintable(drawnStrip.describe(what)));
                QVERIFY2(choice == Theme::Choice::Dark ? isDark(drawnStrip.ground)
                                                       : !isDark(drawnStrip.ground),
                         qPrintable(drawnStrip.describe(what)));
            }
        }
        theme.choose(before);
    }

    void bigResultScrollsWithBoundedMemory_data() { engines(); }
    void bigResultScrollsWithBoundedMemory()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        ConsolePage page;
        page.resize(1024, 700);
        page.load(db.url());
        page.show();
        QueryTab* tab = page.currentTab();
        const QString sql =
            db.isSqlite()
                ? QStringLiteral(
                      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
                      "SELECT i, 'row ' || i AS label FROM n")
                : QStringLiteral("SELECT i, 'row ' || i AS label FROM generate_series(1, 100000) AS i");
        QVERIFY(runAndWait(*tab, sql));
        ResultGrid* grid = tab->grid();
        QCOMPARE(grid->model()->rowCount(), 100000);
        grid->scroller()->scrollToLastRow();
        QTest::qWait(50);
        QCOMPARE(grid->view()->model()->rowCount() <= grid->window()->windowSize(), true);
        const int top = grid->scroller()->topRow();
        QVERIFY2(top > 99000, qPrintable(QString::number(top)));
        QCOMPARE(grid->model()->data(grid->model()->index(99999, 1)).toString(),
                 QStringLiteral("row 100000"));
        for (int row = 0; row < 100000; row += 997)
            QCOMPARE(grid->model()->data(grid->model()->index(row, 0)).toLongLong(), row + 1);
        const auto& spool = grid->model()->spool();
        QVERIFY2(spool->cachedRows() <= ResultSpool::cachedBlocks * spool->blockRows(),
                 qPrintable(QString::number(spool->cachedRows())));
        QVERIFY(spool->indexBytes() <= (100000 / spool->blockRows() + 1) * 8);
        QVERIFY(spool->fileBytes() > 100000);
    }
};

QTEST_MAIN(TestConsoleEditor)
#include "tst_console_editor.moc"
