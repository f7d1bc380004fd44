// How the run honours what other tools' folders hold, on a real SQLite file and the test PostgreSQL server:
// no-op steps (applied, recorded, rolled back by running nothing), scripts that carry their own BEGIN ...
// COMMIT (run inside Strata's transaction for the step, with its history row), scripts that commit in their
// middle (run as no-transaction steps, the plan saying why), and Flyway's repeatable R__ scripts (run after
// the versioned steps, by description, and again whenever their text changes).

#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "common/TextFile.h"
#include "migrations/HistoryStore.h"

using namespace strata;
using namespace strata::test;

namespace {

enum class Engine { Sqlite, Postgres };

/// A scratch database of either engine, open.
struct Scratch
{
    std::unique_ptr<ScratchSqlite> sqlite;
    std::unique_ptr<ScratchPostgres> postgres;
    std::unique_ptr<Database> db;
    QString error;

    explicit Scratch(Engine engine)
    {
        QString url;
        if (engine == Engine::Sqlite) {
            sqlite = std::make_unique<ScratchSqlite>();
            url = sqlite->url();
        } else {
            postgres = std::make_unique<ScratchPostgres>();
            if (!postgres->ok()) {
                error = postgres->error();
                return;
            }
            url = postgres->url();
        }
        auto opened = MigrationHarness::open(url);
        if (!opened)
            error = opened.error().toText();
        else
            db = std::move(opened).value();
    }
};

QString text(const Error& error)
{
    return error.toText();
}

/// A repeatable script as the Flyway layout gives it (R__<description>.sql).
MigrationStep repeatable(const QString& description, const QByteArray& sql)
{
    MigrationStep s;
    s.repeatable = true;
    s.layout = QStringLiteral("flyway");
    s.version = 0;
    s.name = description;
    s.forwardPath =
        QStringLiteral("R__%1.sql").arg(QString(description).replace(QLatin1Char(' '), QLatin1Char('_')));
    s.forwardSql = sql;
    s.checksum = TextFile::sha256(sql);
    return s;
}

QStringList column(Database& db, const QString& sql)
{
    QStringList values;
    auto rows = db.query(sql);
    if (!rows)
        return {QStringLiteral("query failed: ") + rows.error().what};
    for (const auto& r : rows->rows)
        values << r.value(0).toString();
    return values;
}

QString transactionalColumn(Database& db, const QString& slot)
{
    const QStringList parts = slot.split(QLatin1Char('.'));
    return column(db, QStringLiteral("SELECT transactional FROM schema_version_steps WHERE version = %1 AND "
                                     "step = %2")
                          .arg(parts.at(0), parts.at(1)))
        .value(0);
}

} // namespace

Q_DECLARE_METATYPE(Engine)

class TestLayoutRuns : public QObject
{
    Q_OBJECT

