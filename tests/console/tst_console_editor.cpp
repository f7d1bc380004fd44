// The console's SQL editor with real widgets, offscreen, on both engines: a statement runs on the tab's own
// worker and its rows fill the grid (copied and exported as the Data tab's), a never-ending statement is
// cancelled within a second, a write in a read-only tab is refused and said so, a write on a production
// database asks with the exact row count and commits or rolls back as answered (and the operations log
// keeps both), a dropped connection is said and the next run connects again, and a syntax error moves the
// cursor to where the engine saw it. Saves console-editor-*.png and console-production-write-mode-*.png to
// $STRATA_SCREENSHOT_DIR. Completion, history, themes and big results: tst_console_results.

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
#include "explain/ExplainPanel.h"
#include "export/ExportDialog.h"
#include "export/GridExport.h"
#include "schema/SchemaReader.h"

using namespace strata;
using namespace strata::test;

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

    /// Explain Analyze runs the statement; on a production database a write asks first, as running it does.
    void productionExplainAnalyzeOfAWriteAsks_data() { engines(); }
    void productionExplainAnalyzeOfAWriteAsks()
    {
        QFETCH(QString, engine);
        ScratchEngine db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(db.createFills(100));
        ConsolePage page;
        page.load(db.url());
        page.show();
        page.productionBox()->setChecked(true);
        QueryTab* tab = page.currentTab();
        tab->editor()->setPlainText(QStringLiteral("DELETE FROM fills WHERE id <= 10"));

        QString said;
        answerNextMessageBox(standardButton(QMessageBox::Cancel), &said, nullptr, 30000);
        tab->analyzeButton()->click();
        QVERIFY2(said.contains(QStringLiteral("runs this DELETE on")), qPrintable(said));
        QVERIFY2(tab->statusText().contains(QStringLiteral("nothing was sent")),
                 qPrintable(tab->statusText()));
        QVERIFY(!tab->explainPanel() || !tab->explainPanel()->isRunning());

        answerNextMessageBox(buttonNamed(QStringLiteral("analyzeWrite")), &said, nullptr, 30000);
        tab->analyzeButton()->click();
        QVERIFY(tab->explainPanel());
        QSignalSpy explained(tab->explainPanel(), &ExplainPanel::explained);
        QVERIFY(explained.wait(30000));
        QVERIFY(explained.first().first().toBool());
        // Rolled back: every row is still there.
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM fills")).toLongLong(), 100);

        // Not production: no question.
        page.productionBox()->setChecked(false);
        said.clear();
        tab->analyzeButton()->click();
        QVERIFY(explained.wait(30000));
        QVERIFY(said.isEmpty());
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
};

QTEST_MAIN(TestConsoleEditor)
#include "tst_console_editor.moc"
