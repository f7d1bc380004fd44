// The truth in status: a version of which only some steps ran is shown as such, a run that was killed is
// reported by the next status and migrate until the operator acknowledges it, and the process that holds a
// SQLite database's write lock is named.

#include <csignal>

#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

const QByteArray kAccounts = "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n";
const QByteArray kFills = "CREATE TABLE fills (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL);\n";
const QByteArray kFeesBroken = "CREATE TABLE fees (id INTEGER PRIMARY KEY,, fill_id INTEGER);\n";
const QByteArray kFees = "CREATE TABLE fees (id INTEGER PRIMARY KEY, fill_id INTEGER);\n";
const QByteArray kMarks = "CREATE TABLE marks (id INTEGER PRIMARY KEY, price NUMERIC);\n";

/// v1 with one step; v2 with three, the second of which fails until `fixed`.
void writeSet(SetBuilder& set, bool fixed)
{
    set.file(QStringLiteral("001_ledger/01_accounts.sql"), kAccounts);
    set.file(QStringLiteral("002_fills/01_fills.sql"), kFills);
    set.file(QStringLiteral("002_fills/02_fees.sql"), fixed ? kFees : kFeesBroken);
    set.file(QStringLiteral("002_fills/03_marks.sql"), kMarks);
}

QString both(const CliProcess::Outcome& run)
{
    return run.out + run.err;
}

/// Reads stderr of a running process until `needle` shows or the process ends; what was read so far.
bool waitForOutput(QProcess& process, const QString& needle, QString& seen, int timeoutMs = 120000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        process.waitForReadyRead(50);
        seen += QString::fromUtf8(process.readAllStandardError());
        if (seen.contains(needle))
            return true;
        if (process.state() == QProcess::NotRunning)
            return false;
    }
    return false;
}

} // namespace

