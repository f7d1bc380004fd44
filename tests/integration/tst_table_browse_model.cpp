// The data grid's model on real tables, on both engines: the right rows at the start, the middle and the
// end of a 300,000-row table; composite keys; a table without a key (OFFSET, and said so); sorting and
// filtering under QAbstractItemModelTester; stale pages discarded; the cache within its bound; and a table
// dropped under the model.

#include <memory>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include "ScratchDatabases.h"
#include "browse/TableBrowseModel.h"
#include "connection/DatabaseOpener.h"

using namespace strata;
using namespace strata::test;

namespace {

constexpr int kTicks = 300000;

/// A scratch database of either engine, with a connection of the test's own for setup and for checking
/// the model's rows against direct queries.
struct Fixture
{
    std::unique_ptr<ScratchSqlite> sqlite;
    std::unique_ptr<ScratchPostgres> postgres;
    ConnectionUrl url;
    std::unique_ptr<Database> db;

    bool isPostgres() const { return postgres != nullptr; }
    QString schema() const { return isPostgres() ? QStringLiteral("public") : QStringLiteral("main"); }
    void run(const QString& sql)
    {
        QVERIFY2(db->runScript({QStringLiteral("setup"), sql.toUtf8()}, false).ok(), qPrintable(sql));
    }
    QVariantList row(const QString& sql)
    {
        auto rows = db->query(sql);
        if (!rows) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(rows.error().what));
            return {};
        }
        return rows->rows.value(0);
    }
};

std::unique_ptr<Fixture> makeFixture(const QString& engine)
{
    auto f = std::make_unique<Fixture>();
    QString url;
    if (engine == QLatin1String("postgresql")) {
        f->postgres = std::make_unique<ScratchPostgres>();
        if (!f->postgres->ok())
            return f;
        url = f->postgres->url();
    } else {
        f->sqlite = std::make_unique<ScratchSqlite>();
        url = f->sqlite->url();
    }
    f->url = *ConnectionUrl::parse(url);
    auto db = DatabaseOpener::open(f->url);
    if (db)
        f->db = std::move(db).value();
    return f;
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

IndexInfo index(const QString& table, const QString& name, const QStringList& columns, bool unique = false)
{
    IndexInfo i;
    i.table = table;
    i.name = name;
    i.unique = unique;
    i.method = QStringLiteral("btree");
    for (const QString& c : columns)
        i.parts.append(IndexKeyPart{c, {}, false, false, {}});
    return i;
}

/// ticks(id, symbol, price, note, payload): ids step by 3, so the key has gaps and pages come from anchors.
TableInfo createTicks(Fixture& f, int rows = kTicks)
{
    const bool pg = f.isPostgres();
    if (pg)
        f.run(QStringLiteral(
                  "CREATE TABLE ticks (id bigint PRIMARY KEY, symbol text NOT NULL, price double "
                  "precision, note text, payload bytea);"
                  "INSERT INTO ticks SELECT i * 3, 'SYM' || (i %% 97), i / 100.0, CASE WHEN i %% 10 = 0 "
                  "THEN NULL ELSE 'note ' || i END, CASE WHEN i %% 7 = 0 THEN '\\x0102'::bytea END "
                  "FROM generate_series(1, %1) i;"
                  "CREATE INDEX ticks_symbol ON ticks(symbol); ANALYZE ticks;")
                  .arg(rows)
                  .replace(QStringLiteral("%%"), QStringLiteral("%")));
    else
        f.run(QStringLiteral(
                  "CREATE TABLE ticks (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, price REAL, "
                  "note TEXT, payload BLOB);"
                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                  "INSERT INTO ticks SELECT i * 3, 'SYM' || (i %% 97), i / 100.0, CASE WHEN i %% 10 = 0 "
                  "THEN NULL ELSE 'note ' || i END, CASE WHEN i %% 7 = 0 THEN x'0102' END FROM n;"
                  "CREATE INDEX ticks_symbol ON ticks(symbol);")
                  .arg(rows)
                  .replace(QStringLiteral("%%"), QStringLiteral("%")));
    TableInfo t;
    t.schema = f.schema();
    t.name = QStringLiteral("ticks");
    t.columns = {
        column(QStringLiteral("id"), pg ? QStringLiteral("bigint") : QStringLiteral("INTEGER"), true, 1),
        column(QStringLiteral("symbol"), pg ? QStringLiteral("text") : QStringLiteral("TEXT"), true),
        column(QStringLiteral("price"), pg ? QStringLiteral("double precision") : QStringLiteral("REAL")),
        column(QStringLiteral("note"), pg ? QStringLiteral("text") : QStringLiteral("TEXT")),
        column(QStringLiteral("payload"), pg ? QStringLiteral("bytea") : QStringLiteral("BLOB"))};
    t.indexes = {index(t.name, QStringLiteral("ticks_symbol"), {QStringLiteral("symbol")})};
    return t;
}

/// Asks for `row` until its page is in, letting the model's queued results arrive.
bool waitLoaded(TableBrowseModel& model, int row, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (model.lastError()) {
            qWarning("%s", qPrintable(model.lastError()->toText()));
            return false;
        }
        if (row < model.rowCount() && model.isRowLoaded(row))
            return true;
        if (row < model.rowCount())
            (void)model.data(model.index(row, 0));
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 10);
    }
    return false;
}

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

