// `strata-cli indexes`: the real binary on both engines. Every table's indexes with their key parts and the
// advice, as one JSON document with --json; one table with --table; exit 2 for an unknown table or a missing
// file, exit 1 for a file that is not a database; and the same advice as the advisor gives in process.

#include <QtTest>

#include "CliTestKit.h"
#include "schema/IndexAdvisor.h"
#include "schema/SchemaReader.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

/// Beside the seeded desks table: orders with a duplicate index, a prefix, a descending key part and a
/// foreign key to desks without an index.
Status createFixture(const QString& url)
{
    auto db = openDatabase(url);
    if (!db)
        return Error::failed(QStringLiteral("cannot open %1").arg(url), {}, {});
    const QString id =
        db->dialect() == Dialect::Sqlite ? QStringLiteral("INTEGER") : QStringLiteral("bigint");
    for (const QString& statement : {
             QStringLiteral(
                 "CREATE TABLE orders (id %1 PRIMARY KEY, desk_id %1 NOT NULL REFERENCES desks (id), "
                 "account TEXT NOT NULL, placed_at TEXT NOT NULL)")
                 .arg(id),
             QStringLiteral("CREATE INDEX orders_account_placed_idx ON orders (account, placed_at DESC)"),
             QStringLiteral("CREATE INDEX orders_account_idx ON orders (account)"),
             QStringLiteral("CREATE INDEX orders_placed_idx ON orders (placed_at)"),
             QStringLiteral("CREATE INDEX orders_placed_idx2 ON orders (placed_at)"),
         })
        if (auto done = db->execute(statement); !done)
            return done.error();
    return {};
}

QJsonObject tableOf(const QJsonObject& doc, const QString& name)
{
    for (const auto& value : doc.value(QStringLiteral("tables")).toArray())
        if (value.toObject().value(QStringLiteral("table")).toString() == name)
            return value.toObject();
    return {};
}

QJsonObject indexOf(const QJsonObject& table, const QString& name)
{
    for (const auto& value : table.value(QStringLiteral("indexes")).toArray())
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    return {};
}

/// "kind table index columns" per advice of a JSON document.
QStringList adviceLines(const QJsonObject& doc)
{
    QStringList lines;
    for (const auto& value : doc.value(QStringLiteral("advice")).toArray()) {
        const QJsonObject a = value.toObject();
        QStringList columns;
        for (const auto& c : a.value(QStringLiteral("columns")).toArray())
            columns << c.toString();
        lines << QStringLiteral("%1 %2 %3 %4")
                     .arg(a.value(QStringLiteral("kind")).toString(),
                          a.value(QStringLiteral("table")).toString(),
                          a.value(QStringLiteral("index")).toString(), columns.join(QLatin1Char(',')));
    }
    return lines;
}

QStringList adviceLines(const QList<IndexAdvice>& advice)
{
    QStringList lines;
    for (const IndexAdvice& a : advice)
        lines << QStringLiteral("%1 %2 %3 %4")
                     .arg(a.kindName(), a.table, a.index, a.columns.join(QLatin1Char(',')));
    return lines;
}

} // namespace

