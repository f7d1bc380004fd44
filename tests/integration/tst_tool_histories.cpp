// Other tools' history tables read by src/core/tools/ on a real SQLite file and the test PostgreSQL server,
// each table created with the DDL its tool runs and filled as the tool fills it: sqlx's checksums (BLOB and
// bytea), Alembic's two heads, Liquibase's changelog, Atlas's revisions (on PostgreSQL in their own schema),
// goose's rolled-back version and its version-0 row, and a Prisma migration that never finished.

#include <QtTest>

#include "ScratchDatabases.h"
#include "connection/DatabaseOpener.h"
#include "tools/ToolHistories.h"

using namespace strata;
using namespace strata::test;

namespace {

enum class Engine { Sqlite, Postgres };

/// "version state [checksum]" for each row.
QString describe(const ForeignRow& row)
{
    QString state = QStringLiteral("applied");
    if (row.dirty)
        state = QStringLiteral("dirty");
    else if (row.failed)
        state = QStringLiteral("failed");
    else if (row.rolledBack)
        state = QStringLiteral("rolled-back");
    else if (!row.finished)
        state = QStringLiteral("unfinished");
    return QStringLiteral("%1 %2%3").arg(
        row.version, state, row.checksum.isEmpty() ? QString() : QLatin1Char(' ') + row.checksum);
}

/// "tool table: row; row" for each table found.
QStringList describe(const QList<ForeignHistory>& histories)
{
    QStringList lines;
    for (const auto& h : histories) {
        QStringList rows;
        for (const auto& row : h.rows)
            rows << describe(row);
        lines << QStringLiteral("%1 %2: %3%4")
                     .arg(h.tool, h.table, rows.join(QStringLiteral("; ")),
                          h.readError.isEmpty() ? QString() : QStringLiteral(" ERROR ") + h.readError);
    }
    return lines;
}

} // namespace

Q_DECLARE_METATYPE(Engine)