    static void engines()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

private Q_SLOTS:
    void noOpStepIsRecordedShownAndRolledBack_data() { engines(); }
    void noOpStepIsRecordedShownAndRolledBack()
    {
        QFETCH(Engine, engine);
        Scratch scratch(engine);
        QVERIFY2(scratch.db, qPrintable(scratch.error));
        Database& db = *scratch.db;
        SetBuilder folder;
        folder.file(QStringLiteral("1_accounts.up.sql"), "CREATE TABLE accounts (id INT);\n")
            .file(QStringLiteral("1_accounts.down.sql"), "DROP TABLE accounts;\n")
            .file(QStringLiteral("3_fills.up.sql"), "CREATE TABLE fills (id INT);\n")
            .file(QStringLiteral("3_fills.down.sql"), "DROP TABLE fills;\n");
        auto set = MigrationHarness::load(folder.path());
        QVERIFY2(set, set ? "" : qPrintable(text(set.error())));
        QCOMPARE(set->steps.size(), 2);
        // What the golang-migrate layout makes of a comment-only 2_add_nothing.up.sql without a down file.
        MigrationStep nothing;
        nothing.version = 2;
        nothing.name = QStringLiteral("add_nothing");
        nothing.versionName = QStringLiteral("2_add_nothing");
        nothing.layout = QStringLiteral("golang-migrate");
        nothing.noOp = true;
        nothing.forwardPath = QStringLiteral("2_add_nothing.up.sql");
        nothing.forwardSql = "-- kept for the numbering; nothing to change\n";
        nothing.checksum = TextFile::sha256(nothing.forwardSql);
        set->steps.insert(1, nothing);

        auto plan = MigrationHarness::planUp(db, *set);
        QVERIFY2(plan, plan ? "" : qPrintable(text(plan.error())));
        QCOMPARE(plan->steps.size(), 3);
        QCOMPARE(plan->steps.at(1).label(), QStringLiteral("2.1 add_nothing (2_add_nothing.up.sql, no-op)"));

        auto migrated = MigrationHarness::migrate(db, *set);
        QVERIFY2(migrated, migrated ? "" : qPrintable(text(migrated.error())));
        QCOMPARE(migrated->steps, 3);
        QCOMPARE(MigrationHarness::stepStatuses(db),
                 (QStringList{"1.1=applied", "2.1=applied", "3.1=applied"}));
        QCOMPARE(column(db, QStringLiteral(
                                "SELECT version FROM schema_version WHERE success = 1 ORDER BY version")),
                 (QStringList{"1", "2", "3"}));

        // The no-op step has no rollback script, and needs none: rolling it back runs nothing.
        auto down = MigrationHarness::planDown(db, *set, 1);
        QVERIFY2(down, down ? "" : qPrintable(text(down.error())));
        QCOMPARE(down->steps.size(), 2);
        auto rolledBack = MigrationHarness::rollback(db, *set, 1);
        QVERIFY2(rolledBack, rolledBack ? "" : qPrintable(text(rolledBack.error())));
        QCOMPARE(MigrationHarness::stepStatuses(db),
                 (QStringList{"1.1=applied", "2.1=rolled_back", "3.1=rolled_back"}));
        QVERIFY(db.tableExists(QStringLiteral("accounts")).value());
        QVERIFY(!db.tableExists(QStringLiteral("fills")).value());
        QCOMPARE(column(db, QStringLiteral("SELECT MAX(version) FROM schema_version WHERE success = 1")),
                 QStringList{"1"});
    }

