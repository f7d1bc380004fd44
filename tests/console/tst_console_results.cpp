// The console's tools around its results, offscreen, on both engines: completion offers the schema's
// columns, the history finds a statement (without its password) and puts it back in the editor, the
// write-mode strip reads in both themes, a result of 1,500 columns keeps the cache small, and a result of
// 100,000 rows scrolls with the model's memory bounded.

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

class TestConsoleResults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QSettings().clear(); }
    void cleanup()
    {
        QVERIFY(waitUntil([] { return ConsoleThread::ending() == 0; }, 10000));
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

QTEST_MAIN(TestConsoleResults)
#include "tst_console_results.moc"
