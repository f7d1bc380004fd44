#include <QFile>
#include <QtTest>

#include <sqlite3.h>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "demo/RiskStateDemo.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteRunLock.h"
#include "migrations/HistoryStore.h"

using namespace strata;
using namespace strata::test;

namespace {

int countCommit(void* counter)
{
    ++*static_cast<int*>(counter);
    return 0; // let the commit happen
}

QString text(const Error& e)
{
    return e.toText();
}

} // namespace

class TestSqliteEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteParserSplitsTriggersStringsAndComments()
    {
        ScratchSqlite file;
        auto db = SqliteDatabase::open(file.path());
        QVERIFY(db.ok());
        const QByteArray script = "CREATE TABLE t (x TEXT); -- a comment; with a semicolon\n"
                                  "/* block; comment */ INSERT INTO t VALUES ('a;b');\n"
                                  "CREATE TABLE log (n INT);\n"
                                  "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN\n"
                                  "  INSERT INTO log VALUES (1);\n  INSERT INTO log VALUES (2);\nEND;\n"
                                  "INSERT INTO t VALUES ('c');\n";
        QVERIFY((*db)->runScript({QStringLiteral("split.sql"), script, 1}, false).ok());
        auto rows = (*db)->query(QStringLiteral("SELECT group_concat(x, '|') FROM t"));
        QCOMPARE(rows->value(0, 0).toString(), QStringLiteral("a;b|c"));
        QCOMPARE((*db)->query(QStringLiteral("SELECT count(*) FROM log"))->value(0, 0).toInt(), 2);
    }

    void errorNamesFileLineAndSqliteMessage()
    {
        ScratchSqlite file;
        auto db = SqliteDatabase::open(file.path());
        const QByteArray script = "CREATE TABLE a (x INT);\n\n-- next\nINSERT INTO a VALUES (1);\n"
                                  "INSERT INTO missing_table\n  VALUES (2);\n";
        auto ran = (*db)->runScript({QStringLiteral("002_v2/01_core.sql"), script, 1}, false);
        QVERIFY(!ran.ok());
        QVERIFY2(ran.error().what.startsWith(QStringLiteral("002_v2/01_core.sql:5:")),
                 qPrintable(text(ran.error())));
        QVERIFY2(ran.error().what.contains(QStringLiteral("no such table: missing_table")),
                 qPrintable(text(ran.error())));
    }

    void syntaxErrorPointsAtTheToken()
    {
        ScratchSqlite file;
        auto db = SqliteDatabase::open(file.path());
        auto ran = (*db)->runScript(
            {QStringLiteral("x.sql"), "SELECT 1;\nCREATE TABLE ok (x INT);\nCREAT TABLE b (x INT);\n", 10},
            false);
        QVERIFY(!ran.ok());
        QVERIFY2(ran.error().what.startsWith(QStringLiteral("x.sql:12:")), qPrintable(text(ran.error())));
        QVERIFY(ran.error().what.contains(QStringLiteral("syntax error")));
    }

    void transactionControlInsideAStepIsRefused()
    {
        ScratchSqlite file;
        auto db = SqliteDatabase::open(file.path());
        QVERIFY((*db)->begin().ok());
        auto ran = (*db)->runScript(
            {QStringLiteral("seed.sql"), "BEGIN TRANSACTION;\nCREATE TABLE a (x INT);\nCOMMIT;\n", 1}, true);
        QVERIFY(!ran.ok());
        QCOMPARE(ran.error().code, ExitCode::BadInput);
        QVERIFY(ran.error().what.contains(QStringLiteral("seed.sql:1:")));
        QVERIFY(ran.error().next.contains(QStringLiteral("strata:no-transaction")));
        QVERIFY((*db)->rollback().ok());
    }

    void notADatabaseAndMissingFileAreBadInput()
    {
        ScratchSqlite file;
        QFile f(file.path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        auto db = SqliteDatabase::open(file.path());
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ExitCode::BadInput);
        QVERIFY(db.error().what.contains(QStringLiteral("is not a SQLite database")));
        auto missing = SqliteDatabase::open(file.folder() + QStringLiteral("/nope.db"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().what.contains(QStringLiteral("does not exist")));
    }

    void oneCommitPerStepWithItsHistoryRow()
    {
        SetBuilder set;
        for (int v = 1; v <= 5; ++v)
            set.file(
                QStringLiteral("%1_t%1.sql").arg(v, 3, 10, QLatin1Char('0')),
                QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY);\nCREATE INDEX i%1 ON t%1(id);\n")
                    .arg(v)
                    .toUtf8());
        ScratchSqlite file;
        auto db = SqliteDatabase::open(file.path());
        auto loaded = MigrationHarness::load(set.path());
        QVERIFY(loaded.ok());
        QVERIFY(HistoryStore(**db).ensureTables().ok());
        int commits = 0;
        sqlite3_commit_hook((*db)->handle(), countCommit, &commits);
        auto outcome = MigrationHarness::migrate(**db, *loaded);
        sqlite3_commit_hook((*db)->handle(), nullptr, nullptr);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : text(outcome.error())));
        QCOMPARE(outcome->steps, 5);
        QCOMPARE(commits, 5);
        QCOMPARE(MigrationHarness::stepStatuses(**db),
                 (QStringList{"1.1=applied", "2.1=applied", "3.1=applied", "4.1=applied", "5.1=applied"}));
        QCOMPARE((*db)
                     ->query(QStringLiteral("SELECT MAX(version) FROM schema_version WHERE success = 1"))
                     ->value(0, 0)
                     .toInt(),
                 5);
    }

    void failedStepLeavesNothingAndEarlierStepsStay()
    {
        SetBuilder set;
        set.file(QStringLiteral("001_a.sql"), "CREATE TABLE a (id INT);\n")
            .file(QStringLiteral("002_b.sql"),
                  "CREATE TABLE b (id INT);\nINSERT INTO b VALUES (1);\nINSERT INTO nowhere VALUES (1);\n")
            .file(QStringLiteral("003_c.sql"), "CREATE TABLE c (id INT);\n");
        ScratchSqlite file;
        auto db = SqliteDatabase::open(file.path());
        auto loaded = MigrationHarness::load(set.path());
        auto outcome = MigrationHarness::migrate(**db, *loaded);
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code, ExitCode::Failed);
        QVERIFY2(outcome.error().what.contains(QStringLiteral("002_b.sql:3:")),
                 qPrintable(text(outcome.error())));
        QVERIFY(outcome.error().unchanged.contains(QStringLiteral("rolled back")));
        auto tables = (*db)->userTables();
        QVERIFY(tables->contains(QStringLiteral("a")));
        QVERIFY(!tables->contains(QStringLiteral("b")));
        QVERIFY(!tables->contains(QStringLiteral("c")));
        QCOMPARE(MigrationHarness::stepStatuses(**db), (QStringList{"1.1=applied", "2.1=failed"}));
        auto history = HistoryStore(**db).read();
        QCOMPARE(history->currentVersion(), 1);

        // Fixed file: the rerun applies 2 and 3.
        set.file(QStringLiteral("002_b.sql"), "CREATE TABLE b (id INT);\nINSERT INTO b VALUES (1);\n");
        loaded = MigrationHarness::load(set.path());
        outcome = MigrationHarness::migrate(**db, *loaded);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : text(outcome.error())));
        QCOMPARE(MigrationHarness::stepStatuses(**db),
                 (QStringList{"1.1=applied", "2.1=applied", "3.1=applied"}));
    }

    void problemsAreFoundBeforeAnythingRuns()
    {
        SetBuilder set;
        set.file(QStringLiteral("001_a.sql"), "CREATE TABLE a (id INT);\n")
            .file(QStringLiteral("002_b.sql"), "CREATE TABLE b (id INT);\n");
        ScratchSqlite file;
        auto db = SqliteDatabase::open(file.path());
        QVERIFY(MigrationHarness::migrate(**db, *MigrationHarness::load(set.path())).ok());

        auto kinds = [&]() {
            QStringList names;
            auto plan = MigrationHarness::planUp(**db, *MigrationHarness::load(set.path()));
            for (const auto& p : plan->problems)
                names << p.kindName();
            return names;
        };
        QCOMPARE(kinds(), QStringList());
        set.file(QStringLiteral("001_a.sql"), "CREATE TABLE a (id INT); \n");
        QCOMPARE(kinds(), QStringList{QStringLiteral("checksum-mismatch")});
        set.file(QStringLiteral("001_a.sql"), "CREATE TABLE a (id INT);\n");
        set.file(QStringLiteral("002_other.sql"), "CREATE TABLE o (id INT);\n");
        QCOMPARE(kinds(), QStringList{QStringLiteral("slot-conflict")});
        set.remove(QStringLiteral("002_other.sql"));
        set.file(QStringLiteral("001_late.sql"), "CREATE TABLE late (id INT);\n")
            .remove(QStringLiteral("001_a.sql"));
        QCOMPARE(kinds(), QStringList{QStringLiteral("checksum-mismatch")}); // 001_late now holds slot 1.1
        set.remove(QStringLiteral("001_late.sql"));
        QCOMPARE(kinds(), QStringList{QStringLiteral("missing-file")});
        set.file(QStringLiteral("001_a.sql"), "CREATE TABLE a (id INT);\n")
            .remove(QStringLiteral("002_b.sql"));
        QCOMPARE(kinds(), QStringList{QStringLiteral("database-ahead")});
        set.file(QStringLiteral("002_b.sql"), "CREATE TABLE b (id INT);\n")
            .file(QStringLiteral("001_x/02_more.sql"), "CREATE TABLE more (id INT);\n");
        QCOMPARE(kinds(), QStringList{QStringLiteral("out-of-order")});
        set.remove(QStringLiteral("001_x/02_more.sql"));
        QVERIFY((*db)
                    ->execute(QStringLiteral(
                        "UPDATE schema_version_steps SET status = 'started' WHERE version = 2"))
                    .ok());
        QCOMPARE(kinds(), QStringList{QStringLiteral("dirty")});
    }

    void unknownTargetAndOptionAreBadInput()
    {
        ScratchSqlite file;
        auto db = SqliteDatabase::open(file.path());
        auto set = MigrationHarness::load(bundledSet(QStringLiteral("risk_state")));
        auto plan = MigrationHarness::planUp(**db, *set, 7);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code, ExitCode::BadInput);
        QVERIFY(plan.error().what.contains(QStringLiteral("1, 2")));
        plan = MigrationHarness::planUp(**db, *set, {}, {QStringLiteral("track_unrealised")});
        QVERIFY(!plan.ok());
        QVERIFY(plan.error().next.contains(QStringLiteral("track_unrealized_pnl")));
    }

    void rollbackRefusesNamingTheStepWithoutScript()
    {
        SetBuilder set;
        set.file(QStringLiteral("001_a.sql"), "CREATE TABLE a (id INT);\n")
            .file(QStringLiteral("001_a.down.sql"), "DROP TABLE a;\n")
            .file(QStringLiteral("002_b.sql"), "CREATE TABLE b (id INT);\n");
        ScratchSqlite file;
        auto db = SqliteDatabase::open(file.path());
        QVERIFY(MigrationHarness::migrate(**db, *MigrationHarness::load(set.path())).ok());
        auto rolled = MigrationHarness::rollback(**db, *MigrationHarness::load(set.path()), 0);
        QVERIFY(!rolled.ok());
        QCOMPARE(rolled.error().code, ExitCode::Refused);
        QVERIFY(rolled.error().what.contains(QStringLiteral("002_b.sql")));
        QCOMPARE(MigrationHarness::stepStatuses(**db), (QStringList{"1.1=applied", "2.1=applied"}));
    }

    void untrackedV1DatabaseIsRecognisedAsBaseline()
    {
        ScratchSqlite file;
        QFile::remove(file.path());
        QVERIFY(RiskStateDemo::create(file.path()).ok());
        auto db = SqliteDatabase::open(file.path());
        auto set = MigrationHarness::load(bundledSet(QStringLiteral("risk_state")));
        auto plan = MigrationHarness::planUp(**db, *set);
        QVERIFY(plan.ok());
        QVERIFY(!plan->tracked);
        QVERIFY(plan->baselineRecognised);
        QCOMPARE(plan->currentVersion, 1);
        QCOMPARE(plan->steps.size(), 2);
        QCOMPARE(plan->optionalOff.size(), 1);
        QVERIFY(plan->problems.isEmpty());

        // A v1 database with a table missing is not silently baselined.
        QVERIFY((*db)->execute(QStringLiteral("DROP TABLE reset_schedule")).ok());
        plan = MigrationHarness::planUp(**db, *set);
        QVERIFY(!plan->baselineRecognised);
        QCOMPARE(plan->problems.size(), 1);
        QCOMPARE(plan->problems.first().kindName(), QStringLiteral("partial-baseline"));
        QVERIFY(plan->problems.first().message.contains(QStringLiteral("reset_schedule")));
    }

    void lockFileIsExclusiveAndNamesItsHolder()
    {
        ScratchSqlite file;
        QString heardHolder;
        auto first = SqliteRunLock::acquire(file.path(), std::chrono::milliseconds(0), {});
        QVERIFY(first.ok());
        auto second = SqliteRunLock::acquire(file.path(), std::chrono::milliseconds(200),
                                             [&](const QString& holder) { heardHolder = holder; });
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, ExitCode::Locked);
        const QString pid = QString::number(QCoreApplication::applicationPid());
        QVERIFY2(heardHolder.contains(QStringLiteral("pid ") + pid), qPrintable(heardHolder));
        QVERIFY(second.error().what.contains(pid));
        first->reset();
        QVERIFY(SqliteRunLock::acquire(file.path(), std::chrono::milliseconds(0), {}).ok());
    }
};

QTEST_GUILESS_MAIN(TestSqliteEngine)
#include "tst_sqlite_engine.moc"
