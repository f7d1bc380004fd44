// strata-cli drift: the real binary on both engines. No drift right after migrate (exit 0); a column added
// and an index dropped by hand are exactly the two differences (exit 5, with the JSON); an untracked
// database is bad input (exit 2). The live database is never written, and no scratch database is left.

#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

const QByteArray kTables = "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                           "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                           "    account_id INTEGER NOT NULL REFERENCES accounts (id),\n"
                           "    qty INTEGER NOT NULL DEFAULT 0);\n"
                           "CREATE INDEX idx_orders_account ON orders (account_id);\n";
const QByteArray kView = "CREATE VIEW big_orders AS SELECT id, qty FROM orders WHERE qty > 100;\n";

void writeSet(SetBuilder& set)
{
    set.file(QStringLiteral("001_desk/01_tables.sql"), kTables)
        .file(QStringLiteral("002_view/01_view.sql"), kView);
}

/// Scratch databases of drift on the test server.
QStringList driftDatabases()
{
    auto server = openDatabase(postgresServerUrl());
    if (!server)
        return {QStringLiteral("ERROR no server")};
    return queryLines(
        *server, QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE 'strata\\_drift\\_%'"));
}

QStringList differences(const QJsonObject& doc)
{
    QStringList lines;
    for (const auto& value : doc.value(QStringLiteral("differences")).toArray()) {
        const QJsonObject d = value.toObject();
        lines << QStringLiteral("%1 %2 %3 %4.%5")
                     .arg(d.value(QStringLiteral("kind")).toString(),
                          d.value(QStringLiteral("object")).toString(),
                          d.value(QStringLiteral("schema")).toString(),
                          d.value(QStringLiteral("table")).toString(),
                          d.value(QStringLiteral("name")).toString());
    }
    return lines;
}

} // namespace

class TestCliDrift : public QObject
{
    Q_OBJECT

    static void engines()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

private Q_SLOTS:
    void driftAfterChangesByHand_data() { engines(); }

    void driftAfterChangesByHand()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeSet(set);
        const auto migrated = CliProcess::run(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("migrate"), QStringLiteral("--yes"), QStringLiteral("--no-backup")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        const QStringList scratchBefore = engine == Engine::Postgres ? driftDatabases() : QStringList();

        // Right after migrate: no drift, exit 0, and the database exactly as it was.
        QStringList before = stateOf(db.url());
        auto run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("drift")}));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString error;
        auto doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("command")).toString(), QStringLiteral("drift"));
        QCOMPARE(doc->value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(doc->value(QStringLiteral("drift")).toBool(true), false);
        QCOMPARE(doc->value(QStringLiteral("replayed_versions")).toArray(), (QJsonArray{1, 2}));
        QVERIFY(doc->value(QStringLiteral("differences")).toArray().isEmpty());
        QVERIFY2(run.err.contains(QStringLiteral("no drift")), qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);

        // A column added and an index dropped by hand: exactly those two, exit 5.
        {
            auto live = openDatabase(db.url());
            QVERIFY(live);
            QVERIFY(live->execute(QStringLiteral("ALTER TABLE orders ADD COLUMN trader TEXT")).ok());
            QVERIFY(live->execute(QStringLiteral("DROP INDEX idx_orders_account")).ok());
        }
        before = stateOf(db.url());
        run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("drift")}));
        QVERIFY2(run.exitCode == 5, qPrintable(describe(run)));
        doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("drift")).toBool(), true);
        const QString schema = engine == Engine::Sqlite ? QStringLiteral("main") : QStringLiteral("public");
        QCOMPARE(differences(*doc),
                 (QStringList{QStringLiteral("extra column %1 orders.trader").arg(schema),
                              QStringLiteral("missing index %1 orders.idx_orders_account").arg(schema)}));
        const QJsonObject extra = doc->value(QStringLiteral("differences")).toArray().at(0).toObject();
        QCOMPARE(extra.value(QStringLiteral("expected")).toString(), QString());
        QCOMPARE(extra.value(QStringLiteral("actual")).toString().toLower(), QStringLiteral("text"));
        QVERIFY(!extra.value(QStringLiteral("message")).toString().isEmpty());
        const QJsonObject missing = doc->value(QStringLiteral("differences")).toArray().at(1).toObject();
        QCOMPARE(missing.value(QStringLiteral("expected")).toString(), QStringLiteral("btree (account_id)"));
        QCOMPARE(missing.value(QStringLiteral("actual")).toString(), QString());
        QCOMPARE(stateOf(db.url()), before);

        // The same check for people: the report on stdout, still exit 5.
        run = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("drift")}));
        QVERIFY2(run.exitCode == 5, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(QStringLiteral("2 differences: 1 missing, 1 extra")),
                 qPrintable(describe(run)));
        QVERIFY2(run.out.contains(QStringLiteral("EXTRA    column     %1.orders.trader").arg(schema)),
                 qPrintable(describe(run)));
        QVERIFY2(run.out.contains(QStringLiteral("-> ")), qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);
        // The server is shared with the drift page's test, whose own scratch database can exist for a moment:
        // what this run made must be gone once that one is.
        if (engine == Engine::Postgres)
            QTRY_COMPARE_WITH_TIMEOUT(driftDatabases(), scratchBefore, 15000);
    }

    void untrackedDatabaseIsBadInput_data() { engines(); }

    void untrackedDatabaseIsBadInput()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeSet(set);
        const QStringList before = stateOf(db.url());
        const auto run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("drift")}));
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QString error;
        const auto doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY2(run.err.contains(QStringLiteral("not tracked")) &&
                     run.err.contains(QStringLiteral("baseline")),
                 qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);
    }

    void badUsage()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeSet(set);
        auto run =
            CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("drift"), QStringLiteral("now")}));
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("drift takes no arguments")), qPrintable(describe(run)));
        run = CliProcess::run({QStringLiteral("--db"), db.url(), QStringLiteral("drift")});
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("--migrations")), qPrintable(describe(run)));
    }
};

QTEST_GUILESS_MAIN(TestCliDrift)
#include "tst_cli_drift.moc"