QString cell(TableBrowseModel& model, int row, int col)
{
    return model.data(model.index(row, col)).toString();
}

} // namespace

class TestTableBrowseModel : public QObject
{
    Q_OBJECT

private:
    static void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

private Q_SLOTS:
    void rowsAtStartMiddleAndEnd_data() { engines(); }
    void rowsAtStartMiddleAndEnd()
    {
        QFETCH(QString, engine);
        auto f = makeFixture(engine);
        if (f->postgres)
            STRATA_REQUIRE_POSTGRES(*f->postgres);
        QVERIFY(f->db);
        const TableInfo table = createTicks(*f);
        TableBrowseModel model(f->url, table);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.pagingText(), QStringLiteral("Keyset paging by id"));
        QVERIFY(!model.offsetPaging());

        QVERIFY(waitLoaded(model, 0));
        QCOMPARE(cell(model, 0, 0), QStringLiteral("3"));
        QCOMPARE(cell(model, 0, 1), QStringLiteral("SYM1"));
        QCOMPARE(cell(model, 9, 3), QStringLiteral("NULL")); // id 30: i = 10, no note
        QVERIFY(model.data(model.index(9, 3), TableBrowseModel::IsNullRole).toBool());
        QCOMPARE(cell(model, 6, 4), QStringLiteral("<blob 2 bytes>")); // i = 7

        // The last row comes from the end of the table at once, whatever the count believed so far.
        QVERIFY(waitUntil([&] {
            const int last = model.rowCount() - 1;
            (void)model.data(model.index(last, 0));
            return last >= 0 && model.isRowLoaded(last);
        }));
        QCOMPARE(cell(model, model.rowCount() - 1, 0), QString::number(3 * kTicks));
        QVERIFY(waitUntil([&] { return model.countState() == TableBrowseModel::CountState::Exact; }));
        QCOMPARE(model.rowCount(), kTicks);
        QCOMPARE(model.countText(), QStringLiteral("300,000 rows"));
        QVERIFY(waitLoaded(model, kTicks - 1));
        QCOMPARE(cell(model, kTicks - 1, 0), QString::number(3 * kTicks));

