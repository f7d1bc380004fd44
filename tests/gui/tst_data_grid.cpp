// The data grid page with real widgets, offscreen: the status line from the estimate to the exact count,
// the header sorting only by indexed columns, the filter field and its errors, NULL and BLOB cells, and the
// OFFSET warning for a PostgreSQL table without a key, and a grid whose view holds a window of the rows
// while its scroll bar spans all of them. Saves data-grid-page-*.png to $STRATA_SCREENSHOT_DIR.

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QtTest>

#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "browse/DataGridPage.h"
#include "browse/GridScroller.h"
#include "browse/RowWindowModel.h"
#include "browse/TableBrowseModel.h"
#include "common/ErrorBanner.h"
#include "connection/DatabaseOpener.h"

using namespace strata;
using namespace strata::test;

namespace {

bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 10);
    }
    return true;
}

ColumnInfo column(const QString& name, const QString& type, bool notNull = false, int pk = 0)
{
    ColumnInfo c;
    c.name = name;
    c.type = type;
    c.notNull = notNull;
    c.primaryKeyPosition = pk;
    return c;
}

TableInfo ordersTable(const QString& schema)
{
    TableInfo t;
    t.schema = schema;
    t.name = QStringLiteral("orders");
    t.columns = {column(QStringLiteral("id"), QStringLiteral("INTEGER"), true, 1),
                 column(QStringLiteral("symbol"), QStringLiteral("TEXT"), true),
                 column(QStringLiteral("price"), QStringLiteral("REAL")),
                 column(QStringLiteral("note"), QStringLiteral("TEXT")),
                 column(QStringLiteral("raw"), QStringLiteral("BLOB"))};
    IndexInfo bySymbol;
    bySymbol.table = t.name;
    bySymbol.name = QStringLiteral("orders_symbol");
    bySymbol.method = QStringLiteral("btree");
    bySymbol.parts = {IndexKeyPart{QStringLiteral("symbol"), {}, false, false, {}}};
    t.indexes = {bySymbol};
    return t;
}

} // namespace

