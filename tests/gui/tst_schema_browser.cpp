#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "SetBuilder.h"
#include "browse/DataGridPage.h"
#include "browse/TableBrowseModel.h"
#include "browse/TableRowsTab.h"
#include "common/ErrorBanner.h"
#include "connection/RecentConnections.h"
#include "demo/RiskStateDemo.h"
#include "diagram/ErDiagramPage.h"
#include "diagram/ErDiagramScene.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "schema/DriftPage.h"
#include "schema/SchemaBrowser.h"
#include "schema/SchemaTree.h"
#include "schema/TablePage.h"
#include "theme/Theme.h"

using namespace strata;
using namespace strata::test;

namespace {

/// Counts event-loop turns and the longest gap between them while it lives: the proof that the window kept
/// turning while a worker read the database.
class EventLoopWatch
{
public:
    EventLoopWatch()
    {
        m_clock.start();
        m_last = 0;
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_longestGap = std::max(m_longestGap, now - m_last);
            m_last = now;
            ++m_turns;
        });
        m_timer.start(5);
    }
    int turns() const { return m_turns; }
    qint64 longestGapMs() const { return m_longestGap; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestGap = 0;
    int m_turns = 0;
};

bool waitForSchema(MainWindow& window, int ms = 30000)
{
    QSignalSpy shown(window.schema(), &SchemaBrowser::schemaShown);
    return shown.wait(ms) && shown.first().at(0).toBool();
}

QString cell(QTableWidget* view, int row, int column)
{
    QTableWidgetItem* item = view->item(row, column);
    return item ? item->text() : QString();
}

int rowOf(QTableWidget* view, const QString& name)
{
    for (int row = 0; row < view->rowCount(); ++row)
        if (cell(view, row, 0) == name)
            return row;
    return -1;
}

Status run(const QString& url, const QString& sql)
{
    auto db = MigrationHarness::open(url);
    if (!db)
        return db.error();
    return (*db)->runScript({QStringLiteral("fixture"), sql.toUtf8(), 1}, false);
}

const char* const kSqliteFixture = R"(
CREATE TABLE desks (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE desk_orders (
    desk_id INTEGER NOT NULL REFERENCES desks(id) ON DELETE CASCADE,
    order_no INTEGER NOT NULL,
    qty REAL DEFAULT 0 CHECK (qty >= 0),
    PRIMARY KEY (desk_id, order_no));
CREATE INDEX idx_desk_orders_qty ON desk_orders (qty DESC);
CREATE VIEW big_desk_orders AS SELECT * FROM desk_orders WHERE qty > 100;
CREATE TRIGGER desk_orders_positive BEFORE INSERT ON desk_orders WHEN NEW.qty < 0
BEGIN SELECT RAISE(ABORT, 'negative quantity'); END;
INSERT INTO desks (id, name) VALUES (1, 'rates'), (2, 'fx');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
INSERT INTO desk_orders (desk_id, order_no, qty) SELECT 1 + i % 2, i, i * 0.5 FROM n;
)";

const char* const kPostgresFixture = R"(
CREATE SCHEMA risk;
CREATE TYPE side AS ENUM ('buy', 'sell');
CREATE SEQUENCE order_numbers;
CREATE TABLE accounts (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE orders (
    id bigint PRIMARY KEY DEFAULT nextval('order_numbers'),
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    side side NOT NULL,
    qty numeric(12,2) NOT NULL CONSTRAINT qty_positive CHECK (qty > 0),
    placed_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX orders_account_placed ON orders (account_id, placed_at DESC);
CREATE VIEW open_orders AS SELECT id, account_id, qty FROM orders WHERE qty > 0;
CREATE FUNCTION orders_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.placed_at := now(); RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION orders_touch();
CREATE TABLE risk.limits (account_id bigint PRIMARY KEY REFERENCES accounts (id), max_qty numeric NOT NULL);
INSERT INTO accounts (name) VALUES ('alpha'), ('beta'), ('gamma');
INSERT INTO orders (account_id, side, qty)
SELECT 1 + g % 3, CASE WHEN g % 2 = 0 THEN 'buy'::side ELSE 'sell'::side END, g FROM generate_series(1, 1234) g;
ANALYZE;
)";

} // namespace

class TestSchemaBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataTest"));
        RecentConnections::clear();
    }

    void aHandBuiltSchemaShowsGroupsHistoryAndEstimates()
    {
        SchemaSnapshot snapshot;
        snapshot.schemas = {QStringLiteral("main")};
        TableInfo trades;
        trades.schema = QStringLiteral("main");
        trades.name = QStringLiteral("trades");
        trades.estimatedRows = 1234567;
        trades.columns = {{QStringLiteral("id"), QStringLiteral("INTEGER"), true, false, {}, 1, {}, {}},
                          {QStringLiteral("symbol"), QStringLiteral("TEXT"), true, false, {}, 0, {}, {}}};
        IndexInfo bySymbol;
        bySymbol.schema = trades.schema;
        bySymbol.table = trades.name;
        bySymbol.name = QStringLiteral("idx_trades_symbol");
        bySymbol.parts = {{QStringLiteral("symbol"), {}, true, false, {}}};
        trades.indexes = {bySymbol};
        TableInfo history;
        history.schema = QStringLiteral("main");
        history.name = QStringLiteral("schema_version_steps");
        snapshot.tables = {trades, history};
        snapshot.objects = {{SchemaObject::Kind::View,
                             QStringLiteral("main"),
                             QStringLiteral("recent_trades"),
                             {},
                             QStringLiteral("CREATE VIEW recent_trades AS SELECT * FROM trades"),
                             {}}};

        SchemaBrowser browser;
        QSignalSpy shown(&browser, &SchemaBrowser::schemaShown);
        browser.showSnapshot(snapshot, 12);
        QCOMPARE(shown.size(), 1);
        SchemaTree* tree = browser.tree();
        QCOMPARE(tree->groupCount(QStringLiteral("main"), QStringLiteral("Tables")), 1);
        QCOMPARE(tree->groupCount(QStringLiteral("main"), QStringLiteral("Views")), 1);
        QCOMPARE(tree->groupCount(QStringLiteral("main"), QStringLiteral("Indexes")), 1);
        QCOMPARE(tree->groupCount(QStringLiteral("main"), QStringLiteral("Strata history")), 1);
        QCOMPARE(tree->groupCount(QStringLiteral("main"), QStringLiteral("Sequences")), -1); // not on SQLite
        QVERIFY(tree->tableItem(QStringLiteral("main"), QStringLiteral("schema_version_steps"))->parent() ==
                tree->groupItem(QStringLiteral("main"), QStringLiteral("Strata history")));
        QCOMPARE(tree->tableItem(QStringLiteral("main"), QStringLiteral("trades"))->text(SchemaTree::Details),
                 QStringLiteral("1.2 M"));
        QCOMPARE(browser.summary(), QStringLiteral("main · 1 table, 1 view, 1 index, 0 triggers"));

        // A table expands to its columns and indexes when first opened.
        QTreeWidgetItem* tradesItem = tree->tableItem(QStringLiteral("main"), QStringLiteral("trades"));
        tradesItem->setExpanded(true);
        QCOMPARE(tradesItem->childCount(), 3);
        QCOMPARE(tradesItem->child(0)->text(SchemaTree::Details), QStringLiteral("INTEGER · PK"));
        QCOMPARE(tradesItem->child(2)->text(SchemaTree::Details), QStringLiteral("(symbol DESC)"));

        browser.openTable(QStringLiteral("main"), QStringLiteral("trades"));
        QVERIFY(browser.isShowingTable());
        QCOMPARE(browser.tablePage()->estimateText(), QStringLiteral("≈ 1.2 M rows (estimate)"));
        QVERIFY(!browser.tablePage()->countButton()->isEnabled()); // no connection: nothing to count on

        // The filter keeps what matches and says how many of how many are shown.
        browser.filterBox()->setText(QStringLiteral("TRADE"));
        QCOMPARE(tree->groupItem(QStringLiteral("main"), QStringLiteral("Tables"))->text(SchemaTree::Name),
                 QStringLiteral("Tables (1)"));
        QCOMPARE(
            tree->groupItem(QStringLiteral("main"), QStringLiteral("Strata history"))->text(SchemaTree::Name),
            QStringLiteral("Strata history (0 of 1)"));
        browser.filterBox()->setText(QStringLiteral("nothing-like-this"));
        QCOMPARE(tree->groupItem(QStringLiteral("main"), QStringLiteral("Tables"))->text(SchemaTree::Name),
                 QStringLiteral("Tables (0 of 1)"));
        QVERIFY(tradesItem->isHidden());

        // A table that is not there opens nothing, and says nothing false.
        browser.openTable(QStringLiteral("main"), QStringLiteral("no_such_table"));
        QCOMPARE(browser.tablePage()->titleText(), QStringLiteral("main.trades"));

        QCOMPARE(TablePage::approximateRows(840), QStringLiteral("840"));
        QCOMPARE(TablePage::approximateRows(12345), QStringLiteral("12.3 k"));
        QCOMPARE(TablePage::approximateRows(90000000), QStringLiteral("90.0 M"));
    }

    void sqliteTablePageShowsColumnsKeysDdlSizeAndCount()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        const QString url = QStringLiteral("sqlite:") + path;
        {
            // Strata's history tables appear once the demo is migrated.
            auto db = MigrationHarness::open(url);
            QVERIFY(db);
            QVERIFY(
                MigrationHarness::migrate(**db, *MigrationHarness::load(RiskStateDemo::bundledSet())).ok());
        }
        const Status fixture = run(url, QString::fromUtf8(kSqliteFixture));
        QVERIFY2(fixture.ok(), qPrintable(fixture.ok() ? QString() : fixture.error().toText()));
        auto db = MigrationHarness::open(url);
        QVERIFY(db);
        QStringList operatorTables = *(*db)->userTables();
        operatorTables.removeIf([](const QString& t) { return SchemaTree::isStrataHistory(t); });
        db->reset();

        MainWindow window;
        window.resize(1280, 800);
        window.show();
        ConnectionTarget target;
        target.url = url;
        target.migrations = RiskStateDemo::bundledSet();
        window.open(target);
        QVERIFY(waitForSchema(window));
        SchemaBrowser* browser = window.schema();
        SchemaTree* tree = browser->tree();
        const QString main = QStringLiteral("main");
        QCOMPARE(tree->groupCount(main, QStringLiteral("Tables")), int(operatorTables.size()));
        QCOMPARE(tree->groupCount(main, QStringLiteral("Views")), 1);
        QCOMPARE(tree->groupCount(main, QStringLiteral("Triggers")), 1);
        QVERIFY(tree->groupCount(main, QStringLiteral("Indexes")) >= 2);
        QVERIFY(tree->groupCount(main, QStringLiteral("Strata history")) >= 2);
        QVERIFY(tree->tableItem(main, QStringLiteral("schema_version"))->parent() ==
                tree->groupItem(main, QStringLiteral("Strata history")));

        // View > Schema switches the tab; selecting the table in the tree opens its page.
        window.actions()->showSchema->trigger();
        QCOMPARE(window.pages()->currentWidget(), browser);
        TablePage* page = browser->tablePage();
        QSignalSpy measured(page, &TablePage::sizeMeasured);
        tree->setCurrentItem(tree->tableItem(main, QStringLiteral("desk_orders")));
        QVERIFY(browser->isShowingTable());
        QCOMPARE(page->titleText(), QStringLiteral("main.desk_orders"));
        QTableWidget* columns = page->columnsView();
        QCOMPARE(columns->rowCount(), 3);
        const int deskId = rowOf(columns, QStringLiteral("desk_id"));
        const int orderNo = rowOf(columns, QStringLiteral("order_no"));
        QCOMPARE(cell(columns, deskId, TablePage::ColumnPrimaryKey), QStringLiteral("1"));
        QCOMPARE(cell(columns, orderNo, TablePage::ColumnPrimaryKey), QStringLiteral("2"));
        QCOMPARE(cell(columns, deskId, TablePage::ColumnForeignKey), QStringLiteral("→ desks.id"));
        QCOMPARE(cell(columns, deskId, TablePage::ColumnNull), QStringLiteral("not null"));
        QCOMPARE(cell(columns, rowOf(columns, QStringLiteral("qty")), TablePage::ColumnDefault),
                 QStringLiteral("0"));
        const QString ddl = page->ddlView()->toPlainText();
        QVERIFY2(ddl.contains(QStringLiteral("CREATE TABLE desk_orders")), qPrintable(ddl));
        QVERIFY2(ddl.contains(QStringLiteral("CREATE INDEX idx_desk_orders_qty")), qPrintable(ddl));

        // The size: from dbstat, or the sentence saying this SQLite has none.
        QVERIFY(measured.wait(10000));
        QVERIFY2(page->sizeText().startsWith(QStringLiteral("Size: ")) ||
                     page->sizeText().contains(QStringLiteral("dbstat")),
                 qPrintable(page->sizeText()));

        // Count rows: the exact number, and the time it took.
        QSignalSpy counted(page, &TablePage::rowsCounted);
        page->countButton()->click();
        QVERIFY(counted.wait(10000));
        QCOMPARE(counted.first().at(0).toBool(), true);
        QVERIFY2(page->exactText().startsWith(QStringLiteral("Exactly 2,500 rows · counted in ")),
                 qPrintable(page->exactText()));

        // A view shows its definition; a column row opens its table on that column.
        QTreeWidgetItem* views = tree->groupItem(main, QStringLiteral("Views"));
        tree->setCurrentItem(views->child(0));
        QVERIFY2(browser->shownDefinition().contains(QStringLiteral("CREATE VIEW big_desk_orders")),
                 qPrintable(browser->shownDefinition()));
        QTreeWidgetItem* desks = tree->tableItem(main, QStringLiteral("desks"));
        desks->setExpanded(true);
        QVERIFY(desks->childCount() >= 2);
        tree->setCurrentItem(desks->child(1));
        QCOMPARE(page->titleText(), QStringLiteral("main.desks"));
        QCOMPARE(page->columnsView()->currentRow(), 1);

        // openTable (the ER diagram's and the index advice's way in) and a refresh keep the page.
        browser->openTable(main, QStringLiteral("desk_orders"));
        QCOMPARE(page->titleText(), QStringLiteral("main.desk_orders"));
        window.actions()->refresh->trigger();
        QVERIFY(waitForSchema(window));
        QCOMPARE(page->titleText(), QStringLiteral("main.desk_orders"));
        QVERIFY(browser->banner()->isHidden());

        // The Data tab reads the rows of the table on show, once it is opened, and again for another table.
        QCOMPARE(browser->rows()->gridTable(), QString());
        page->tabs()->setCurrentIndex(TablePage::DataTab);
        auto* grid = qobject_cast<DataGridPage*>(page->tabs()->currentWidget());
        QVERIFY(grid);
        QCOMPARE(browser->rows()->gridTable(), QStringLiteral("main.desk_orders"));
        QTRY_COMPARE_WITH_TIMEOUT(grid->model()->rowCount(), 2500, 10000);
        QVERIFY(QTest::qWaitFor([&] { return grid->model()->data(grid->model()->index(0, 0)).isValid(); },
                                10000));
        browser->openTable(main, QStringLiteral("desks"));
        QCOMPARE(page->tabs()->currentIndex(), int(TablePage::DataTab));
        QCOMPARE(browser->rows()->gridTable(), QStringLiteral("main.desks"));

        // The Diagram view lays out the schema it was given, and a click on a table opens its page.
        browser->views()->setCurrentIndex(SchemaBrowser::DiagramView);
        QTRY_VERIFY_WITH_TIMEOUT(!browser->diagram()->scene()->tableItems().isEmpty(), 10000);
        QCOMPARE(browser->diagram()->scene()->tableItems().size(), operatorTables.size());
        Q_EMIT browser->diagram()->tableActivated(main, QStringLiteral("desk_orders"));
        QCOMPARE(browser->views()->currentIndex(), int(SchemaBrowser::TablesView));
        QCOMPARE(page->titleText(), QStringLiteral("main.desk_orders"));

        // The Drift view checks this database against the set it was opened with.
        browser->views()->setCurrentIndex(SchemaBrowser::DriftView);
        QVERIFY(browser->drift()->checkButton()->isEnabled());

        // Close: nothing of the database stays on screen.
        window.closeDatabase();
        QCOMPARE(browser->summary(), QStringLiteral("No database open"));
        QVERIFY(!browser->isShowingTable());
        QCOMPARE(browser->rows()->gridTable(), QString());
        QVERIFY(!browser->drift()->checkButton()->isEnabled());
    }

    void theTreeReadNeverBlocksTheWindow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        const QString url = QStringLiteral("sqlite:") + path;
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = url;
        target.migrations = RiskStateDemo::bundledSet();
        window.open(target);
        QVERIFY(waitForSchema(window));

        // Another connection holds the file's exclusive lock: the read waits on its worker for 400 ms while
        // the window keeps turning, and shows the schema once the lock is released.
        auto writer = MigrationHarness::open(url);
        QVERIFY(writer);
        QVERIFY((*writer)->execute(QStringLiteral("BEGIN EXCLUSIVE")).ok());
        QVERIFY(
            (*writer)->execute(QStringLiteral("CREATE TABLE added_meanwhile (id INTEGER PRIMARY KEY)")).ok());
        QTimer::singleShot(400, [&writer] { QVERIFY((*writer)->execute(QStringLiteral("COMMIT")).ok()); });
        EventLoopWatch watch;
        QElapsedTimer clock;
        clock.start();
        QSignalSpy shown(window.schema(), &SchemaBrowser::schemaShown);
        window.schema()->load(*ConnectionUrl::parse(url));
        QVERIFY(clock.elapsed() < 50); // load() only starts the worker
        QVERIFY(window.schema()->isReading());
        QVERIFY(shown.wait(10000));
        QVERIFY2(shown.first().at(0).toBool(), qPrintable(window.schema()->banner()->text()));
        QVERIFY2(clock.elapsed() >= 350, "the read should have waited for the lock");
        QVERIFY2(watch.turns() > 20, qPrintable(QString::number(watch.turns())));
        QVERIFY2(watch.longestGapMs() < 100, qPrintable(QString::number(watch.longestGapMs())));
        QVERIFY(
            window.schema()->tree()->tableItem(QStringLiteral("main"), QStringLiteral("added_meanwhile")));
    }

    void aDatabaseThatCannotBeReadSaysSoInTheBanner()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-a-database.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x')); // not a SQLite file
        file.close();
        SchemaBrowser browser;
        QSignalSpy shown(&browser, &SchemaBrowser::schemaShown);
        browser.load(*ConnectionUrl::parse(QStringLiteral("sqlite:") + path));
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.first().at(0).toBool(), false);
        QVERIFY(!browser.banner()->isHidden());
        QVERIFY2(!browser.banner()->text().isEmpty(), "the banner says what happened");
        QCOMPARE(browser.summary(), QStringLiteral("The schema could not be read"));
        QCOMPARE(browser.tree()->topLevelItemCount(), 0);
    }

    void postgresSchemasGroupsTablePageAndCancelledCount()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        const Status fixture = run(scratch.url(), QString::fromUtf8(kPostgresFixture));
        QVERIFY2(fixture.ok(), qPrintable(fixture.ok() ? QString() : fixture.error().toText()));

        MainWindow window;
        window.resize(1280, 800);
        window.show();
        ConnectionTarget target;
        target.url = scratch.url();
        target.migrations = bundledSet(QStringLiteral("strategy"));
        window.open(target);
        QVERIFY(waitForSchema(window));
        SchemaBrowser* browser = window.schema();
        SchemaTree* tree = browser->tree();
        const QString pub = QStringLiteral("public");
        QVERIFY(tree->groupItem(QStringLiteral("risk"), QStringLiteral("Tables")));
        QCOMPARE(tree->groupCount(QStringLiteral("risk"), QStringLiteral("Tables")), 1);
        QCOMPARE(tree->groupCount(pub, QStringLiteral("Tables")), 2);
        QCOMPARE(tree->groupCount(pub, QStringLiteral("Views")), 1);
        QCOMPARE(tree->groupCount(pub, QStringLiteral("Triggers")), 1);
        QCOMPARE(tree->groupCount(pub, QStringLiteral("Sequences")), 2); // order_numbers, accounts_id_seq
        QCOMPARE(tree->groupCount(pub, QStringLiteral("Enum types")), 1);
        QCOMPARE(tree->groupCount(pub, QStringLiteral("Indexes")), 4); // 2 keys, a unique name, one by hand

        window.actions()->showSchema->trigger();
        TablePage* page = browser->tablePage();
        QSignalSpy measured(page, &TablePage::sizeMeasured);
        browser->openTable(pub, QStringLiteral("orders"));
        QCOMPARE(page->titleText(), QStringLiteral("public.orders"));
        QCOMPARE(page->estimateText(), QStringLiteral("≈ 1.2 k rows (estimate)"));
        QTableWidget* columns = page->columnsView();
        QCOMPARE(columns->rowCount(), 5);
        QCOMPARE(cell(columns, rowOf(columns, QStringLiteral("id")), TablePage::ColumnPrimaryKey),
                 QStringLiteral("1"));
        QCOMPARE(cell(columns, rowOf(columns, QStringLiteral("account_id")), TablePage::ColumnForeignKey),
                 QStringLiteral("→ accounts.id"));
        QCOMPARE(cell(columns, rowOf(columns, QStringLiteral("qty")), TablePage::ColumnType),
                 QStringLiteral("numeric(12,2)"));
        QVERIFY(cell(columns, rowOf(columns, QStringLiteral("id")), TablePage::ColumnDefault)
                    .contains(QStringLiteral("nextval")));
        QTableWidget* constraints = page->constraintsView();
        const int check = rowOf(constraints, QStringLiteral("qty_positive"));
        QVERIFY(check >= 0);
        QCOMPARE(cell(constraints, check, 1), QStringLiteral("CHECK"));
        QVERIFY(page->ddlView()->toPlainText().contains(QStringLiteral("orders_account_placed")));
        QVERIFY(measured.wait(10000));
        QVERIFY2(page->sizeText().startsWith(QStringLiteral("Size: ")), qPrintable(page->sizeText()));

        QSignalSpy counted(page, &TablePage::rowsCounted);
        page->countButton()->click();
        QVERIFY(counted.wait(10000));
        QVERIFY2(page->exactText().startsWith(QStringLiteral("Exactly 1,234 rows")),
                 qPrintable(page->exactText()));
        QVERIFY(keepScreenshots(window, QStringLiteral("table-page")));

        // The enum and the view show their definitions.
        QTreeWidgetItem* enums = tree->groupItem(pub, QStringLiteral("Enum types"));
        tree->setCurrentItem(enums->child(0));
        QVERIFY2(browser->shownDefinition().contains(QStringLiteral("'buy',")),
                 qPrintable(browser->shownDefinition()));

        // View > Theme draws the window again from what it read: nothing is read again, so a table's page
        // (and a count running on it) stays as it is.
        QSignalSpy reread(browser, &SchemaBrowser::schemaShown);
        for (const Theme::Choice choice : {Theme::Choice::Dark, Theme::Choice::Light}) {
            Theme::instance().choose(choice);
            QTest::qWait(500);
        }
        QCOMPARE(reread.count(), 0);
        QCOMPARE(page->titleText(), QStringLiteral("public.orders"));

        // A count that waits behind another session's lock is cancelled from the button: the statement is
        // interrupted, the page says so, and the banner says what to do.
        auto locker = MigrationHarness::open(scratch.url());
        QVERIFY(locker);
        QVERIFY((*locker)->execute(QStringLiteral("BEGIN")).ok());
        QVERIFY((*locker)->execute(QStringLiteral("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE")).ok());
        browser->openTable(pub, QStringLiteral("orders"));
        counted.clear();
        page->countRows();
        QTest::qWait(300);
        QVERIFY(page->isCounting());
        QElapsedTimer clock;
        clock.start();
        page->countButton()->click(); // "Cancel count"
        QVERIFY(counted.wait(10000));
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(counted.first().at(0).toBool(), false);
        QVERIFY2(page->exactText().contains(QStringLiteral("cancelled")), qPrintable(page->exactText()));
        QVERIFY(browser->banner()->text().contains(QStringLiteral("cancelled")));
        QVERIFY((*locker)->execute(QStringLiteral("ROLLBACK")).ok());
    }
};

QTEST_MAIN(TestSchemaBrowser)
#include "tst_schema_browser.moc"