    void scriptWithItsOwnTransactionRunsInTheStepsTransaction_data() { engines(); }
    void scriptWithItsOwnTransactionRunsInTheStepsTransaction()
    {
        QFETCH(Engine, engine);
        Scratch scratch(engine);
        QVERIFY2(scratch.db, qPrintable(scratch.error));
        Database& db = *scratch.db;
        const QByteArray begin =
            engine == Engine::Sqlite ? "BEGIN IMMEDIATE TRANSACTION" : "START TRANSACTION";
        SetBuilder folder;
        folder
            .file(QStringLiteral("001_accounts.sql"),
                  "-- psql-run files wrap themselves\nBEGIN;\nCREATE TABLE accounts (id INT);\n"
                  "INSERT INTO accounts VALUES (1);\nCOMMIT;\n")
            .file(QStringLiteral("002_orders.sql"),
                  begin + ";\nCREATE TABLE orders (id INT, account INT);\nINSERT INTO orders VALUES (1, 1);\n"
                          "END TRANSACTION;\n");
        auto set = MigrationHarness::load(folder.path());
        QVERIFY2(set, set ? "" : qPrintable(text(set.error())));
        auto plan = MigrationHarness::planUp(db, *set);
        QVERIFY2(plan, plan ? "" : qPrintable(text(plan.error())));
        QCOMPARE(plan->steps.size(), 2);
        for (const auto& s : plan->steps) {
            QVERIFY2(s.ownTransaction, qPrintable(s.label()));
            QVERIFY(s.transactional());
        }
        auto migrated = MigrationHarness::migrate(db, *set);
        QVERIFY2(migrated, migrated ? "" : qPrintable(text(migrated.error())));
        QCOMPARE(MigrationHarness::stepStatuses(db), (QStringList{"1.1=applied", "2.1=applied"}));
        QCOMPARE(transactionalColumn(db, QStringLiteral("2.1")), QStringLiteral("1"));
        QCOMPARE(column(db, QStringLiteral("SELECT COUNT(*) FROM orders")), QStringList{"1"});

        // A failure inside such a script leaves nothing of it, and no applied row: the script's statements
        // ran in the step's transaction, which was rolled back.
        folder.file(QStringLiteral("003_fills.sql"),
                    "BEGIN;\nCREATE TABLE fills (id INT);\nINSERT INTO fills "
                    "VALUES (1);\nINSERT INTO no_such_table VALUES (1);\n"
                    "COMMIT;\n");
        auto again = MigrationHarness::load(folder.path());
        QVERIFY(again);
        auto failed = MigrationHarness::migrate(db, *again);
        QVERIFY(!failed);
        QVERIFY2(failed.error().what.contains(QStringLiteral("003_fills.sql:4:")),
                 qPrintable(failed.error().what));
        QVERIFY2(failed.error().unchanged.contains(QStringLiteral("nothing of it remains")),
                 qPrintable(failed.error().unchanged));
        QVERIFY(!db.tableExists(QStringLiteral("fills")).value());
        QCOMPARE(MigrationHarness::stepStatuses(db),
                 (QStringList{"1.1=applied", "2.1=applied", "3.1=failed"}));
        QCOMPARE(column(db, QStringLiteral("SELECT MAX(version) FROM schema_version WHERE success = 1")),
                 QStringList{"2"});
        // No transaction was left open by the script's own BEGIN.
        QVERIFY(db.begin().ok());
        QVERIFY(db.rollback().ok());

        // A rollback script wrapped the same way rolls back in the step's transaction.
        folder.remove(QStringLiteral("003_fills.sql"))
            .file(QStringLiteral("002_orders.down.sql"), "BEGIN;\nDROP TABLE orders;\nCOMMIT;\n");
        auto withDown = MigrationHarness::load(folder.path());
        QVERIFY2(withDown, withDown ? "" : qPrintable(text(withDown.error())));
        auto down = MigrationHarness::planDown(db, *withDown, 1);
        QVERIFY2(down, down ? "" : qPrintable(text(down.error())));
        QCOMPARE(down->steps.size(), 1);
        QVERIFY(down->steps.first().ownTransaction);
        auto rolledBack = MigrationHarness::rollback(db, *withDown, 1);
        QVERIFY2(rolledBack, rolledBack ? "" : qPrintable(text(rolledBack.error())));
        QVERIFY(!db.tableExists(QStringLiteral("orders")).value());
        QCOMPARE(MigrationHarness::stepStatuses(db),
                 (QStringList{"1.1=applied", "2.1=rolled_back", "3.1=failed"}));
    }

