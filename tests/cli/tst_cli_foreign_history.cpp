// strata-cli on databases that another tool migrated, on both engines: one migrated by the real dbmate (npm,
// STRATA_TEST_DBMATE), one by seed 001's numbered-SQL runner, one with golang-migrate's dirty version, one
// with a failed Flyway row and a rolled-back Prisma row, and one with two tools' history tables. `status`
// and `history` name the tool and its rows; `migrate` refuses (exit 5) before anything runs and changes
// nothing; `plan` shows the same problem. A table that only shares a tool's name is not that tool's.

#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

/// dbmate's files as a team writes them: -- migrate:up / -- migrate:down, timestamp versions.
const QList<QPair<QString, QByteArray>> kDbmateFiles = {
    {QStringLiteral("20240101120000_create_accounts.sql"),
     "-- migrate:up\nCREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n\n"
     "-- migrate:down\nDROP TABLE accounts;\n"},
    {QStringLiteral("20240102093000_create_orders.sql"),
     "-- migrate:up\nCREATE TABLE orders (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL,\n"
     "    qty INTEGER NOT NULL DEFAULT 0);\n\n-- migrate:down\nDROP TABLE orders;\n"},
    {QStringLiteral("20240103170500_index_orders.sql"),
     "-- migrate:up\nCREATE INDEX idx_orders_account ON orders (account_id);\n\n"
     "-- migrate:down\nDROP INDEX idx_orders_account;\n"},
};

QString dbmateBinary()
{
    return qEnvironmentVariable("STRATA_TEST_DBMATE");
}

/// The URL dbmate takes for the test database: sqlite:PATH, or postgres://...?sslmode=disable (the password
/// comes from PGPASSWORD, which the test server's env sets).
QString dbmateUrl(const TestDatabase& db)
{
    if (db.engine() == Engine::Sqlite)
        return QStringLiteral("sqlite:") + db.path();
    QString url = db.url();
    url.replace(QRegularExpression(QStringLiteral("^postgresql://")), QStringLiteral("postgres://"));
    return url + (url.contains(QLatin1Char('?')) ? QStringLiteral("&") : QStringLiteral("?")) +
           QStringLiteral("sslmode=disable");
}

QString runDbmate(const TestDatabase& db, const QString& folder, const QStringList& command)
{
    QProcess dbmate;
    dbmate.start(dbmateBinary(),
                 QStringList{QStringLiteral("--url"), dbmateUrl(db), QStringLiteral("--migrations-dir"),
                             folder, QStringLiteral("--no-dump-schema")} +
                     command);
    if (!dbmate.waitForFinished(60000) || dbmate.exitStatus() != QProcess::NormalExit ||
        dbmate.exitCode() != 0)
        return QStringLiteral("dbmate %1 failed (%2): %3 %4")
            .arg(command.join(QLatin1Char(' ')), dbmate.errorString(),
                 QString::fromUtf8(dbmate.readAllStandardOutput()),
                 QString::fromUtf8(dbmate.readAllStandardError()));
    return {};
}

QJsonObject runJson(const QString& url, const QString& set, const QString& command, int* exitCode = nullptr)
{
    const auto run = CliProcess::run(cliArgs(url, set, {QStringLiteral("--json"), command}));
    if (exitCode)
        *exitCode = run.exitCode;
    return run.json();
}

/// "tool table applied" for each other tool a status or history document names.
QStringList toolsOf(const QJsonObject& doc)
{
    QStringList tools;
    for (const auto& value : doc.value(QStringLiteral("other_tools")).toArray()) {
        const QJsonObject t = value.toObject();
        tools << QStringLiteral("%1 %2 %3")
                     .arg(t.value(QStringLiteral("tool")).toString(),
                          t.value(QStringLiteral("table")).toString())
                     .arg(t.value(QStringLiteral("applied")).toInt());
    }
    return tools;
}

QStringList rowVersions(const QJsonObject& doc, int tool = 0)
{
    QStringList versions;
    const QJsonObject t = doc.value(QStringLiteral("other_tools")).toArray().at(tool).toObject();
    for (const auto& value : t.value(QStringLiteral("rows")).toArray())
        versions << value.toObject().value(QStringLiteral("version")).toString();
    return versions;
}