        // Row 123,456, as OFFSET says, whether anchors exist yet or not.
        const QVariantList expected =
            f->row(QStringLiteral("SELECT id, symbol FROM ticks ORDER BY id LIMIT 1 OFFSET 123456"));
        QVERIFY(waitLoaded(model, 123456));
        QCOMPARE(cell(model, 123456, 0), expected.value(0).toString());
        QCOMPARE(cell(model, 123456, 1), expected.value(1).toString());
        QVERIFY(waitUntil([&] { return !model.isScanning(); }));
        const QVariantList later =
            f->row(QStringLiteral("SELECT id FROM ticks ORDER BY id LIMIT 1 OFFSET 234567"));
        QVERIFY(waitLoaded(model, 234567));
        QCOMPARE(cell(model, 234567, 0), later.value(0).toString());
        QVERIFY(!model.lastError());
    }

    void compositeKey_data() { engines(); }
    void compositeKey()
    {
        QFETCH(QString, engine);
        auto f = makeFixture(engine);
        if (f->postgres)
            STRATA_REQUIRE_POSTGRES(*f->postgres);
        QVERIFY(f->db);
        const bool pg = f->isPostgres();
        f->run(QStringLiteral("CREATE TABLE fills (account text NOT NULL, seq integer NOT NULL, qty integer, "
                              "PRIMARY KEY (account, seq));") +
               (pg ? QStringLiteral("INSERT INTO fills SELECT 'ACC' || (i % 13), i, i * 10 FROM "
                                    "generate_series(1, 5000) i;")
                   : QStringLiteral(
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                         "INSERT INTO fills SELECT 'ACC' || (i % 13), i, i * 10 FROM n;")));
        TableInfo table;
        table.schema = f->schema();
        table.name = QStringLiteral("fills");
        table.columns = {column(QStringLiteral("account"), QStringLiteral("text"), true, 1),
                         column(QStringLiteral("seq"), QStringLiteral("integer"), true, 2),
                         column(QStringLiteral("qty"), QStringLiteral("integer"))};
        BrowseOptions options;
        options.pageSize = 50;
        options.anchorStride = 64;
        options.anchorChunkStrides = 4;
        TableBrowseModel model(f->url, table, options);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.pagingText(), QStringLiteral("Keyset paging by (account, seq)"));
        QVERIFY(waitUntil([&] { return model.countState() == TableBrowseModel::CountState::Exact; }));
        QCOMPARE(model.rowCount(), 5000);
        for (int row : {0, 49, 50, 2500, 3333, 4999}) {
            const QVariantList expected = f->row(
                QStringLiteral("SELECT account, seq FROM fills ORDER BY account, seq LIMIT 1 OFFSET %1")
                    .arg(row));
            QVERIFY(waitLoaded(model, row));
            QCOMPARE(cell(model, row, 0), expected.value(0).toString());
            QCOMPARE(cell(model, row, 1), expected.value(1).toString());
        }
        // Sorting by the key's own first column is the key order, reversed.
        model.sort(0, Qt::DescendingOrder);
        QVERIFY(waitLoaded(model, 0));
        const QVariantList last =
            f->row(QStringLiteral("SELECT account, seq FROM fills ORDER BY account DESC, seq DESC LIMIT 1"));
        QCOMPARE(cell(model, 0, 0), last.value(0).toString());
        QCOMPARE(cell(model, 0, 1), last.value(1).toString());
    }

    void tableWithoutKeyPagesByOffset()
    {
        auto f = makeFixture(QStringLiteral("postgresql"));
        STRATA_REQUIRE_POSTGRES(*f->postgres);
        f->run(
            QStringLiteral("CREATE TABLE audit_log (at bigint, message text);"
                           "INSERT INTO audit_log SELECT i, 'event ' || i FROM generate_series(1, 3000) i;"));
        TableInfo table;
        table.schema = QStringLiteral("public");
        table.name = QStringLiteral("audit_log");
        table.columns = {column(QStringLiteral("at"), QStringLiteral("bigint")),
                         column(QStringLiteral("message"), QStringLiteral("text"))};
        table.indexes = {index(table.name, QStringLiteral("audit_at"), {QStringLiteral("at")})};
        TableBrowseModel model(f->url, table);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.offsetPaging());
        QVERIFY(model.pagingText().contains(QStringLiteral("no primary key")));
        QVERIFY(model.pagingText().contains(QStringLiteral("OFFSET")));
        QVERIFY(model.sortableColumns().isEmpty()); // no key to break ties: nothing sorts by keyset
        QSignalSpy failed(&model, &TableBrowseModel::failed);
        model.sort(0, Qt::AscendingOrder);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(model.sortColumn(), -1);

        QVERIFY(waitUntil([&] { return model.countState() == TableBrowseModel::CountState::Exact; }));
        QCOMPARE(model.rowCount(), 3000);
        for (int row : {0, 1234, 2999}) {
            QVERIFY(waitLoaded(model, row));
            QCOMPARE(cell(model, row, 1), QStringLiteral("event %1").arg(row + 1)); // physical order
        }
    }

    void sqliteRowidTableWithoutPrimaryKey()
    {
        auto f = makeFixture(QStringLiteral("sqlite"));
        f->run(QStringLiteral("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('a'), ('b'), ('c');"
                              "DELETE FROM notes WHERE body = 'b';"));
        TableInfo table;
        table.schema = QStringLiteral("main");
        table.name = QStringLiteral("notes");
        table.columns = {column(QStringLiteral("body"), QStringLiteral("TEXT"))};
        TableBrowseModel model(f->url, table);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.pagingText(), QStringLiteral("Keyset paging by rowid"));
        QVERIFY(waitUntil([&] { return model.countState() == TableBrowseModel::CountState::Exact; }));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(waitLoaded(model, 1));
        QCOMPARE(cell(model, 1, 0), QStringLiteral("c"));
    }

    void sortAndFilter_data() { engines(); }
    void sortAndFilter()
    {
        QFETCH(QString, engine);
        auto f = makeFixture(engine);
        if (f->postgres)
            STRATA_REQUIRE_POSTGRES(*f->postgres);
        QVERIFY(f->db);
        const TableInfo table = createTicks(*f, 20000);
        TableBrowseModel model(f->url, table);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.sortableColumns(), (QList<int>{0, 1})); // id (key), symbol (indexed, NOT NULL)
        QVERIFY(waitUntil([&] { return model.countState() == TableBrowseModel::CountState::Exact; }));

        model.sort(1, Qt::AscendingOrder);
        QCOMPARE(model.pagingText(), QStringLiteral("Keyset paging by (symbol, id)"));
        QCOMPARE(model.rowCount(), 20000); // a sort keeps the exact count
        for (int row : {0, 1000, 19999}) {
            const QVariantList expected =
                f->row(QStringLiteral("SELECT symbol, id FROM ticks ORDER BY symbol, id LIMIT 1 OFFSET %1")
                           .arg(row));
            QVERIFY(waitLoaded(model, row));
            QCOMPARE(cell(model, row, 1), expected.value(0).toString());
            QCOMPARE(cell(model, row, 0), expected.value(1).toString());
        }
        model.sort(1, Qt::DescendingOrder);
        const QVariantList top =
            f->row(QStringLiteral("SELECT symbol, id FROM ticks ORDER BY symbol DESC, id DESC LIMIT 1"));
        QVERIFY(waitLoaded(model, 0));
        QCOMPARE(cell(model, 0, 0), top.value(1).toString());

        // A nullable column has no keyset order: refused, and nothing changes.
        QSignalSpy failed(&model, &TableBrowseModel::failed);
        model.sort(3, Qt::AscendingOrder);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(model.sortColumn(), 1);

        // A filter: the count is unknown, then exact; every row shown matches.
        QVERIFY(model.setFilter({QStringLiteral("symbol"), QStringLiteral("sym5")}).ok());
        QVERIFY(model.countState() != TableBrowseModel::CountState::Exact);
        QVERIFY(waitUntil([&] { return model.countState() == TableBrowseModel::CountState::Exact; }));
        const qint64 matching =
            f->row(QStringLiteral("SELECT count(*) FROM ticks WHERE lower(symbol) LIKE 'sym5%'"))
                .value(0)
                .toLongLong();
        QCOMPARE(model.rowCount(), int(matching));
        QCOMPARE(model.countText().remove(QLatin1Char(',')), QStringLiteral("%1 rows match").arg(matching));
        for (int row : {0, int(matching) / 2, int(matching) - 1}) {
            QVERIFY(waitLoaded(model, row));
            QVERIFY(cell(model, row, 1).startsWith(QStringLiteral("SYM5")));
        }
        // Every text column; a pattern character is searched as itself.
        QVERIFY(model.setFilter({{}, QStringLiteral("note 1999")}).ok());
        QVERIFY(waitUntil([&] { return model.countState() == TableBrowseModel::CountState::Exact; }));
        QCOMPARE(model.rowCount(), 10); // note 1999 and note 19991..19999 (19990 has no note)
        QVERIFY(model.setFilter({{}, QStringLiteral("note_1%")}).ok());
        QVERIFY(waitUntil([&] { return model.countState() == TableBrowseModel::CountState::Exact; }));
        QCOMPARE(model.rowCount(), 0);

        // Bad filters are refused with the reason, and the model keeps what it shows.
        const int before = model.rowCount();
        const Status unknown = model.setFilter({QStringLiteral("no_such_column"), QStringLiteral("x")});
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.error().what.contains(QStringLiteral("no_such_column")));
        const Status nul = model.setFilter({{}, QStringLiteral("a") + QChar(0)});
        QVERIFY(!nul.ok());
        QCOMPARE(model.filter().text, QStringLiteral("note_1%"));
        QCOMPARE(model.rowCount(), before);

        QVERIFY(model.setFilter({}).ok());
        QCOMPARE(model.countState(), TableBrowseModel::CountState::Exact); // the unfiltered count is kept
        QCOMPARE(model.rowCount(), 20000);
    }

    void staleResultsAreDiscarded_data() { engines(); }
    void staleResultsAreDiscarded()
    {
        QFETCH(QString, engine);
        auto f = makeFixture(engine);
        if (f->postgres)
            STRATA_REQUIRE_POSTGRES(*f->postgres);
        QVERIFY(f->db);
        const TableInfo table = createTicks(*f, 5000);
        BrowseOptions options;
        options.simulatedLatencyMs = 300; // a slow server: the sort changes while page 0 is being read
        TableBrowseModel model(f->url, table, options);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTest::qWait(100);
        model.sort(0, Qt::DescendingOrder);
        QVERIFY(waitLoaded(model, 0));
        QVERIFY(model.staleResultsDiscarded() >= 1);
        QCOMPARE(cell(model, 0, 0), QStringLiteral("15000")); // the new order's first row, never the old one
    }

    void cacheStaysWithinItsBound_data() { engines(); }
    void cacheStaysWithinItsBound()
    {
        QFETCH(QString, engine);
        auto f = makeFixture(engine);
        if (f->postgres)
            STRATA_REQUIRE_POSTGRES(*f->postgres);
        QVERIFY(f->db);
        const TableInfo table = createTicks(*f, 30000);
        BrowseOptions options;
        options.pageSize = 100;
        options.maxCachedPages = 8;
        TableBrowseModel model(f->url, table, options);
        QVERIFY(waitUntil([&] { return model.countState() == TableBrowseModel::CountState::Exact; }));
        int most = 0;
        for (int page = 0; page < 300; page += 2) {
            QVERIFY(waitLoaded(model, page * 100 + 50));
            QCOMPARE(cell(model, page * 100 + 50, 0), QString::number((page * 100 + 51) * 3));
            most = std::max(most, model.cachedPages());
        }
        QVERIFY2(most <= 8, qPrintable(QString::number(most)));
        QVERIFY(!model.isRowLoaded(0)); // evicted long ago, and read again when asked for
        QVERIFY(waitLoaded(model, 0));
        QCOMPARE(cell(model, 0, 0), QStringLiteral("3"));
    }

    void droppedTableIsAnErrorNotACrash_data() { engines(); }
    void droppedTableIsAnErrorNotACrash()
    {
        QFETCH(QString, engine);
        auto f = makeFixture(engine);
        if (f->postgres)
            STRATA_REQUIRE_POSTGRES(*f->postgres);
        QVERIFY(f->db);
        const TableInfo table = createTicks(*f, 20000);
        TableBrowseModel model(f->url, table);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(model, 0));
        QVERIFY(waitUntil([&] { return !model.isScanning(); }));
        QSignalSpy failed(&model, &TableBrowseModel::failed);
        f->run(QStringLiteral("DROP TABLE ticks;"));
        (void)model.data(model.index(model.rowCount() / 2, 0));
        QVERIFY(waitUntil([&] { return model.lastError().has_value(); }));
        QVERIFY(!failed.isEmpty());
        const QString what = model.lastError()->what;
        QVERIFY2(what.contains(QStringLiteral("ticks")), qPrintable(what));
        QVERIFY(!model.data(model.index(model.rowCount() / 2, 0)).isValid());
        QCOMPARE(cell(model, 0, 0), QStringLiteral("3")); // what was read stays readable
        model.reload();                                   // and reading again says the same, calmly
        QVERIFY(waitUntil([&] { return model.lastError().has_value(); }));
    }
};

QTEST_GUILESS_MAIN(TestTableBrowseModel)
#include "tst_table_browse_model.moc"