class TestDataGrid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteGrid()
    {
        ScratchSqlite scratch;
        {
            auto db = DatabaseOpener::open(*ConnectionUrl::parse(scratch.url()));
            QVERIFY(db);
            QVERIFY(
                (*db)
                    ->runScript(
                        {QStringLiteral("setup"),
                         "CREATE TABLE orders (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, "
                         "price REAL, note TEXT, raw BLOB);"
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) "
                         "INSERT INTO orders SELECT i * 2, 'ES' || (i % 12), 4000 + i / 4.0, "
                         "CASE WHEN i % 3 = 0 THEN NULL ELSE 'fill ' || i END, "
                         "CASE WHEN i % 4 = 0 THEN zeroblob(123) END FROM n;"
                         "CREATE INDEX orders_symbol ON orders(symbol);"},
                        false)
                    .ok());
        }
        DataGridPage page(*ConnectionUrl::parse(scratch.url()), ordersTable(QStringLiteral("main")));
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1000, 600);
        page.show();
        TableBrowseModel* model = page.model();

        // The estimate at once (the rowid span counts the gaps), the exact count once counted.
        QVERIFY(waitUntil([&] { return model->countState() != TableBrowseModel::CountState::Unknown; }));
        QVERIFY(waitUntil([&] { return model->countState() == TableBrowseModel::CountState::Exact; }));
        QVERIFY2(page.statusText().startsWith(QStringLiteral("50,000 rows · Keyset paging by id")),
                 qPrintable(page.statusText()));
        QVERIFY(waitUntil([&] { return model->isRowLoaded(2); }));
        QCOMPARE(model->data(model->index(2, 3)).toString(), QStringLiteral("NULL"));
        QVERIFY(model->data(model->index(2, 3), TableBrowseModel::IsNullRole).toBool());
        QCOMPARE(model->data(model->index(3, 4)).toString(), QStringLiteral("<blob 123 bytes>"));
        QVERIFY(page.statusText().contains(QStringLiteral("last page")));

        // The header sorts by an indexed column, and ignores one without an index.
        QHeaderView* header = page.view()->horizontalHeader();
        header->setSortIndicator(3, Qt::AscendingOrder); // note: nullable, not indexed
        QCOMPARE(model->sortColumn(), -1);
        QCOMPARE(header->sortIndicatorSection(), -1);
        header->setSortIndicator(1, Qt::DescendingOrder); // symbol: indexed
        QCOMPARE(model->sortColumn(), 1);
        QVERIFY(waitUntil([&] { return model->isRowLoaded(0); }));
        QCOMPARE(model->data(model->index(0, 1)).toString(), QStringLiteral("ES9"));
        QCOMPARE(page.statusText().section(QStringLiteral(" · "), 1, 1),
                 QStringLiteral("Keyset paging by (symbol, id)"));

        // The filter field: a column, then the text.
        page.columnChooser()->setCurrentIndex(page.columnChooser()->findData(QStringLiteral("note")));
        page.filterField()->setText(QStringLiteral("fill 4999"));
        QTest::keyClick(page.filterField(), Qt::Key_Return);
        QCOMPARE(model->filter().column, QStringLiteral("note"));
        QVERIFY(waitUntil([&] { return model->countState() == TableBrowseModel::CountState::Exact; }));
        QCOMPARE(model->rowCount(), 8); // fill 4999, and 49990..49999 less the multiples of 3 (no note)
        QVERIFY(page.statusText().startsWith(QStringLiteral("8 rows match")));
        QVERIFY(keepScreenshots(page, QStringLiteral("data-grid-page")));

        // A filter that cannot run says why, and the grid keeps its rows.
        page.filterField()->setText(QStringLiteral("bad") + QChar(0));
        QTest::keyClick(page.filterField(), Qt::Key_Return);
        QVERIFY(page.banner()->isVisible());
        QVERIFY(page.banner()->text().contains(QStringLiteral("NUL")));
        QCOMPARE(model->rowCount(), 8);
    }

    void theViewHoldsAWindowAndTheScrollBarSpansEveryRow()
    {
        ScratchSqlite scratch;
        {
            auto db = DatabaseOpener::open(*ConnectionUrl::parse(scratch.url()));
            QVERIFY(db);
            QVERIFY(
                (*db)
                    ->runScript(
                        {QStringLiteral("setup"),
                         "CREATE TABLE orders (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, "
                         "price REAL, note TEXT, raw BLOB);"
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                         "INSERT INTO orders SELECT i, 'ES' || (i % 12), i, NULL, NULL FROM n;",
                         1},
                        false)
                    .ok());
        }
        DataGridPage page(*ConnectionUrl::parse(scratch.url()), ordersTable(QStringLiteral("main")));
        RowWindowModel* window = page.window();
        window->setWindowSize(1000);
        QAbstractItemModelTester tester(window, QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(900, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        TableBrowseModel* model = page.model();
        QTableView* view = page.view();
        GridScroller* scroller = page.scroller();
        QVERIFY(waitUntil([&] { return model->countState() == TableBrowseModel::CountState::Exact; }));
        QCOMPARE(model->rowCount(), 20000);

        // The view holds the window, never every row; the scroll bar spans them all.
        QCOMPARE(window->rowCount(), 1000);
        QCOMPARE(view->verticalHeader()->count(), 1000);
        QVERIFY(page.rowScrollBar()->isVisible());
        QCOMPARE(page.rowScrollBar()->maximum(), 20000 - scroller->visibleRows());

        // A jump far past the window moves it: the top row is the table's row, numbered as in the table.
        scroller->scrollToRow(12345);
        QCOMPARE(scroller->topRow(), 12345);
        QVERIFY(window->offset() <= 12345 && 12345 + scroller->visibleRows() <= window->offset() + 1000);
        QCOMPARE(page.rowScrollBar()->value(), 12345);
        const int top = view->rowAt(0);
        QCOMPARE(window->toSource(top), 12345);
        QCOMPARE(window->headerData(top, Qt::Vertical).toInt(), 12346);
        QVERIFY(waitUntil([&] { return model->isRowLoaded(12345); }));
        QTRY_COMPARE(window->data(window->index(top, 0)).toString(), QStringLiteral("12346"));

        // Scrolling inside the view towards the window's edge moves the window before the edge.
        const int offsetBefore = window->offset();
        view->verticalScrollBar()->setValue(window->rowCount() - scroller->visibleRows());
        QVERIFY(window->offset() > offsetBefore);
        QCOMPARE(page.rowScrollBar()->value(), scroller->topRow());
        QVERIFY(view->verticalScrollBar()->value() < window->rowCount() - scroller->visibleRows());

        // Ctrl+End and Ctrl+Home go to the ends of the table, with the current cell there.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(scroller->topRow(), 20000 - scroller->visibleRows());
        QCOMPARE(window->toSource(view->currentIndex().row()), 19999);
        QTRY_COMPARE_WITH_TIMEOUT(window->data(window->index(view->currentIndex().row(), 0)).toString(),
                                  QStringLiteral("20000"), 10000);
        QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(scroller->topRow(), 0);
        QCOMPARE(window->offset(), 0);
        QCOMPARE(window->toSource(view->currentIndex().row()), 0);

        // A filter resets the rows: the window and the scroll bar start again from the top.
        scroller->scrollToRow(15000);
        page.filterField()->setText(QStringLiteral("ES1"));
        QTest::keyClick(page.filterField(), Qt::Key_Return);
        QVERIFY(waitUntil([&] { return model->countState() == TableBrowseModel::CountState::Exact; }));
        QCOMPARE(window->offset(), 0);
        QCOMPARE(page.rowScrollBar()->value(), 0);
        QCOMPARE(window->rowCount(), std::min(1000, model->rowCount()));
    }

    void postgresTableWithoutKeyWarns()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        {
            auto db = DatabaseOpener::open(*ConnectionUrl::parse(scratch.url()));
            QVERIFY(db);
            QVERIFY(
                (*db)
                    ->runScript({QStringLiteral("setup"),
                                 "CREATE TABLE fills_log (at bigint, venue text);"
                                 "INSERT INTO fills_log SELECT i, 'XNAS' FROM generate_series(1, 1000) i;"},
                                false)
                    .ok());
        }
        TableInfo table;
        table.schema = QStringLiteral("public");
        table.name = QStringLiteral("fills_log");
        table.columns = {column(QStringLiteral("at"), QStringLiteral("bigint")),
                         column(QStringLiteral("venue"), QStringLiteral("text"))};
        DataGridPage page(*ConnectionUrl::parse(scratch.url()), table);
        page.show();
        QVERIFY(waitUntil([&] { return page.model()->countState() == TableBrowseModel::CountState::Exact; }));
        QVERIFY(page.statusText().contains(QStringLiteral("no primary key: pages are read with OFFSET")));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("gridPaging"))
                    ->styleSheet()
                    .contains(QStringLiteral("color")));
        QCOMPARE(page.model()->rowCount(), 1000);
    }
};

QTEST_MAIN(TestDataGrid)
#include "tst_data_grid.moc"