/// Runs `sql` statement by statement (the tests' own DDL, as each tool writes it).
QString execute(const QString& url, const QStringList& statements)
{
    QString error;
    auto db = openDatabase(url, &error);
    if (!db)
        return error;
    for (const QString& sql : statements)
        if (auto done = db->execute(sql); !done)
            return done.error().toText();
    return {};
}

} // namespace

class TestCliForeignHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_backups;

    static void engines()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    /// migrate refuses with exit 5 naming `kind` and `says`, and the database is exactly as before.
    static void checkRefusedUnchanged(const QString& url, const QString& set, const QString& kind,
                                      const QStringList& says)
    {
        const QStringList before = stateOf(url);
        const auto migrate =
            CliProcess::run(cliArgs(url, set, {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrate.exitCode == 5, qPrintable(describe(migrate)));
        QVERIFY2(migrate.err.contains(kind), qPrintable(describe(migrate)));
        for (const QString& text : says)
            QVERIFY2(migrate.err.contains(text),
                     qPrintable(text + QStringLiteral(" not said:\n") + describe(migrate)));
        QCOMPARE(stateOf(url), before);

        const auto json = CliProcess::run(cliArgs(
            url, set, {QStringLiteral("--json"), QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QCOMPARE(json.exitCode, 5);
        QCOMPARE(stateOf(url), before);

        int planExit = -1;
        const QJsonObject plan = runJson(url, set, QStringLiteral("plan"), &planExit);
        QCOMPARE(planExit, 0);
        QVERIFY2(problemKinds(plan).contains(kind), qPrintable(QJsonDocument(plan).toJson()));
    }

private Q_SLOTS:
    void initTestCase() { keepBackupsInside(m_backups); }

    void dbmateManaged_data() { engines(); }
    void dbmateManaged()
    {
        QFETCH(Engine, engine);
        if (!QFileInfo(dbmateBinary()).isExecutable()) {
            const QString why =
                QStringLiteral("dbmate not found at STRATA_TEST_DBMATE=\"%1\"; install it with "
                               "npm install --prefix build/tools/dbmate dbmate@2.36.0")
                    .arg(dbmateBinary());
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        QStringList versions;
        for (const auto& [name, body] : kDbmateFiles) {
            set.file(name, body);
            versions << name.left(14);
        }
        const QString ran = runDbmate(db, set.path(), {QStringLiteral("up")});
        QVERIFY2(ran.isEmpty(), qPrintable(ran));

        int exitCode = -1;
        const QJsonObject status = runJson(db.url(), set.path(), QStringLiteral("status"), &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(toolsOf(status), QStringList{QStringLiteral("dbmate schema_migrations 3")});
        QCOMPARE(rowVersions(status), versions);
        QVERIFY(problemKinds(status).contains(QStringLiteral("managed-by-other-tool")));

        const auto text = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("status")}));
        QVERIFY2(text.out.contains(QStringLiteral("managed by dbmate: 3 migrations applied (%1)")
                                       .arg(versions.join(QStringLiteral(", ")))),
                 qPrintable(describe(text)));
        QVERIFY2(
            text.out.contains(QStringLiteral("Version:   none in Strata's history; another tool's history is "
                                             "below")),
            qPrintable(describe(text)));

        const QJsonObject history = runJson(db.url(), set.path(), QStringLiteral("history"), &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(toolsOf(history), QStringList{QStringLiteral("dbmate schema_migrations 3")});

        checkRefusedUnchanged(db.url(), set.path(), QStringLiteral("managed-by-other-tool"),
                              {QStringLiteral("dbmate up"), QStringLiteral("strata-cli adopt")});
        // Strata wrote nothing of its own, and dbmate itself still finds every file applied.
        QVERIFY(!userTables(*openDatabase(db.url())).contains(QStringLiteral("schema_version")));
        const QString dbmateStatus =
            runDbmate(db, set.path(), {QStringLiteral("status"), QStringLiteral("--exit-code")});
        QVERIFY2(dbmateStatus.isEmpty(), qPrintable(dbmateStatus));
    }

    void numberedRunner_data() { engines(); }
    void numberedRunner()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_create_tables.sql"),
                 "CREATE TABLE recommendations (reco_id INTEGER PRIMARY KEY, symbol TEXT NOT NULL);\n")
            .file(QStringLiteral("002_add_targets.sql"),
                  "CREATE TABLE reco_targets (reco_id INTEGER NOT NULL, ordinal INTEGER NOT NULL);\n");
        // seed 001's runner: its table, then each file and its row (version = the file name).
        const bool pg = engine == Engine::Postgres;
        const QString error = execute(
            db.url(),
            {pg ? QStringLiteral("CREATE TABLE schema_migrations (migration_id SERIAL PRIMARY KEY, version "
                                 "VARCHAR(255) NOT NULL UNIQUE, name VARCHAR(255), applied_at TIMESTAMPTZ "
                                 "DEFAULT NOW(), checksum VARCHAR(64), execution_time_ms INTEGER)")
                : QStringLiteral(
                      "CREATE TABLE schema_migrations (migration_id INTEGER PRIMARY KEY "
                      "AUTOINCREMENT, version TEXT NOT NULL UNIQUE, name TEXT, applied_at "
                      "TIMESTAMP DEFAULT CURRENT_TIMESTAMP, checksum TEXT, execution_time_ms INTEGER)"),
             QStringLiteral(
                 "CREATE TABLE recommendations (reco_id INTEGER PRIMARY KEY, symbol TEXT NOT NULL)"),
             QStringLiteral("INSERT INTO schema_migrations (version, name, execution_time_ms) VALUES "
                            "('001_create_tables', 'Create tables', 12)"),
             QStringLiteral("CREATE TABLE reco_targets (reco_id INTEGER NOT NULL, ordinal INTEGER NOT NULL)"),
             QStringLiteral("INSERT INTO schema_migrations (version, name, execution_time_ms) VALUES "
                            "('002_add_targets', 'Add targets', 7)")});
        QVERIFY2(error.isEmpty(), qPrintable(error));

        int exitCode = -1;
        const QJsonObject status = runJson(db.url(), set.path(), QStringLiteral("status"), &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(toolsOf(status), QStringList{QStringLiteral("numbered-sql runner schema_migrations 2")});
        QCOMPARE(rowVersions(status),
                 (QStringList{QStringLiteral("001_create_tables"), QStringLiteral("002_add_targets")}));
        const auto text = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("history")}));
        QVERIFY2(text.out.contains(QStringLiteral("managed by numbered-sql runner: 2 migrations applied "
                                                  "(001_create_tables, 002_add_targets), last at ")),
                 qPrintable(describe(text)));
        checkRefusedUnchanged(db.url(), set.path(), QStringLiteral("managed-by-other-tool"),
                              {QStringLiteral("schema_migrations")});
    }

    void unsettledRows_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::addColumn<QStringList>("ddl");
        QTest::addColumn<QString>("says");
        for (const Engine engine : {Engine::Sqlite, Engine::Postgres}) {
            const bool pg = engine == Engine::Postgres;
            // golang-migrate v4's own tables, and the row it leaves when version 3 fails part-way.
            QTest::newRow(qPrintable(engineName(engine) + QStringLiteral(" golang-migrate dirty")))
                << engine
                << QStringList{pg ? QStringLiteral(
                                        "CREATE TABLE IF NOT EXISTS \"schema_migrations\" (version "
                                        "bigint not null primary key, dirty boolean not null)")
                                  : QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version "
                                                   "uint64,dirty bool)"),
                               pg ? QStringLiteral("SELECT 1")
                                  : QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS version_unique ON "
                                                   "schema_migrations (version)"),
                               pg ? QStringLiteral(
                                        "INSERT INTO schema_migrations (version, dirty) VALUES (3, true)")
                                  : QStringLiteral(
                                        "INSERT INTO schema_migrations (version, dirty) VALUES (3, 1)")}
                << QStringLiteral("migrate force");
            // Flyway 10's table (flyway/flyway flyway-core/src/main/resources/org/flywaydb/core/internal/
            // database/postgresql/createMetaDataTable.sql and .../sqlite/createMetaDataTable.sql, ${schema}
            // being public or main) and a failed versioned row after a successful one.
            QTest::newRow(qPrintable(engineName(engine) + QStringLiteral(" flyway failed")))
                << engine
                << QStringList{pg ? QStringLiteral(
                                        "CREATE TABLE \"public\".\"flyway_schema_history\" "
                                        "(\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50), "
                                        "\"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT "
                                        "NULL, \"script\" VARCHAR(1000) NOT NULL, \"checksum\" INTEGER, "
                                        "\"installed_by\" VARCHAR(100) NOT NULL, "
                                        "\"installed_on\" TIMESTAMP NOT NULL DEFAULT now(), "
                                        "\"execution_time\" INTEGER NOT NULL, \"success\" BOOLEAN NOT NULL)")
                                  : QStringLiteral(
                                        "CREATE TABLE \"main\".\"flyway_schema_history\" (\"installed_rank\" "
                                        "INT NOT NULL PRIMARY KEY, \"version\" VARCHAR(50), \"description\" "
                                        "VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, \"script\" "
                                        "VARCHAR(1000) NOT NULL, \"checksum\" INT, \"installed_by\" "
                                        "VARCHAR(100) NOT NULL, \"installed_on\" TEXT NOT NULL DEFAULT "
                                        "(strftime('%Y-%m-%d %H:%M:%f','now')), \"execution_time\" INT NOT "
                                        "NULL, \"success\" BOOLEAN NOT NULL)"),
                               pg ? QStringLiteral("ALTER TABLE \"public\".\"flyway_schema_history\" ADD "
                                                   "CONSTRAINT \"flyway_schema_history_pk\" PRIMARY KEY "
                                                   "(\"installed_rank\")")
                                  : QStringLiteral("SELECT 1"),
                               pg ? QStringLiteral("CREATE INDEX \"flyway_schema_history_s_idx\" ON "
                                                   "\"public\".\"flyway_schema_history\" (\"success\")")
                                  : QStringLiteral("CREATE INDEX \"main\".\"flyway_schema_history_s_idx\" ON "
                                                   "\"flyway_schema_history\" (\"success\")"),
                               QStringLiteral(
                                   "INSERT INTO flyway_schema_history (installed_rank, version, "
                                   "description, type, script, checksum, installed_by, "
                                   "execution_time, success) VALUES (1, '1', 'create accounts', "
                                   "'SQL', 'V1__create_accounts.sql', 1270311911, 'deploy', 14, %1)")
                                   .arg(pg ? QStringLiteral("true") : QStringLiteral("1")),
                               QStringLiteral("INSERT INTO flyway_schema_history (installed_rank, version, "
                                              "description, type, script, checksum, installed_by, "
                                              "execution_time, success) VALUES (2, '2', 'add orders', 'SQL', "
                                              "'V2__add_orders.sql', -811210022, 'deploy', 3, %1)")
                                   .arg(pg ? QStringLiteral("false") : QStringLiteral("0"))}
                << QStringLiteral("flyway repair");
            // Prisma's table, and a migration marked with `prisma migrate resolve --rolled-back`.
            QTest::newRow(qPrintable(engineName(engine) + QStringLiteral(" prisma rolled back")))
                << engine
                << QStringList{pg ? QStringLiteral(
                                        "CREATE TABLE \"_prisma_migrations\" (\"id\" VARCHAR(36) PRIMARY "
                                        "KEY NOT NULL, \"checksum\" VARCHAR(64) NOT NULL, \"finished_at\" "
                                        "TIMESTAMPTZ, \"migration_name\" VARCHAR(255) NOT NULL, \"logs\" "
                                        "TEXT, \"rolled_back_at\" TIMESTAMPTZ, \"started_at\" TIMESTAMPTZ "
                                        "NOT NULL DEFAULT now(), \"applied_steps_count\" INTEGER NOT NULL "
                                        "DEFAULT 0)")
                                  : QStringLiteral(
                                        "CREATE TABLE \"_prisma_migrations\" (\"id\" TEXT PRIMARY KEY NOT "
                                        "NULL, \"checksum\" TEXT NOT NULL, \"finished_at\" DATETIME, "
                                        "\"migration_name\" TEXT NOT NULL, \"logs\" TEXT, "
                                        "\"rolled_back_at\" DATETIME, \"started_at\" DATETIME NOT NULL "
                                        "DEFAULT current_timestamp, \"applied_steps_count\" INTEGER "
                                        "UNSIGNED NOT NULL DEFAULT 0)"),
                               QStringLiteral(
                                   "INSERT INTO _prisma_migrations (id, checksum, finished_at, "
                                   "migration_name, logs, rolled_back_at, applied_steps_count) VALUES "
                                   "('0b6c1a2e-4f5d-4a51-9d4e-1f7a2b3c4d5e', "
                                   "'d2c1b4a5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091', "
                                   "NULL, '20241022_strategy_plan', 'relation \"plans\" already exists', "
                                   "CURRENT_TIMESTAMP, 0)")}
                << QStringLiteral("prisma migrate deploy");
        }
    }

    void unsettledRows()
    {
        QFETCH(Engine, engine);
        QFETCH(QStringList, ddl);
        QFETCH(QString, says);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_accounts/01_tables.sql"),
                 "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n");
        const QString error = execute(db.url(), ddl);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const QJsonObject status = runJson(db.url(), set.path(), QStringLiteral("status"));
        QVERIFY2(problemKinds(status).contains(QStringLiteral("other-tool-unsettled")),
                 qPrintable(QJsonDocument(status).toJson()));
        checkRefusedUnchanged(db.url(), set.path(), QStringLiteral("other-tool-unsettled"), {says});
    }

    void twoToolsInOneDatabase_data() { engines(); }
    void twoToolsInOneDatabase()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_accounts/01_tables.sql"),
                 "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n");
        const bool pg = engine == Engine::Postgres;
        // golang-migrate at version 2, and goose's table with its initial row and two applied versions: the
        // DDL of golang-migrate v4.18 (golang-migrate/migrate database/postgres/postgres.go and
        // database/sqlite3/sqlite3.go) and of goose v3.21 (pressly/goose internal/dialect/dialectquery/
        // postgres.go and sqlite3.go: serial up to v3.21.x), which databases migrated then still carry.
        const QString error = execute(
            db.url(),
            {pg ? QStringLiteral("CREATE TABLE schema_migrations (version bigint not null primary key, dirty "
                                 "boolean not null)")
                : QStringLiteral("CREATE TABLE schema_migrations (version uint64,dirty bool)"),
             QStringLiteral("INSERT INTO schema_migrations (version, dirty) VALUES (2, %1)")
                 .arg(pg ? QStringLiteral("false") : QStringLiteral("0")),
             pg ? QStringLiteral(
                      "CREATE TABLE goose_db_version (id serial NOT NULL, version_id bigint NOT NULL, "
                      "is_applied boolean NOT NULL, tstamp timestamp NULL default now(), PRIMARY "
                      "KEY(id))")
                : QStringLiteral("CREATE TABLE goose_db_version (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                                 "version_id INTEGER NOT NULL, is_applied INTEGER NOT NULL, tstamp TIMESTAMP "
                                 "DEFAULT (datetime('now')))"),
             QStringLiteral("INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, %1), (1, %1), "
                            "(2, %1)")
                 .arg(pg ? QStringLiteral("true") : QStringLiteral("1"))});
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const QJsonObject status = runJson(db.url(), set.path(), QStringLiteral("status"));
        QCOMPARE(toolsOf(status), (QStringList{QStringLiteral("golang-migrate schema_migrations 1"),
                                               QStringLiteral("goose goose_db_version 2")}));
        QCOMPARE(rowVersions(status, 1), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
        checkRefusedUnchanged(db.url(), set.path(), QStringLiteral("managed-by-other-tool"),
                              {QStringLiteral("golang-migrate"), QStringLiteral("goose"),
                               QStringLiteral("2 tools keep a history")});
    }

    /// An application's own table called schema_migrations is no tool's: Strata migrates as before.
    void tableThatOnlySharesTheName_data() { engines(); }
    void tableThatOnlySharesTheName()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_accounts/01_tables.sql"),
                 "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n");
        const QString error =
            execute(db.url(), {QStringLiteral("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, "
                                              "applied_at TEXT)"),
                               QStringLiteral("INSERT INTO schema_migrations VALUES ('1', 'yesterday')")});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject status = runJson(db.url(), set.path(), QStringLiteral("status"));
        QVERIFY2(status.contains(QStringLiteral("other_tools")), qPrintable(QJsonDocument(status).toJson()));
        QCOMPARE(toolsOf(status), QStringList{});
        const auto migrate = CliProcess::run(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("migrate"), QStringLiteral("--yes"), QStringLiteral("--no-backup")}));
        QVERIFY2(migrate.exitCode == 0, qPrintable(describe(migrate)));
    }
};

QTEST_GUILESS_MAIN(TestCliForeignHistory)
#include "tst_cli_foreign_history.moc"