    void commitInTheMiddleRunsOutsideATransaction_data() { engines(); }
    void commitInTheMiddleRunsOutsideATransaction()
    {
        QFETCH(Engine, engine);
        Scratch scratch(engine);
        QVERIFY2(scratch.db, qPrintable(scratch.error));
        Database& db = *scratch.db;
        SetBuilder folder;
        folder.file(QStringLiteral("001_accounts.sql"), "CREATE TABLE accounts (id INT);\n")
            .file(QStringLiteral("002_backfill.sql"),
                  "BEGIN;\nCREATE TABLE limits (id INT);\nCOMMIT;\nBEGIN;\nINSERT INTO limits VALUES (7);\n"
                  "COMMIT;\n");
        auto set = MigrationHarness::load(folder.path());
        QVERIFY2(set, set ? "" : qPrintable(text(set.error())));
        auto plan = MigrationHarness::planUp(db, *set);
        QVERIFY2(plan, plan ? "" : qPrintable(text(plan.error())));
        const MigrationStep& backfill = plan->steps.at(1);
        QVERIFY(!backfill.transactional());
        QVERIFY(!backfill.ownTransaction);
        QVERIFY2(backfill.noTransactionReason.contains(QStringLiteral("002_backfill.sql:3")) &&
                     backfill.noTransactionReason.contains(QStringLiteral("COMMIT")),
                 qPrintable(backfill.noTransactionReason));
        QVERIFY(plan->steps.at(0).transactional());

        auto migrated = MigrationHarness::migrate(db, *set);
        QVERIFY2(migrated, migrated ? "" : qPrintable(text(migrated.error())));
        QCOMPARE(MigrationHarness::stepStatuses(db), (QStringList{"1.1=applied", "2.1=applied"}));
        QCOMPARE(transactionalColumn(db, QStringLiteral("2.1")), QStringLiteral("0"));
        QCOMPARE(column(db, QStringLiteral("SELECT id FROM limits")), QStringList{"7"});

        // Failing after its own COMMIT: the committed part stays, and the step is dirty (started), so the
        // next migrate refuses until the operator settles it.
        folder.file(
            QStringLiteral("003_positions.sql"),
            "BEGIN;\nCREATE TABLE positions (id INT);\nCOMMIT;\nINSERT INTO no_such_table VALUES (1);\n");
        auto again = MigrationHarness::load(folder.path());
        QVERIFY(again);
        auto failed = MigrationHarness::migrate(db, *again);
        QVERIFY(!failed);
        QVERIFY2(failed.error().what.contains(QStringLiteral("003_positions.sql:4:")),
                 qPrintable(failed.error().what));
        QVERIFY(db.tableExists(QStringLiteral("positions")).value());
        QCOMPARE(MigrationHarness::stepStatuses(db),
                 (QStringList{"1.1=applied", "2.1=applied", "3.1=started"}));
        auto refused = MigrationHarness::migrate(db, *again);
        QVERIFY(!refused);
        QVERIFY2(refused.error().what.contains(QStringLiteral("never finished")),
                 qPrintable(refused.error().what));

        // Failing inside its own second transaction: that transaction is rolled back (on PostgreSQL it is
        // aborted and would refuse every later statement), the first part stays, and the dirty row keeps the
        // error.
        SetBuilder other;
        other.file(QStringLiteral("001_accounts.sql"), "CREATE TABLE accounts (id INT);\n")
            .file(QStringLiteral("002_split.sql"),
                  "BEGIN;\nCREATE TABLE ledgers (id INT);\nCOMMIT;\nBEGIN;\nCREATE TABLE journals (id INT);\n"
                  "INSERT INTO no_such_table VALUES (1);\nCOMMIT;\n");
        Scratch second(engine);
        QVERIFY2(second.db, qPrintable(second.error));
        auto split = MigrationHarness::migrate(*second.db, *MigrationHarness::load(other.path()));
        QVERIFY(!split);
        QVERIFY(second.db->tableExists(QStringLiteral("ledgers")).value());
        QVERIFY(!second.db->tableExists(QStringLiteral("journals")).value());
        QCOMPARE(MigrationHarness::stepStatuses(*second.db), (QStringList{"1.1=applied", "2.1=started"}));
        const QString recorded =
            column(*second.db,
                   QStringLiteral("SELECT error_message FROM schema_version_steps WHERE version = 2"))
                .value(0);
        QVERIFY2(recorded.contains(QStringLiteral("no_such_table")), qPrintable(recorded));
    }

