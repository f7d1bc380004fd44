// strata-cli on folders as other tools keep them, on SQLite and PostgreSQL: a golang-migrate folder with an
// empty no-op file, scripts wrapped in their own BEGIN ... COMMIT and one that commits in its middle; and a
// Flyway folder with repeatable R__ scripts. What plan, status, history and migrate say (text and --json),
// and what the database holds after migrate and rollback.

#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

QString both(const CliProcess::Outcome& run)
{
    return run.out + run.err;
}

CliProcess::Outcome runCli(const TestDatabase& db, const SetBuilder& set, const QStringList& command)
{
    return CliProcess::run(cliArgs(db.url(), set.path(), command));
}

QJsonObject find(const QJsonArray& array, const QString& key, const QString& value)
{
    for (const auto& v : array)
        if (v.toObject().value(key).toString() == value)
            return v.toObject();
    return {};
}

void engines()
{
    QTest::addColumn<Engine>("engine");
    QTest::newRow("sqlite") << Engine::Sqlite;
    QTest::newRow("postgresql") << Engine::Postgres;
}

} // namespace

class TestCliLayoutRuns : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_backups;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_backups.isValid());
        keepBackupsInside(m_backups);
    }

    void golangMigrateFolderWithNoOpAndOwnTransactions_data() { engines(); }
    void golangMigrateFolderWithNoOpAndOwnTransactions()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("1_accounts.up.sql"),
                 "BEGIN;\nCREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);\nCOMMIT;\n")
            .file(QStringLiteral("1_accounts.down.sql"), "BEGIN;\nDROP TABLE accounts;\nCOMMIT;\n")
            .file(QStringLiteral("2_add_nothing.up.sql"),
                  "-- reserved: the risk desk's change went elsewhere\n")
            .file(QStringLiteral("3_limits.up.sql"),
                  "BEGIN;\nCREATE TABLE limits (account_id INTEGER, max_qty INTEGER);\nCOMMIT;\n"
                  "BEGIN;\nINSERT INTO limits VALUES (1, 500);\nCOMMIT;\n")
            .file(QStringLiteral("3_limits.down.sql"), "DROP TABLE limits;\n");

        const auto plan = runCli(db, set, {QStringLiteral("plan")});
        QVERIFY2(plan.exitCode == 0, qPrintable(both(plan)));
        QVERIFY2(
            plan.out.contains(QStringLiteral("-- 2.1 add_nothing (2_add_nothing.up.sql, no-op), phase core, "
                                             "runs nothing (recorded as applied)")),
            qPrintable(plan.out));
        QVERIFY2(
            plan.out.contains(QStringLiteral("-- 1.1 accounts (1_accounts.up.sql), phase core, in its own "
                                             "transaction (the file's BEGIN ... COMMIT, with its history "
                                             "row)")),
            qPrintable(plan.out));
        QVERIFY2(
            plan.out.contains(QStringLiteral("outside a transaction (3_limits.up.sql:3 has its own COMMIT "
                                             "in the middle of the script)")),
            qPrintable(plan.out));

        const auto planJson = runCli(db, set, {QStringLiteral("--json"), QStringLiteral("plan")});
        QVERIFY2(planJson.exitCode == 0, qPrintable(both(planJson)));
        const QJsonArray steps = planJson.json().value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 3);
        QCOMPARE(find(steps, QStringLiteral("slot"), QStringLiteral("2.1"))
                     .value(QStringLiteral("no_op"))
                     .toBool(),
                 true);
        QCOMPARE(find(steps, QStringLiteral("slot"), QStringLiteral("1.1"))
                     .value(QStringLiteral("own_transaction"))
                     .toBool(),
                 true);
        const QJsonObject limits = find(steps, QStringLiteral("slot"), QStringLiteral("3.1"));
        QCOMPARE(limits.value(QStringLiteral("transactional")).toBool(), false);
        QVERIFY(limits.value(QStringLiteral("no_transaction_reason"))
                    .toString()
                    .contains(QStringLiteral("COMMIT")));

        const auto status = runCli(db, set, {QStringLiteral("status")});
        QVERIFY2(status.out.contains(QStringLiteral("2.1 add_nothing  2_add_nothing.up.sql (no-op)")),
                 qPrintable(status.out));
        QVERIFY2(status.out.contains(QStringLiteral("[outside a transaction: 3_limits.up.sql:3")),
                 qPrintable(status.out));

        const auto migrated = runCli(db, set, {QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(migrated.exitCode == 0, qPrintable(both(migrated)));
        QVERIFY2(migrated.out.contains(QStringLiteral("3 steps")), qPrintable(migrated.out));
        QCOMPARE(recordedSteps(db.url(), set.path()).value_or(QStringList{"history unreadable"}),
                 (QStringList{"1.1=applied", "2.1=applied", "3.1=applied"}));
        auto conn = openDatabase(db.url());
        QVERIFY(conn);
        QCOMPARE(queryLines(*conn, QStringLiteral("SELECT max_qty FROM limits")), QStringList{"500"});
        QCOMPARE(queryLines(*conn, QStringLiteral("SELECT version || ':' || transactional FROM "
                                                  "schema_version_steps ORDER BY version")),
                 (QStringList{"1:1", "2:1", "3:0"}));
        conn.reset();

        const auto history = runCli(db, set, {QStringLiteral("history")});
        QVERIFY2(history.out.contains(QStringLiteral("2.1 add_nothing (no-op)  applied")),
                 qPrintable(history.out));
        const auto historyJson = runCli(db, set, {QStringLiteral("--json"), QStringLiteral("history")});
        QCOMPARE(find(historyJson.json().value(QStringLiteral("steps")).toArray(), QStringLiteral("slot"),
                      QStringLiteral("2.1"))
                     .value(QStringLiteral("no_op"))
                     .toBool(),
                 true);

        // Back to nothing: the no-op step has no down file and needs none.
        const auto rolledBack = runCli(db, set,
                                       {QStringLiteral("rollback"), QStringLiteral("--to"),
                                        QStringLiteral("0"), QStringLiteral("--yes")});
        QVERIFY2(rolledBack.exitCode == 0, qPrintable(both(rolledBack)));
        conn = openDatabase(db.url());
        QVERIFY(conn);
        const QStringList tables = userTables(*conn);
        QVERIFY2(!tables.contains(QStringLiteral("accounts")) && !tables.contains(QStringLiteral("limits")),
                 qPrintable(tables.join(QLatin1Char(','))));
        QCOMPARE(recordedSteps(db.url(), set.path()).value_or(QStringList{"history unreadable"}),
                 (QStringList{"1.1=rolled_back", "2.1=rolled_back", "3.1=rolled_back"}));
    }

    void flywayFolderWithRepeatables_data() { engines(); }
    void flywayFolderWithRepeatables()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("V1__trades.sql"), "CREATE TABLE trades (id INTEGER, qty INTEGER);\n")
            .file(QStringLiteral("V1.1__refresh_log.sql"),
                  "CREATE TABLE refresh_log (n INTEGER, what TEXT);\n")
            .file(QStringLiteral("R__trade_views.sql"),
                  "DROP VIEW IF EXISTS trade_ids;\nCREATE VIEW trade_ids AS SELECT id FROM trades;\n"
                  "INSERT INTO refresh_log SELECT COUNT(*), 'views' FROM refresh_log;\n")
            .file(QStringLiteral("R__Audit.sql"),
                  "INSERT INTO refresh_log SELECT COUNT(*), 'audit' FROM refresh_log;\n");

        const auto plan = runCli(db, set, {QStringLiteral("plan")});
        QVERIFY2(plan.exitCode == 0, qPrintable(both(plan)));
        QVERIFY2(plan.out.contains(QStringLiteral("2 steps, then 2 repeatable scripts")),
                 qPrintable(plan.out));
        QVERIFY2(
            plan.out.contains(QStringLiteral("-- repeatable trade views (R__trade_views.sql): never applied; "
                                             "runs after the versioned steps")),
            qPrintable(plan.out));

        const auto migrated =
            runCli(db, set, {QStringLiteral("--json"), QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(migrated.exitCode == 0, qPrintable(both(migrated)));
        QVERIFY2(migrated.err.contains(QStringLiteral("[ok]      repeatable trade views in")),
                 qPrintable(migrated.err));
        const QJsonArray applied = migrated.json().value(QStringLiteral("applied")).toArray();
        QCOMPARE(applied.size(), 4); // the two versioned steps (slots as Flyway's versions map them), then:
        QCOMPARE(applied.at(2).toString(), QStringLiteral("R__Audit.sql"));
        QCOMPARE(applied.at(3).toString(), QStringLiteral("R__trade_views.sql"));
        auto conn = openDatabase(db.url());
        QVERIFY(conn);
        QCOMPARE(queryLines(*conn, QStringLiteral("SELECT what FROM refresh_log ORDER BY n")),
                 (QStringList{"audit", "views"}));
        conn.reset();

        // Applied and unchanged: never pending.
        auto status = runCli(db, set, {QStringLiteral("status")});
        QVERIFY2(status.out.contains(QStringLiteral("Pending:   nothing")), qPrintable(status.out));
        QVERIFY2(status.out.contains(QStringLiteral("Repeatable: 2 scripts, 0 to run")),
                 qPrintable(status.out));
        QVERIFY2(status.out.contains(
                     QStringLiteral("repeatable trade views (R__trade_views.sql)  (unchanged since "
                                    "last applied)")),
                 qPrintable(status.out));
        const auto nothing = runCli(db, set, {QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(nothing.exitCode == 0 && nothing.out.contains(QStringLiteral("Nothing to do")),
                 qPrintable(both(nothing)));

        // Changed: status says so, --json too, and migrate runs it (only it) again.
        set.file(QStringLiteral("R__trade_views.sql"),
                 "DROP VIEW IF EXISTS trade_ids;\nCREATE VIEW trade_ids AS SELECT id, qty FROM trades;\n"
                 "INSERT INTO refresh_log SELECT COUNT(*), 'views' FROM refresh_log;\n");
        status = runCli(db, set, {QStringLiteral("status")});
        QVERIFY2(status.out.contains(
                     QStringLiteral("* repeatable trade views (R__trade_views.sql)  (changed since "
                                    "last applied)")),
                 qPrintable(status.out));
        const auto statusJson = runCli(db, set, {QStringLiteral("--json"), QStringLiteral("status")});
        const QJsonObject views = find(statusJson.json().value(QStringLiteral("repeatables")).toArray(),
                                       QStringLiteral("name"), QStringLiteral("trade views"));
        QCOMPARE(views.value(QStringLiteral("runs")).toBool(), true);
        QCOMPARE(views.value(QStringLiteral("state")).toString(),
                 QStringLiteral("changed since last applied"));
        const auto again = runCli(db, set, {QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(again.exitCode == 0, qPrintable(both(again)));
        conn = openDatabase(db.url());
        QVERIFY(conn);
        QCOMPARE(queryLines(*conn, QStringLiteral("SELECT what FROM refresh_log ORDER BY n")),
                 (QStringList{"audit", "views", "views"}));
        QCOMPARE(queryLines(*conn, QStringLiteral("SELECT description || '=' || runs FROM "
                                                  "schema_version_repeatables ORDER BY description")),
                 (QStringList{"Audit=1", "trade views=2"}));
        conn.reset();
        const auto history = runCli(db, set, {QStringLiteral("history")});
        QVERIFY2(history.out.contains(QStringLiteral("Repeatable scripts:")) &&
                     history.out.contains(QStringLiteral("repeatable trade views  applied")) &&
                     history.out.contains(QStringLiteral("(2 successful runs)")),
                 qPrintable(history.out));
    }

    void repeatableRunsAgainWhenAPlaceholderChanges_data() { engines(); }
    void repeatableRunsAgainWhenAPlaceholderChanges()
    {
        // Flyway computes a repeatable's checksum after placeholder replacement: a new value re-applies it.
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("strata.yaml"), "placeholders:\n  desk: rates\n")
            .file(QStringLiteral("V1__books.sql"), "CREATE TABLE books (id INTEGER, desk TEXT);\n")
            .file(QStringLiteral("R__desk_books.sql"),
                  "DROP VIEW IF EXISTS desk_books;\n"
                  "CREATE VIEW desk_books AS SELECT id FROM books WHERE desk = '${desk}';\n"
                  "INSERT INTO books VALUES (1, '${desk}');\n");
        const auto migrated = runCli(db, set, {QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(migrated.exitCode == 0, qPrintable(both(migrated)));
        auto status = runCli(db, set, {QStringLiteral("status")});
        QVERIFY2(status.out.contains(QStringLiteral("(unchanged since last applied)")),
                 qPrintable(status.out));

        set.file(QStringLiteral("strata.yaml"), "placeholders:\n  desk: fx\n");
        status = runCli(db, set, {QStringLiteral("status")});
        QVERIFY2(status.out.contains(
                     QStringLiteral("* repeatable desk books (R__desk_books.sql)  (changed since last "
                                    "applied)")),
                 qPrintable(status.out));
        const auto again = runCli(db, set, {QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(again.exitCode == 0, qPrintable(both(again)));
        auto conn = openDatabase(db.url());
        QVERIFY(conn);
        QCOMPARE(queryLines(*conn, QStringLiteral("SELECT desk FROM books ORDER BY desk")),
                 (QStringList{"fx", "rates"}));
        QCOMPARE(queryLines(*conn, QStringLiteral("SELECT COUNT(*) FROM desk_books")), QStringList{"1"});
    }
};

QTEST_GUILESS_MAIN(TestCliLayoutRuns)
#include "tst_cli_layout_runs.moc"