class TestCliIndexes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTableAsJson_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void everyTableAsJson()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        const Status created = createFixture(db.url());
        QVERIFY2(created, qPrintable(created ? QString() : created.error().toText()));
        const QStringList before = stateOf(db.url());

        const auto run = CliProcess::run(
            {QStringLiteral("--db"), db.url(), QStringLiteral("--json"), QStringLiteral("indexes")});
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(describe(run)));
        QString error;
        const auto doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("command")).toString(), QStringLiteral("indexes"));
        QCOMPARE(doc->value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(!doc->value(QStringLiteral("database")).toString().isEmpty());
        QCOMPARE(doc->value(QStringLiteral("tables")).toArray().size(), 2);
        // The human report went to stderr, so stdout stays one JSON document.
        QVERIFY2(run.err.contains(QStringLiteral("orders_account_placed_idx")), qPrintable(describe(run)));

        const QJsonObject orders = tableOf(*doc, QStringLiteral("orders"));
        QCOMPARE(orders.value(QStringLiteral("schema")).toString(),
                 engine == Engine::Sqlite ? QStringLiteral("main") : QStringLiteral("public"));
        const QJsonObject composite = indexOf(orders, QStringLiteral("orders_account_placed_idx"));
        const QJsonArray parts = composite.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("column")).toString(),
                 QStringLiteral("account"));
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("position")).toInt(), 1);
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("direction")).toString(), QStringLiteral("ASC"));
        QCOMPARE(parts.at(1).toObject().value(QStringLiteral("column")).toString(),
                 QStringLiteral("placed_at"));
        QCOMPARE(parts.at(1).toObject().value(QStringLiteral("position")).toInt(), 2);
        QCOMPARE(parts.at(1).toObject().value(QStringLiteral("direction")).toString(),
                 QStringLiteral("DESC"));
        QCOMPARE(parts.at(1).toObject().value(QStringLiteral("included")).toBool(), false);
        QCOMPARE(composite.value(QStringLiteral("unique")).toBool(), false);
        QCOMPARE(composite.value(QStringLiteral("valid")).toBool(), true);
        QCOMPARE(composite.value(QStringLiteral("method")).toString(), QStringLiteral("btree"));
        QVERIFY(composite.value(QStringLiteral("predicate")).isNull());
        // SQLite counts no scans: null, never 0.
        QCOMPARE(composite.value(QStringLiteral("scans")).isNull(), engine == Engine::Sqlite);

        const QStringList advice = adviceLines(*doc);
        QVERIFY2(advice.contains(QStringLiteral("duplicate orders orders_placed_idx2 placed_at")),
                 qPrintable(advice.join(QLatin1Char('\n'))));
        QVERIFY2(advice.contains(QStringLiteral("prefix orders orders_account_idx account")),
                 qPrintable(advice.join(QLatin1Char('\n'))));
        QVERIFY2(advice.contains(QStringLiteral("unindexed_foreign_key orders  desk_id")),
                 qPrintable(advice.join(QLatin1Char('\n'))));
        for (const auto& value : doc->value(QStringLiteral("advice")).toArray()) {
            const QJsonObject a = value.toObject();
            for (const QString& key :
                 {QStringLiteral("kind"), QStringLiteral("schema"), QStringLiteral("table"),
                  QStringLiteral("index"), QStringLiteral("other_index"), QStringLiteral("columns"),
                  QStringLiteral("message"), QStringLiteral("sql")})
                QVERIFY2(a.contains(key), qPrintable(key));
        }

        // The statistics of a database made a moment ago are not enough to call an index unused, and the
        // report says since when they count; SQLite keeps none. Without a set, the report says what it
        // cannot tell.
        QVERIFY2(run.err.contains(engine == Engine::Sqlite
                                      ? QStringLiteral("SQLite keeps no usage statistics")
                                      : QStringLiteral("not enough statistics yet")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("No migration set given")), qPrintable(describe(run)));

        // The binary says what the advisor says in process, in the same order.
        auto inProcess = openDatabase(db.url());
        QVERIFY(inProcess);
        // Sizes are measured, as the app measures them: PostgreSQL's pg_relation_size, never an estimate.
        QCOMPARE(composite.value(QStringLiteral("size_estimated")).toBool(), false);
        if (engine == Engine::Postgres) {
            auto size = inProcess->query(
                QStringLiteral("SELECT pg_relation_size('public.orders_account_placed_idx'::regclass)"));
            QVERIFY(size && !size->isEmpty());
            QCOMPARE(qint64(composite.value(QStringLiteral("size_bytes")).toDouble()),
                     size->value(0, 0).toString().toLongLong());
        }
        auto snapshot = SchemaReader(*inProcess).read();
        QVERIFY(snapshot);
        QCOMPARE(advice, adviceLines(IndexAdvisor::advise(*snapshot)));
        inProcess.reset();
        // Reading indexes changes nothing.
        QCOMPARE(stateOf(db.url()), before);
    }

    void oneTable()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        QVERIFY(createFixture(db.url()));
        for (const QString& name : {QStringLiteral("orders"), QStringLiteral("main.orders")}) {
            const auto run = CliProcess::run({QStringLiteral("--db"), db.url(), QStringLiteral("--json"),
                                              QStringLiteral("indexes"), QStringLiteral("--table"), name});
            QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
            const auto doc = singleJsonObject(run.out);
            QVERIFY(doc);
            const QJsonArray tables = doc->value(QStringLiteral("tables")).toArray();
            QCOMPARE(tables.size(), 1);
            QCOMPARE(tables.first().toObject().value(QStringLiteral("table")).toString(),
                     QStringLiteral("orders"));
            for (const auto& value : doc->value(QStringLiteral("advice")).toArray())
                QCOMPARE(value.toObject().value(QStringLiteral("table")).toString(),
                         QStringLiteral("orders"));
            QCOMPARE(doc->value(QStringLiteral("advice")).toArray().size(), 3);
        }
        // The desks table alone: its primary key, nothing to advise; the report for people on stdout.
        const auto desks = CliProcess::run(
            {QStringLiteral("--db"), db.url(), QStringLiteral("indexes"), QStringLiteral("--table=desks")});
        QVERIFY2(desks.exitCode == 0, qPrintable(describe(desks)));
        QVERIFY2(desks.out.contains(QStringLiteral("main.desks")), qPrintable(describe(desks)));
        QVERIFY2(desks.out.contains(QStringLiteral("No advice")), qPrintable(describe(desks)));
        QVERIFY2(!desks.out.contains(QStringLiteral("orders")), qPrintable(describe(desks)));
    }

    void unknownTable_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void unknownTable()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        const auto run =
            CliProcess::run({QStringLiteral("--db"), db.url(), QStringLiteral("--json"),
                             QStringLiteral("indexes"), QStringLiteral("--table"), QStringLiteral("trades")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("No table named \"trades\"")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("strata-cli indexes` without --table")),
                 qPrintable(describe(run)));
        const auto doc = singleJsonObject(run.out);
        QVERIFY2(doc, qPrintable(describe(run)));
        QCOMPARE(doc->value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(doc->value(QStringLiteral("command")).toString(), QStringLiteral("indexes"));
    }

    void missingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("absent.db"));
        const auto run = CliProcess::run(
            {QStringLiteral("--db"), QStringLiteral("sqlite:") + path, QStringLiteral("indexes")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(path) && run.err.contains(QStringLiteral("does not exist")),
                 qPrintable(describe(run)));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFileInfo::exists(path)); // nothing was created
    }

    void fileThatIsNoDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        const auto run = CliProcess::run({QStringLiteral("--db"), QStringLiteral("sqlite:") + path,
                                          QStringLiteral("--json"), QStringLiteral("indexes")});
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("strata-cli: ")), qPrintable(describe(run)));
        const auto doc = singleJsonObject(run.out);
        QVERIFY2(doc && doc->value(QStringLiteral("ok")).toBool(true) == false, qPrintable(describe(run)));
        QCOMPARE(fileBytes(path), QByteArray(4096, 'x'));
    }
};

QTEST_GUILESS_MAIN(TestCliIndexes)
#include "tst_cli_indexes.moc"