class TestCliRunState : public QObject
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

    void partlyAppliedVersionIsShownEverywhere_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void partlyAppliedVersionIsShownEverywhere()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeSet(set, false);

        const auto failed = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QCOMPARE(failed.exitCode, 1);

        const auto status = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("status")}));
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(both(status).contains(QStringLiteral("Version:   v2: 1 of 3 steps (v1 complete)")),
                 qPrintable(both(status)));
        QVERIFY2(both(status).contains(QStringLiteral("a run stopped inside v2: 2.2, 2.3 still pending")),
                 qPrintable(both(status)));

        const auto json = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        QString error;
        const auto doc = singleJsonObject(json.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("complete_version")).toInt(), 1);
        QCOMPARE(doc->value(QStringLiteral("version_label")).toString(),
                 QStringLiteral("v2: 1 of 3 steps (v1 complete)"));
        const QJsonArray partial = doc->value(QStringLiteral("partial_versions")).toArray();
        QCOMPARE(partial.size(), 1);
        const QJsonObject v2 = partial.first().toObject();
        QCOMPARE(v2.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(v2.value(QStringLiteral("applied_steps")).toInt(), 1);
        QCOMPARE(v2.value(QStringLiteral("steps")).toInt(), 3);
        QCOMPARE(v2.value(QStringLiteral("pending")).toArray(),
                 QJsonArray({QStringLiteral("2.2"), QStringLiteral("2.3")}));

        // The plan and the rerun say where they start from.
        const auto plan = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("plan")}));
        QVERIFY2(both(plan).contains(QStringLiteral("v2: 1 of 3 steps (v1 complete) -> v2")),
                 qPrintable(both(plan)));
        writeSet(set, true);
        const auto rerun = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QCOMPARE(rerun.exitCode, 0);
        QVERIFY2(both(rerun).contains(QStringLiteral("from v2: 1 of 3 steps (v1 complete) to v2: 2 steps")),
                 qPrintable(both(rerun)));
        const auto after = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("status")}));
        QVERIFY2(both(after).contains(QStringLiteral("Version:   v2\n")), qPrintable(both(after)));
        QVERIFY2(!both(after).contains(QStringLiteral("still pending")), qPrintable(both(after)));
    }

    void killedRunIsReportedUntilAcknowledged_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("killAfter");
        QTest::addColumn<QString>("consequence");
        // SQLite: killed while verifying a large table (integrity_check reads every page).
        QTest::newRow("sqlite, verification")
            << Engine::Sqlite << QStringLiteral("verification") << QStringLiteral("Verification")
            << QStringLiteral("its verification never finished");
        // PostgreSQL: killed inside a step that waits on the server.
        QTest::newRow("postgresql, steps") << Engine::Postgres << QStringLiteral("steps")
                                           << QStringLiteral("[2/2]") << QStringLiteral("was never verified");
    }

    void killedRunIsReportedUntilAcknowledged()
    {
        QFETCH(Engine, engine);
        QFETCH(QString, phase);
        QFETCH(QString, killAfter);
        QFETCH(QString, consequence);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_ledger/01_accounts.sql"), kAccounts);
        if (engine == Engine::Sqlite)
            set.file(
                QStringLiteral("002_ticks/01_ticks.sql"),
                "CREATE TABLE ticks (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, price REAL NOT NULL);\n"
                "INSERT INTO ticks (symbol, price) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                "FROM c WHERE n < 600000) SELECT 'CON.F.US.CLE.F' || (n % 97), n * 0.25 FROM c;\n"
                "CREATE INDEX idx_ticks_symbol ON ticks (symbol, price);\n");
        else
            set.file(QStringLiteral("002_ticks/01_ticks.sql"),
                     "CREATE TABLE ticks (id BIGINT PRIMARY KEY);\nSELECT pg_sleep(30);\n");

        auto process = CliProcess::start(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY(process->waitForStarted(30000));
        QString seen;
        QVERIFY2(waitForOutput(*process, killAfter, seen), qPrintable(seen));
        process->kill();
        QVERIFY(process->waitForFinished(30000));
        QCOMPARE(process->exitStatus(), QProcess::CrashExit);
        if (engine == Engine::Postgres) {
            // The killed run's statement does not run on for its 30 s on the server, holding the run lock:
            // the server notices within seconds that its client is gone and rolls the step back.
            auto server = openDatabase(db.url());
            QVERIFY(server);
            QDeadlineTimer ended(8000);
            QStringList running;
            do {
                running =
                    queryLines(*server, QStringLiteral("SELECT pid FROM pg_stat_activity WHERE query LIKE "
                                                       "'%pg_sleep(30)%' AND pid <> pg_backend_pid()"));
                if (!running.isEmpty())
                    QThread::msleep(100);
            } while (!running.isEmpty() && !ended.hasExpired());
            QVERIFY2(running.isEmpty(), "the killed run's step still runs on the server");
            // The step never committed: its file may change, and the rerun is quick.
            set.file(QStringLiteral("002_ticks/01_ticks.sql"),
                     "CREATE TABLE ticks (id BIGINT PRIMARY KEY);\n");
        }

        // status reports it, with what it means and what to do, and migrate says it too.
        const auto status = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        QCOMPARE(status.exitCode, 0);
        QString error;
        const auto doc = singleJsonObject(status.out, &error);
        QVERIFY2(doc, qPrintable(error));
        const QJsonArray runs = doc->value(QStringLiteral("interrupted_runs")).toArray();
        QCOMPARE(runs.size(), 1);
        const QJsonObject run = runs.first().toObject();
        QCOMPARE(run.value(QStringLiteral("phase")).toString(), phase);
        QVERIFY2(run.value(QStringLiteral("consequence")).toString().contains(consequence),
                 qPrintable(run.value(QStringLiteral("consequence")).toString()));
        const QString runId = run.value(QStringLiteral("run_id")).toString();
        QVERIFY(!runId.isEmpty());
        const auto text = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("status")}));
        QVERIFY2(both(text).contains(QStringLiteral("strata-cli resolve --acknowledge-run ") + runId),
                 qPrintable(both(text)));

        const auto again = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(both(again).contains(runId) && both(again).contains(QStringLiteral("did not finish")),
                 qPrintable(both(again)));
        // Still reported after a run that succeeded: only the operator settles it.
        const auto stillThere = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("status")}));
        QVERIFY2(both(stillThere).contains(runId), qPrintable(both(stillThere)));

        const auto wrongId = CliProcess::run(cliArgs(
            db.url(), set.path(),
            {QStringLiteral("resolve"), QStringLiteral("--acknowledge-run"), QStringLiteral("nope")}));
        QCOMPARE(wrongId.exitCode, 2);
        QVERIFY2(wrongId.err.contains(runId), qPrintable(wrongId.err));

        const auto acknowledged = CliProcess::run(cliArgs(
            db.url(), set.path(), {QStringLiteral("resolve"), QStringLiteral("--acknowledge-run"), runId}));
        QCOMPARE(acknowledged.exitCode, 0);
        const auto quiet = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        const auto quietDoc = singleJsonObject(quiet.out, &error);
        QVERIFY2(quietDoc, qPrintable(error));
        QCOMPARE(quietDoc->value(QStringLiteral("interrupted_runs")).toArray().size(), 0);
        // The acknowledgement is kept with the run, not deleted.
        auto opened = openDatabase(db.url());
        QVERIFY(opened);
        QCOMPARE(queryLines(*opened,
                            QStringLiteral("SELECT outcome, acknowledged_by IS NOT NULL FROM "
                                           "schema_version_runs WHERE run_id = ?"),
                            {runId})
                     .value(0)
                     .section(QLatin1Char('|'), 0, 0),
                 QStringLiteral("interrupted"));
    }

    void aRunThatEndsIsNotReported()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeSet(set, false);
        QCOMPARE(CliProcess::run(
                     cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}))
                     .exitCode,
                 1);
        writeSet(set, true);
        QCOMPARE(CliProcess::run(
                     cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}))
                     .exitCode,
                 0);
        auto opened = openDatabase(db.url());
        QVERIFY(opened);
        // Both runs recorded their end: the failed one and the one that succeeded.
        QCOMPARE(
            queryLines(*opened, QStringLiteral("SELECT outcome FROM schema_version_runs ORDER BY started_at, "
                                               "outcome")),
            QStringList({QStringLiteral("failed"), QStringLiteral("succeeded")}));
        const auto status = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("status")}));
        QVERIFY2(!both(status).contains(QStringLiteral("Interrupted")), qPrintable(both(status)));
    }

    void sqliteWriterHoldingTheLockIsNamed()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeSet(set, true);
        // A writer in the middle of a transaction, as a daemon that hangs in one would be.
        QProcess writer;
        writer.start(QStringLiteral("sqlite3"), {db.path()});
        QVERIFY(writer.waitForStarted(10000));
        writer.write("BEGIN IMMEDIATE;\nINSERT INTO desks (id, name) VALUES (2, 'credit');\n"
                     "SELECT 'holding';\n");
        QVERIFY(writer.waitForReadyRead(10000));
        QVERIFY(writer.readAllStandardOutput().contains("holding"));
        const QString pid = QString::number(writer.processId());

        const auto run = CliProcess::run(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("--lock-timeout"), QStringLiteral("1"), QStringLiteral("--yes"),
                     QStringLiteral("baseline"), QStringLiteral("--version"), QStringLiteral("1")}));
        writer.write("ROLLBACK;\n.quit\n");
        writer.closeWriteChannel();
        writer.waitForFinished(10000);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QStringLiteral("pid %1 (sqlite3)").arg(pid)), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliRunState)
#include "tst_cli_run_state.moc"