    void concurrentIndexAndNewEnumValueOnPostgres()
    {
        Scratch scratch(Engine::Postgres);
        QVERIFY2(scratch.db, qPrintable(scratch.error));
        Database& db = *scratch.db;
        SetBuilder folder;
        folder
            .file(QStringLiteral("001_orders.sql"),
                  "BEGIN;\nCREATE TYPE order_state AS ENUM ('new', 'filled');\n"
                  "CREATE TABLE orders (id INT PRIMARY KEY, state order_state NOT NULL);\n"
                  "INSERT INTO orders VALUES (1, 'new'), (2, 'filled');\nCOMMIT;\n")
            .file(QStringLiteral("002_orders_state_index.sql"),
                  "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY orders_state ON orders (state);\n")
            // PostgreSQL refuses to use an enum value in the transaction that added it: the file commits
            // between the two, as golang-migrate folders do.
            .file(QStringLiteral("003_cancelled.sql"),
                  "BEGIN;\nALTER TYPE order_state ADD VALUE 'cancelled';\nCOMMIT;\n"
                  "BEGIN;\nUPDATE orders SET state = 'cancelled' WHERE id = 1;\nCOMMIT;\n");
        auto set = MigrationHarness::load(folder.path());
        QVERIFY2(set, set ? "" : qPrintable(text(set.error())));
        auto plan = MigrationHarness::planUp(db, *set);
        QVERIFY2(plan, plan ? "" : qPrintable(text(plan.error())));
        QVERIFY(plan->steps.at(0).ownTransaction);
        QVERIFY(!plan->steps.at(1).transactional());
        QVERIFY(plan->steps.at(1).noTransactionReason.isEmpty()); // its header says so
        QVERIFY(!plan->steps.at(2).transactional());
        QVERIFY2(plan->steps.at(2).noTransactionReason.contains(QStringLiteral("003_cancelled.sql:3")),
                 qPrintable(plan->steps.at(2).noTransactionReason));

        auto migrated = MigrationHarness::migrate(db, *set);
        QVERIFY2(migrated, migrated ? "" : qPrintable(text(migrated.error())));
        QCOMPARE(MigrationHarness::stepStatuses(db),
                 (QStringList{"1.1=applied", "2.1=applied", "3.1=applied"}));
        QCOMPARE(column(db, QStringLiteral("SELECT indisvalid::text FROM pg_index WHERE indexrelid = "
                                           "'orders_state'::regclass")),
                 QStringList{"true"});
        QCOMPARE(column(db, QStringLiteral("SELECT state::text FROM orders ORDER BY id")),
                 (QStringList{"cancelled", "filled"}));
        QCOMPARE(column(db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE state = 'cancelled'")),
                 QStringList{"1"});
    }

    void statementsThatRefuseATransactionRunAsTheirToolRunsThem()
    {
        Scratch scratch(Engine::Postgres);
        QVERIFY2(scratch.db, qPrintable(scratch.error));
        Database& db = *scratch.db;
        // Flyway: a script of only such statements runs outside a transaction; mixed with others, it does
        // not (Flyway refuses such a script unless told to mix).
        SetBuilder flyway;
        flyway.file(QStringLiteral("V1__fills.sql"), "CREATE TABLE fills (id INT, account INT, qty INT);\n")
            .file(QStringLiteral("V2__fills_indexes.sql"),
                  "CREATE INDEX CONCURRENTLY fills_account ON fills (account);\n"
                  "CREATE UNIQUE INDEX CONCURRENTLY fills_id ON fills (id);\n")
            .file(QStringLiteral("V3__mixed.sql"),
                  "CREATE TABLE limits (id INT);\nCREATE INDEX CONCURRENTLY limits_id ON limits (id);\n");
        auto set = MigrationHarness::load(flyway.path());
        QVERIFY2(set, set ? "" : qPrintable(text(set.error())));
        auto plan = MigrationHarness::planUp(db, *set);
        QVERIFY2(plan, plan ? "" : qPrintable(text(plan.error())));
        QCOMPARE(plan->steps.size(), 3);
        QVERIFY(plan->steps.at(0).transactional());
        QVERIFY(!plan->steps.at(1).transactional());
        QVERIFY2(
            plan->steps.at(1).noTransactionReason.contains(
                QStringLiteral("V2__fills_indexes.sql:1 (CREATE INDEX CONCURRENTLY fills_account")) &&
                plan->steps.at(1).noTransactionReason.contains(QStringLiteral("Flyway runs such a script")),
            qPrintable(plan->steps.at(1).noTransactionReason));
        QVERIFY(plan->steps.at(2).transactional());
        auto migrated = MigrationHarness::migrate(db, *set, 2);
        QVERIFY2(migrated, migrated ? "" : qPrintable(text(migrated.error())));
        QCOMPARE(column(db, QStringLiteral("SELECT COUNT(*) FROM pg_index WHERE indisvalid AND indexrelid IN "
                                           "('fills_account'::regclass, 'fills_id'::regclass)")),
                 QStringList{"2"});
        auto mixed = MigrationHarness::migrate(db, *set);
        QVERIFY(!mixed);
        QVERIFY2(mixed.error().what.contains(QStringLiteral("cannot run inside a transaction block")),
                 qPrintable(mixed.error().what));
        QVERIFY(!db.tableExists(QStringLiteral("limits")).value());

        // golang-migrate sends a file as one query: one such statement runs on its own, two do not.
        Scratch other(Engine::Postgres);
        QVERIFY2(other.db, qPrintable(other.error));
        SetBuilder golang;
        golang.file(QStringLiteral("1_fills.up.sql"), "CREATE TABLE fills (id INT, account INT);\n")
            .file(QStringLiteral("2_fills_account.up.sql"),
                  "-- the desk's lookups\nCREATE INDEX CONCURRENTLY IF NOT EXISTS fills_account ON fills "
                  "(account);\n")
            .file(QStringLiteral("3_two.up.sql"),
                  "VACUUM fills;\nCREATE INDEX CONCURRENTLY fills_id ON fills (id);\n");
        auto golangSet = MigrationHarness::load(golang.path());
        QVERIFY2(golangSet, golangSet ? "" : qPrintable(text(golangSet.error())));
        plan = MigrationHarness::planUp(*other.db, *golangSet);
        QVERIFY2(plan, plan ? "" : qPrintable(text(plan.error())));
        QVERIFY(!plan->steps.at(1).transactional());
        QVERIFY2(plan->steps.at(1).noTransactionReason.contains(QStringLiteral("2_fills_account.up.sql:2")),
                 qPrintable(plan->steps.at(1).noTransactionReason));
        QVERIFY(plan->steps.at(2).transactional());
        migrated = MigrationHarness::migrate(*other.db, *golangSet, 2);
        QVERIFY2(migrated, migrated ? "" : qPrintable(text(migrated.error())));
        QCOMPARE(MigrationHarness::stepStatuses(*other.db), (QStringList{"1.1=applied", "2.1=applied"}));
    }

    void repeatablesRunLastByDescriptionAndAgainWhenChanged_data() { engines(); }
    void repeatablesRunLastByDescriptionAndAgainWhenChanged()
    {
        QFETCH(Engine, engine);
        Scratch scratch(engine);
        QVERIFY2(scratch.db, qPrintable(scratch.error));
        Database& db = *scratch.db;
        SetBuilder folder;
        folder.file(QStringLiteral("V1__trades.sql"), "CREATE TABLE trades (id INT, qty INT);\n")
            .file(QStringLiteral("V2__refresh_log.sql"), "CREATE TABLE refresh_log (n INT, what TEXT);\n");
        auto set = MigrationHarness::load(folder.path());
        QVERIFY2(set, set ? "" : qPrintable(text(set.error())));
        // Files in the folder's (directory) order; Flyway runs them by description.
        set->steps << repeatable(
                          QStringLiteral("trade views"),
                          "DROP VIEW IF EXISTS trade_ids;\nCREATE VIEW trade_ids AS SELECT id FROM trades;\n"
                          "INSERT INTO refresh_log SELECT COUNT(*), 'views' FROM refresh_log;\n")
                   << repeatable(QStringLiteral("Audit"),
                                 "INSERT INTO refresh_log SELECT COUNT(*), 'audit' FROM refresh_log;\n");

        auto plan = MigrationHarness::planUp(db, *set);
        QVERIFY2(plan, plan ? "" : qPrintable(text(plan.error())));
        QVERIFY2(!plan->blocked(), qPrintable(plan->blocked() ? plan->problems.first().message : QString()));
        QCOMPARE(plan->steps.size(), 2);
        QCOMPARE(plan->headVersion, 2);
        QCOMPARE(plan->repeatables.size(), 2);
        QCOMPARE(plan->repeatables.at(0).script.name, QStringLiteral("Audit")); // 'A' < 't'
        QCOMPARE(plan->repeatables.at(0).state, QStringLiteral("never applied"));
        QCOMPARE(plan->repeatables.at(1).script.label(),
                 QStringLiteral("repeatable trade views (R__trade_views.sql)"));

        auto migrated = MigrationHarness::migrate(db, *set);
        QVERIFY2(migrated, migrated ? "" : qPrintable(text(migrated.error())));
        QCOMPARE(migrated->steps, 4);
        // After the versioned steps (refresh_log exists), Audit before trade views.
        QCOMPARE(column(db, QStringLiteral("SELECT what FROM refresh_log ORDER BY n")),
                 (QStringList{"audit", "views"}));
        QCOMPARE(MigrationHarness::stepStatuses(db), (QStringList{"1.1=applied", "2.1=applied"}));
        QCOMPARE(column(db, QStringLiteral("SELECT description || '=' || status || '/' || runs FROM "
                                           "schema_version_repeatables ORDER BY description")),
                 (QStringList{"Audit=applied/1", "trade views=applied/1"}));

        // Unchanged: nothing pending, never "pending forever".
        plan = MigrationHarness::planUp(db, *set);
        QVERIFY(plan);
        QVERIFY(plan->isEmpty());
        QCOMPARE(plan->repeatables.at(1).state, QStringLiteral("unchanged since last applied"));

        // Changed: only that one runs again.
        set->steps.last().forwardSql += "-- touched\n";
        set->steps.last().checksum = TextFile::sha256(set->steps.last().forwardSql);
        plan = MigrationHarness::planUp(db, *set);
        QVERIFY(plan);
        QCOMPARE(plan->steps.size(), 0);
        QCOMPARE(plan->repeatablesToRun().size(), 1);
        QCOMPARE(plan->repeatables.at(0).state, QStringLiteral("changed since last applied"));
        migrated = MigrationHarness::migrate(db, *set);
        QVERIFY2(migrated, migrated ? "" : qPrintable(text(migrated.error())));
        QCOMPARE(migrated->steps, 1);
        QCOMPARE(column(db, QStringLiteral("SELECT what FROM refresh_log ORDER BY n")),
                 (QStringList{"audit", "views", "audit"}));

        // A failing change is rolled back; the script's last good run stays recorded, and it stays pending.
        const QString goodChecksum =
            column(db, QStringLiteral("SELECT checksum FROM schema_version_repeatables WHERE description = "
                                      "'trade views'"))
                .value(0);
        set->steps[set->steps.size() - 2].forwardSql =
            "DROP VIEW IF EXISTS trade_ids;\nCREATE VIEW trade_ids AS SELECT id FROM trades;\n"
            "INSERT INTO no_such_table VALUES (1);\n";
        plan = MigrationHarness::planUp(db, *set);
        QVERIFY(plan);
        QCOMPARE(plan->repeatablesToRun().size(), 1);
        auto failed = MigrationHarness::migrate(db, *set);
        QVERIFY(!failed);
        QVERIFY2(failed.error().what.contains(QStringLiteral("R__trade_views.sql:3:")),
                 qPrintable(failed.error().what));
        QVERIFY(db.query(QStringLiteral("SELECT id FROM trade_ids")).ok()); // the old view is still there
        QCOMPARE(column(db, QStringLiteral("SELECT status || '/' || runs || '/' || checksum FROM "
                                           "schema_version_repeatables WHERE description = 'trade views'")),
                 QStringList{QStringLiteral("failed/1/") + goodChecksum});
        plan = MigrationHarness::planUp(db, *set);
        QVERIFY(plan);
        QCOMPARE(plan->repeatablesToRun().size(), 1);
        QVERIFY2(plan->repeatables.at(1).state.contains(QStringLiteral("failed")),
                 qPrintable(plan->repeatables.at(1).state));
    }

    void repeatableThatFailsOutsideATransactionRunsAgain_data() { engines(); }
    void repeatableThatFailsOutsideATransactionRunsAgain()
    {
        QFETCH(Engine, engine);
        Scratch scratch(engine);
        QVERIFY2(scratch.db, qPrintable(scratch.error));
        Database& db = *scratch.db;
        SetBuilder folder;
        folder.file(QStringLiteral("V1__trades.sql"), "CREATE TABLE trades (id INT);\n");
        auto set = MigrationHarness::load(folder.path());
        QVERIFY(set);
        // It commits in its middle: a no-transaction run, whose first part stays when the rest fails.
        set->steps << repeatable(
            QStringLiteral("summaries"),
            "BEGIN;\nCREATE TABLE trade_summary (n INT);\nCOMMIT;\nINSERT INTO no_such_table "
            "VALUES (1);\n");
        auto failed = MigrationHarness::migrate(db, *set);
        QVERIFY(!failed);
        QVERIFY2(failed.error().next.contains(QStringLiteral("runs whole again on the next migrate")),
                 qPrintable(failed.error().next));
        QVERIFY(db.tableExists(QStringLiteral("trade_summary")).value());
        QCOMPARE(column(db, QStringLiteral("SELECT status || '/' || runs || '/' || transactional FROM "
                                           "schema_version_repeatables")),
                 QStringList{"started/0/0"});
        auto plan = MigrationHarness::planUp(db, *set);
        QVERIFY(plan);
        QVERIFY(!plan->blocked());
        QCOMPARE(plan->repeatablesToRun().size(), 1);
        QVERIFY2(plan->repeatables.first().state.contains(QStringLiteral("did not finish")),
                 qPrintable(plan->repeatables.first().state));

        set->steps.last().forwardSql = "BEGIN;\nCREATE TABLE IF NOT EXISTS trade_summary (n INT);\nCOMMIT;\n"
                                       "INSERT INTO trade_summary VALUES (1);\n";
        auto fixed = MigrationHarness::migrate(db, *set);
        QVERIFY2(fixed, fixed ? "" : qPrintable(text(fixed.error())));
        QCOMPARE(column(db, QStringLiteral("SELECT status || '/' || runs FROM schema_version_repeatables")),
                 QStringList{"applied/1"});
        QCOMPARE(column(db, QStringLiteral("SELECT COUNT(*) FROM trade_summary")), QStringList{"1"});
    }

    void repeatablesWithOneDescriptionConflict()
    {
        Scratch scratch(Engine::Sqlite);
        QVERIFY2(scratch.db, qPrintable(scratch.error));
        SetBuilder folder;
        folder.file(QStringLiteral("V1__trades.sql"), "CREATE TABLE trades (id INT);\n");
        auto set = MigrationHarness::load(folder.path());
        QVERIFY(set);
        set->steps << repeatable(QStringLiteral("views"), "SELECT 1;\n")
                   << repeatable(QStringLiteral("views"), "SELECT 2;\n");
        set->steps.last().forwardPath = QStringLiteral("sub/R__views.sql");
        auto plan = MigrationHarness::planUp(*scratch.db, *set);
        QVERIFY(plan);
        QVERIFY(plan->blocked());
        QVERIFY2(plan->problems.first().message.contains(QStringLiteral("R__views.sql, sub/R__views.sql")),
                 qPrintable(plan->problems.first().message));
        QVERIFY(!scratch.db->tableExists(QStringLiteral("schema_version_repeatables")).value());
    }
};

QTEST_GUILESS_MAIN(TestLayoutRuns)
#include "tst_layout_runs.moc"