class TestToolHistories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEachTool_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("problem");
        for (const Engine engine : {Engine::Sqlite, Engine::Postgres}) {
            const bool pg = engine == Engine::Postgres;
            const QString e = pg ? QStringLiteral("postgresql ") : QStringLiteral("sqlite ");
            // sqlx 0.8's DDL, from launchbadge/sqlx sqlx-postgres/src/migrate.rs and
            // sqlx-sqlite/src/migrate.rs (ensure_migrations_table). sqlx 0.8 writes success = TRUE in the
            // migration's own transaction; a row with success = false is one sqlx refuses to run past
            // (dirty_version: "partially applied").
            QTest::newRow(qPrintable(e + QStringLiteral("sqlx")))
                << engine
                << QStringList{QStringLiteral(
                                   "CREATE TABLE IF NOT EXISTS _sqlx_migrations (version BIGINT PRIMARY KEY, "
                                   "description TEXT NOT NULL, installed_on %1, success BOOLEAN NOT NULL, "
                                   "checksum %2 NOT NULL, execution_time BIGINT NOT NULL)")
                                   .arg(pg ? QStringLiteral("TIMESTAMPTZ NOT NULL DEFAULT now()")
                                           : QStringLiteral("TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"),
                                        pg ? QStringLiteral("BYTEA") : QStringLiteral("BLOB")),
                               QStringLiteral(
                                   "INSERT INTO _sqlx_migrations (version, description, success, checksum, "
                                   "execution_time) VALUES (20240101000000, 'create users', %1, %2, 1200)")
                                   .arg(pg ? QStringLiteral("true") : QStringLiteral("1"),
                                        pg ? QStringLiteral("decode('ab01', 'hex')")
                                           : QStringLiteral("X'AB01'")),
                               QStringLiteral(
                                   "INSERT INTO _sqlx_migrations (version, description, success, checksum, "
                                   "execution_time) VALUES (20240102000000, 'add index', %1, %2, 40)")
                                   .arg(pg ? QStringLiteral("false") : QStringLiteral("0"),
                                        pg ? QStringLiteral("decode('cd02', 'hex')")
                                           : QStringLiteral("X'CD02'"))}
                << QStringList{QStringLiteral(
                       "sqlx _sqlx_migrations: 20240101000000 applied ab01; 20240102000000 "
                       "failed cd02")}
                << QStringLiteral("partially applied");
            // Alembic 1.8.1's DDL (Debian 12's python3-alembic), as `alembic upgrade head --sql` prints it
            // for SQLite and PostgreSQL; the table is defined in sqlalchemy/alembic
            // alembic/runtime/migration.py (version_table_pk, on by default, adds the alembic_version_pkc
            // key).
            QTest::newRow(qPrintable(e + QStringLiteral("alembic two heads")))
                << engine
                << QStringList{QStringLiteral(
                                   "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                                   "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"),
                               QStringLiteral(
                                   "INSERT INTO alembic_version (version_num) VALUES ('a1b2c3d4e5f6')"),
                               QStringLiteral(
                                   "INSERT INTO alembic_version (version_num) VALUES ('0f9e8d7c6b5a')")}
                << QStringList{QStringLiteral(
                       "Alembic alembic_version: 0f9e8d7c6b5a applied; a1b2c3d4e5f6 applied")}
                << QString();
            // Liquibase 4.x's table: the columns of liquibase/liquibase liquibase-standard/.../sqlgenerator/
            // core/CreateDatabaseChangeLogTableGenerator.java, typed as Liquibase's DataTypeFactory types
            // them on each engine (datetime: TIMESTAMP WITHOUT TIME ZONE, TEXT on SQLite), and named as
            // Liquibase names it: unquoted DATABASECHANGELOG, which PostgreSQL folds to lower case and SQLite
            // keeps.
            const QString liquibaseTable =
                pg ? QStringLiteral("databasechangelog") : QStringLiteral("DATABASECHANGELOG");
            QTest::newRow(qPrintable(e + QStringLiteral("liquibase")))
                << engine
                << QStringList{QStringLiteral(
                                   "CREATE TABLE %1 (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, "
                                   "FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED %2 NOT NULL, ORDEREXECUTED "
                                   "INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), "
                                   "DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), "
                                   "LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), "
                                   "DEPLOYMENT_ID VARCHAR(10))")
                                   .arg(pg ? QStringLiteral("public.DATABASECHANGELOG") : liquibaseTable,
                                        pg ? QStringLiteral("TIMESTAMP WITHOUT TIME ZONE")
                                           : QStringLiteral("TEXT")),
                               QStringLiteral(
                                   "INSERT INTO DATABASECHANGELOG VALUES ('1', 'ops', "
                                   "'db/changelog.xml', '2024-01-01 10:00:00', 1, 'EXECUTED', "
                                   "'9:0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'createTable', '', NULL, "
                                   "'4.25.1', NULL, NULL, '4102400001')"),
                               QStringLiteral("INSERT INTO DATABASECHANGELOG VALUES ('2', 'ops', "
                                              "'db/changelog.xml', '2024-01-02 10:00:00', 2, 'MARK_RAN', "
                                              "'9:aa', 'addColumn', '', NULL, '4.25.1', NULL, NULL, "
                                              "'4102400002')"),
                               QStringLiteral("INSERT INTO DATABASECHANGELOG VALUES ('views', 'ops', "
                                              "'db/changelog.xml', '2024-01-03 10:00:00', 3, 'RERAN', "
                                              "'9:bb', 'createView', '', NULL, '4.25.1', NULL, NULL, "
                                              "'4102400003')")}
                << QStringList{QStringLiteral("Liquibase %1: 1 applied 9:0f1e2d3c4b5a69788796a5b4c3d2e1f0; 2 "
                                              "applied 9:aa; views applied 9:bb")
                                   .arg(liquibaseTable)}
                << QString();
            // A table no Liquibase since 1.x has run on: StandardChangeLogHistoryService.init adds
            // ORDEREXECUTED, EXECTYPE, CONTEXTS, LABELS and DEPLOYMENT_ID on Liquibase's next run.
            QTest::newRow(qPrintable(e + QStringLiteral("liquibase 1.x table")))
                << engine
                << QStringList{QStringLiteral(
                                   "CREATE TABLE %1 (ID VARCHAR(63) NOT NULL, AUTHOR VARCHAR(63) NOT "
                                   "NULL, FILENAME VARCHAR(200) NOT NULL, DATEEXECUTED %2 NOT NULL, "
                                   "MD5SUM VARCHAR(32), DESCRIPTION VARCHAR(255), COMMENTS "
                                   "VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(10), PRIMARY "
                                   "KEY (ID, AUTHOR, FILENAME))")
                                   .arg(pg ? QStringLiteral("public.DATABASECHANGELOG") : liquibaseTable,
                                        pg ? QStringLiteral("TIMESTAMP WITHOUT TIME ZONE")
                                           : QStringLiteral("TEXT")),
                               QStringLiteral(
                                   "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, "
                                   "MD5SUM) VALUES ('2', 'ops', 'changelog.xml', '2009-05-02 "
                                   "10:00:00', 'ab'), ('1', 'ops', 'changelog.xml', '2009-05-01 "
                                   "10:00:00', 'cd')")}
                << QStringList{QStringLiteral("Liquibase %1: 1 applied cd; 2 applied ab").arg(liquibaseTable)}
                << QString();
            // Atlas v1.2.3's table: the columns of ariga/atlas
            // cmd/atlas/internal/migrate/ent/schema/revision.go (ent/migrate/schema.go), on PostgreSQL as
            // Atlas renders it, in the schema atlas_schema_revisions unless the URL names one
            // (cmdapi/migrate.go, revisionSchemaName); on SQLite typed as ent's SQLite dialect types them. A
            // baseline (type 1), the revisions table's id row, a partial revision (1 of 3 statements), and a
            // partial one later marked fixed by `atlas migrate set` (type 2|4).
            const QString atlasTable = pg ? QStringLiteral("atlas_schema_revisions.atlas_schema_revisions")
                                          : QStringLiteral("atlas_schema_revisions");
            const QString atlasRow =
                QStringLiteral("INSERT INTO %1 (version, description, type, applied, total, executed_at, "
                               "execution_time, error, error_stmt, hash, partial_hashes, operator_version) "
                               "VALUES (%2)")
                    .arg(atlasTable);
            QTest::newRow(qPrintable(e + QStringLiteral("atlas")))
                << engine
                << QStringList{pg ? QStringLiteral("CREATE SCHEMA \"atlas_schema_revisions\"")
                                  : QStringLiteral("SELECT 1"),
                               pg ? QStringLiteral(
                                        "CREATE TABLE \"atlas_schema_revisions\".\"atlas_schema_revisions\" "
                                        "(\"version\" character varying NOT NULL, \"description\" character "
                                        "varying NOT NULL, \"type\" bigint NOT NULL DEFAULT 2, \"applied\" "
                                        "bigint NOT NULL DEFAULT 0, \"total\" bigint NOT NULL DEFAULT 0, "
                                        "\"executed_at\" timestamptz NOT NULL, \"execution_time\" bigint NOT "
                                        "NULL, \"error\" text NULL, \"error_stmt\" text NULL, \"hash\" "
                                        "character varying NOT NULL, \"partial_hashes\" jsonb NULL, "
                                        "\"operator_version\" character varying NOT NULL, PRIMARY KEY "
                                        "(\"version\"))")
                                  : QStringLiteral(
                                        "CREATE TABLE `atlas_schema_revisions` (`version` text NOT NULL, "
                                        "`description` text NOT NULL, `type` integer NOT NULL DEFAULT 2, "
                                        "`applied` integer NOT NULL DEFAULT 0, `total` integer NOT NULL "
                                        "DEFAULT 0, `executed_at` datetime NOT NULL, `execution_time` "
                                        "integer "
                                        "NOT NULL, `error` text NULL, `error_stmt` text NULL, `hash` text "
                                        "NOT "
                                        "NULL, `partial_hashes` json NULL, `operator_version` text NOT NULL, "
                                        "PRIMARY KEY (`version`))"),
                               atlasRow.arg(QStringLiteral(
                                   "'.atlas_cloud_identifier', '6f1c2b9e-0d7a-4c55-9a43-2b8e51f0c7d1', 2, 0, "
                                   "0, '2024-01-01 09:00:00', 0, NULL, NULL, '', NULL, 'Atlas CLI v1.2.3'")),
                               atlasRow.arg(
                                   QStringLiteral("'20231231000000', 'baseline', 1, 0, 0, '2024-01-01 "
                                                  "09:30:00', 0, NULL, NULL, 'h0=', NULL, 'Atlas CLI "
                                                  "v1.2.3'")),
                               atlasRow.arg(QStringLiteral("'20240101000000', 'init', 2, 2, 2, '2024-01-01 "
                                                           "10:00:00', 1000, NULL, NULL, 'h1=', NULL, 'Atlas "
                                                           "CLI v1.2.3'")),
                               atlasRow.arg(QStringLiteral(
                                   "'20240102000000', 'orders', 6, 1, 3, '2024-01-02 10:00:00', 1000, "
                                   "'relation \"fills\" already exists', 'CREATE TABLE fills', 'h2=', NULL, "
                                   "'Atlas CLI v1.2.3'")),
                               atlasRow.arg(QStringLiteral(
                                   "'20240103000000', 'limits', 2, 1, 3, '2024-01-03 10:00:00', 1000, "
                                   "'relation \"limits\" already exists', 'CREATE TABLE limits', 'h3=', "
                                   "NULL, "
                                   "'Atlas CLI v1.2.3'"))}
                << QStringList{QStringLiteral("Atlas %1: 20231231000000 applied h0=; 20240101000000 applied "
                                              "h1=; 20240102000000 applied h2=; 20240103000000 failed h3=")
                                   .arg(atlasTable)}
                << QStringLiteral("applied 1 of 3 statements of 20240103000000");
            // goose v3.27.3's DDL, from pressly/goose internal/dialects/postgres.go and sqlite3.go
            // (PostgreSQL's identity column since v3.22.0). A down deletes the version's row since goose
            // v2.4.4; goose up to v2.4.3 inserted a row with is_applied = false instead, and goose still
            // reads a version's latest row. Version 0 is the row goose writes when it creates the table.
            QTest::newRow(qPrintable(e + QStringLiteral("goose rolled back")))
                << engine
                << QStringList{pg ? QStringLiteral(
                                        "CREATE TABLE goose_db_version (id integer PRIMARY KEY GENERATED BY "
                                        "DEFAULT AS IDENTITY, version_id bigint NOT NULL, is_applied boolean "
                                        "NOT NULL, tstamp timestamp NOT NULL DEFAULT now())")
                                  : QStringLiteral(
                                        "CREATE TABLE goose_db_version (id INTEGER PRIMARY KEY "
                                        "AUTOINCREMENT, version_id INTEGER NOT NULL, is_applied INTEGER "
                                        "NOT NULL, tstamp TIMESTAMP DEFAULT (datetime('now')))"),
                               QStringLiteral(
                                   "INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, %1), "
                                   "(1, %1), (2, %1), (2, %2), (3, %2), (3, %1)")
                                   .arg(pg ? QStringLiteral("true") : QStringLiteral("1"),
                                        pg ? QStringLiteral("false") : QStringLiteral("0"))}
                << QStringList{QStringLiteral("goose goose_db_version: 1 applied; 2 rolled-back; 3 applied")}
                << QString();
            // Prisma's DDL, from prisma/prisma-engines schema-engine/connectors/sql-schema-connector/src/
            // flavour/postgres.rs and sqlite.rs (create_migrations_table), as Prisma 7 runs it.
            const QString prismaTable =
                pg ? QStringLiteral(
                         "CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, "
                         "checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name "
                         "VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ, started_at "
                         "TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL "
                         "DEFAULT 0)")
                   : QStringLiteral(
                         "CREATE TABLE \"_prisma_migrations\" (\"id\" TEXT PRIMARY KEY NOT NULL, "
                         "\"checksum\" TEXT NOT NULL, \"finished_at\" DATETIME, \"migration_name\" "
                         "TEXT NOT NULL, \"logs\" TEXT, \"rolled_back_at\" DATETIME, \"started_at\" "
                         "DATETIME NOT NULL DEFAULT current_timestamp, \"applied_steps_count\" "
                         "INTEGER UNSIGNED NOT NULL DEFAULT 0)");
            // A failed migration marked with `prisma migrate resolve --rolled-back`, then applied again by
            // `prisma migrate deploy` in a new row: Prisma counts it as applied.
            QTest::newRow(qPrintable(e + QStringLiteral("prisma rolled back, then applied")))
                << engine
                << QStringList{prismaTable,
                               QStringLiteral("INSERT INTO _prisma_migrations (id, checksum, finished_at, "
                                              "migration_name, "
                                              "started_at, applied_steps_count) VALUES ('1', 'c1', "
                                              "'2024-10-22 10:00:01', "
                                              "'20241022_init', '2024-10-22 10:00:00', 1)"),
                               QStringLiteral(
                                   "INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, "
                                   "rolled_back_at, started_at) VALUES ('2', 'c2', '20241023_plans', "
                                   "'Database "
                                   "error code: 42P07', '2024-10-23 11:00:00', '2024-10-23 10:00:00')"),
                               QStringLiteral("INSERT INTO _prisma_migrations (id, checksum, finished_at, "
                                              "migration_name, "
                                              "started_at, applied_steps_count) VALUES ('3', 'c3', "
                                              "'2024-10-23 12:00:01', "
                                              "'20241023_plans', '2024-10-23 12:00:00', 1)")}
                << QStringList{QStringLiteral("Prisma Migrate _prisma_migrations: 20241022_init applied c1; "
                                              "20241023_plans applied c3")}
                << QString();
            QTest::newRow(qPrintable(e + QStringLiteral("prisma unfinished")))
                << engine
                << QStringList{prismaTable,
                               QStringLiteral("INSERT INTO _prisma_migrations (id, checksum, finished_at, "
                                              "migration_name, "
                                              "started_at, applied_steps_count) VALUES ('1', 'c1', "
                                              "'2024-10-22 10:00:01', "
                                              "'20241022_init', '2024-10-22 10:00:00', 1)"),
                               QStringLiteral(
                                   "INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, "
                                   "started_at) VALUES ('2', 'c2', '20241023_plans', 'Database error code: "
                                   "42P07\nrelation \"plans\" already exists', '2024-10-23 10:00:00')")}
                << QStringList{QStringLiteral("Prisma Migrate _prisma_migrations: 20241022_init applied c1; "
                                              "20241023_plans unfinished c2")}
                << QStringLiteral("never finished: Database error code: 42P07");
            // golang-migrate v4.18's DDL, from golang-migrate/migrate database/postgres/postgres.go and
            // database/sqlite3/sqlite3.go (ensureVersionTable). SetVersion writes -1 (NilVersion) only with
            // dirty = true, when the first version's down migration fails part-way.
            QTest::newRow(qPrintable(e + QStringLiteral("golang-migrate dirty nil version")))
                << engine
                << QStringList{pg ? QStringLiteral(
                                        "CREATE TABLE IF NOT EXISTS \"public\".\"schema_migrations\" "
                                        "(version bigint not null primary key, dirty boolean not null)")
                                  : QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version "
                                                   "uint64,dirty bool)"),
                               pg ? QStringLiteral("SELECT 1")
                                  : QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS version_unique ON "
                                                   "schema_migrations (version)"),
                               QStringLiteral(
                                   "INSERT INTO schema_migrations (version, dirty) VALUES (-1, %1)")
                                   .arg(pg ? QStringLiteral("true") : QStringLiteral("1"))}
                << QStringList{QStringLiteral("golang-migrate schema_migrations: -1 dirty")}
                << QStringLiteral("recorded no version, dirty");
            // Flyway 10's DDL, from flyway/flyway flyway-core/src/main/resources/org/flywaydb/core/internal/
            // database/postgresql/createMetaDataTable.sql and .../sqlite/createMetaDataTable.sql (${schema}
            // is the default schema: public, main). The baseline row, a repeatable run twice (its checksum
            // changed), version 3 undone (UNDO_SQL, Flyway Teams) and version 4 marked deleted by `flyway
            // repair` (DELETE): Flyway counts 1, 2 and the repeatable's latest run.
            const QString flywayRow = QStringLiteral(
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
                "script, checksum, installed_by, execution_time, success) VALUES (%1)");
            const QString t = pg ? QStringLiteral("true") : QStringLiteral("1");
            QTest::newRow(qPrintable(e + QStringLiteral("flyway undo, delete, repeatable")))
                << engine
                << QStringList{pg ? QStringLiteral(
                                        "CREATE TABLE \"public\".\"flyway_schema_history\" "
                                        "(\"installed_rank\" "
                                        "INT NOT NULL, \"version\" VARCHAR(50), \"description\" VARCHAR(200) "
                                        "NOT NULL, \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) "
                                        "NOT "
                                        "NULL, \"checksum\" INTEGER, \"installed_by\" VARCHAR(100) NOT NULL, "
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
                               flywayRow.arg(QStringLiteral("1, '1', '<< Flyway Baseline >>', 'BASELINE', "
                                                            "'<< Flyway Baseline >>', NULL, 'deploy', 0, ") +
                                             t),
                               flywayRow.arg(
                                   QStringLiteral("2, '2', 'add orders', 'SQL', "
                                                  "'V2__add_orders.sql', 1270311911, 'deploy', 14, ") +
                                   t),
                               flywayRow.arg(QStringLiteral("3, NULL, 'views', 'SQL', 'R__views.sql', 111, "
                                                            "'deploy', 2, ") +
                                             t),
                               flywayRow.arg(
                                   QStringLiteral("4, '3', 'add fills', 'SQL', 'V3__add_fills.sql', "
                                                  "333, 'deploy', 5, ") +
                                   t),
                               flywayRow.arg(QStringLiteral("5, '4', 'add limits', 'SQL', "
                                                            "'V4__add_limits.sql', 444, 'deploy', 5, ") +
                                             t),
                               flywayRow.arg(QStringLiteral("6, NULL, 'views', 'SQL', 'R__views.sql', "
                                                            "-811210022, 'deploy', 2, ") +
                                             t),
                               flywayRow.arg(QStringLiteral("7, '3', 'add fills', 'UNDO_SQL', "
                                                            "'U3__add_fills.sql', 555, 'deploy', 3, ") +
                                             t),
                               flywayRow.arg(QStringLiteral("8, '4', 'add limits', 'DELETE', "
                                                            "'V4__add_limits.sql', 444, 'deploy', 0, ") +
                                             t)}
                << QStringList{QStringLiteral(
                       "Flyway flyway_schema_history: 1 applied; 2 applied 1270311911; "
                       "R__views.sql applied -811210022")}
                << QString();
        }
    }

    void readsEachTool()
    {
        QFETCH(Engine, engine);
        QFETCH(QStringList, sql);
        QFETCH(QStringList, expected);
        QFETCH(QString, problem);
        std::unique_ptr<ScratchSqlite> sqlite;
        std::unique_ptr<ScratchPostgres> postgres;
        QString url;
        if (engine == Engine::Sqlite) {
            sqlite = std::make_unique<ScratchSqlite>();
            url = sqlite->url();
        } else {
            postgres = std::make_unique<ScratchPostgres>();
            STRATA_REQUIRE_POSTGRES(*postgres);
            url = postgres->url();
        }
        auto db = DatabaseOpener::open(*ConnectionUrl::parse(url), DatabaseOpener::Mode::ReadWrite);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toText()));
        for (const QString& statement : sql) {
            auto done = (*db)->execute(statement);
            QVERIFY2(done,
                     qPrintable(statement + QLatin1Char('\n') + (done ? QString() : done.error().toText())));
        }
        auto tables = (*db)->userTables();
        QVERIFY(tables);
        const QList<ForeignHistory> found = ToolHistories::read(**db, *tables);
        QCOMPARE(describe(found), expected);
        QStringList problems;
        for (const auto& h : found)
            for (const auto& row : h.troubledRows())
                problems << row.problem;
        if (problem.isEmpty())
            QCOMPARE(problems, QStringList{});
        else
            QVERIFY2(problems.join(QLatin1Char('\n')).contains(problem),
                     qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestToolHistories)
#include "tst_tool_histories.moc"
