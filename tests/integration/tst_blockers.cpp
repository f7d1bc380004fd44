// The live pre-flight of blockers: real PostgreSQL sessions of the "platform" hold and wait for locks on
// the tables a plan touches; the scan shows who blocks whom, cancel and terminate act on them, the wait ends
// when they finish. SQLite: a real process that has the file open.

#include <atomic>
#include <thread>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "CliProcess.h"
#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "jobs/BlockersJob.h"
#include "preflight/BlockerScan.h"
#include "preflight/BlockerWait.h"
#include "preflight/PlanTables.h"
#include "preflight/SessionControl.h"
#include "run/PhasedRun.h"

using namespace strata;
using namespace strata::test;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<Database> openUrl(const QString& url)
{
    auto db = MigrationHarness::open(url);
    if (!db) {
        qWarning("%s", qPrintable(db.error().toText()));
        return nullptr;
    }
    return std::move(db).value();
}

int backendPid(Database& db)
{
    auto rows = db.query(QStringLiteral("SELECT pg_backend_pid()"));
    return rows ? rows->value(0, 0).toInt() : 0;
}

/// A session of the platform that waits for a lock on its own thread until it is granted or cancelled.
class WaitingSession
{
public:
    WaitingSession(const QString& url, const QString& statement)
    {
        m_thread = std::thread([this, url, statement] {
            auto db = openUrl(url);
            if (!db) {
                m_pid = -1;
                return;
            }
            (void)db->execute(QStringLiteral("BEGIN"));
            m_pid = backendPid(*db);
            auto done = db->execute(statement);
            m_error = done ? QString() : done.error().what;
            (void)db->execute(QStringLiteral("ROLLBACK"));
            m_done = true;
        });
    }
    ~WaitingSession() { m_thread.join(); }
    int pid() const { return m_pid; }
    bool done() const { return m_done; }
    QString error() const { return m_done ? m_error : QString(); }

private:
    std::atomic_int m_pid{0};
    std::atomic_bool m_done{false};
    QString m_error;
    std::thread m_thread;
};

/// Scans until `ready` holds for the report, or 5 s pass.
BlockerReport scanUntil(Database& db, const QStringList& tables,
                        const std::function<bool(const BlockerReport&)>& ready)
{
    QElapsedTimer timer;
    timer.start();
    BlockerReport last;
    while (timer.elapsed() < 5000) {
        auto report = BlockerScan::scan(db, tables);
        if (report) {
            last = *report;
            if (ready(last))
                break;
        }
        QThread::msleep(50);
    }
    return last;
}

} // namespace

class TestBlockers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planTablesAreTheTablesTheStepsName()
    {
        const QStringList tables = PlanTables::ofScript(
            "-- ALTER TABLE in_a_comment ADD x INT;\n"
            "ALTER TABLE IF EXISTS ONLY public.orders ADD COLUMN note TEXT;\n"
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_fills ON fills (order_id);\n"
            "CREATE INDEX ON \"Desk\" (id);\n"
            "UPDATE positions SET qty = 0;\nINSERT INTO audit (x) VALUES (1);\nDELETE FROM lockouts;\n"
            "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (desk) REFERENCES desks (id);\n"
            "TRUNCATE TABLE trade_history;\nDROP INDEX idx_old;\n"
            "ALTER TABLE fills ADD FOREIGN KEY (o) REFERENCES orders (id) ON UPDATE CASCADE ON DELETE SET "
            "NULL;\n"
            "SELECT * FROM positions FOR UPDATE NOWAIT;\n"
            "INSERT INTO audit VALUES (1) ON CONFLICT (x) DO UPDATE SET x = 2;\n");
        QStringList sorted = tables;
        sorted.sort();
        QCOMPARE(sorted,
                 (QStringList{QStringLiteral("\"Desk\""), QStringLiteral("audit"), QStringLiteral("desks"),
                              QStringLiteral("fills"), QStringLiteral("idx_old"), QStringLiteral("lockouts"),
                              QStringLiteral("orders"), QStringLiteral("positions"),
                              QStringLiteral("public.orders"), QStringLiteral("trade_history")}));
    }

    // The tree: the platform's session holds a lock on book idle in its transaction, a report waits behind
    // it; the scan names both, the holder as the root with the waiter below, and says the holder blocks the
    // plan.
    void blockingTreeNamesTheHolderAndWhoWaitsBehindIt()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        QVERIFY(db->execute(QStringLiteral("CREATE TABLE book (id INTEGER)")));
        QVERIFY(db->execute(QStringLiteral("CREATE TABLE other (id INTEGER)")));
        auto daemon = openUrl(scratch.url() + QStringLiteral("?application_name=risk-daemon"));
        QVERIFY(daemon);
        const int daemonPid = backendPid(*daemon);
        QVERIFY(daemon->execute(QStringLiteral("BEGIN")));
        QVERIFY(daemon->execute(QStringLiteral("LOCK TABLE book IN SHARE MODE")));
        WaitingSession report(scratch.url() + QStringLiteral("?application_name=eod-report"),
                              QStringLiteral("LOCK TABLE book IN ACCESS EXCLUSIVE MODE"));

        const BlockerReport found = scanUntil(*db, {QStringLiteral("book")}, [&](const BlockerReport& r) {
            const BlockingSession* waiter = r.find(report.pid());
            return waiter && waiter->blockedBy.contains(daemonPid);
        });
        const BlockingSession* holder = found.find(daemonPid);
        const BlockingSession* waiter = found.find(report.pid());
        QVERIFY2(holder && waiter, qPrintable(found.treeLines().join(QLatin1Char('\n'))));
        QCOMPARE(holder->applicationName, QStringLiteral("risk-daemon"));
        QCOMPARE(holder->state, QStringLiteral("idle in transaction"));
        QVERIFY(holder->holdsPlanLock);
        QCOMPARE(holder->planLocks, QStringLiteral("book ShareLock"));
        QCOMPARE(holder->blocks, QList<int>{report.pid()});
        QVERIFY(holder->blocksThePlan(found.longTransactionMs));
        QCOMPARE(waiter->applicationName, QStringLiteral("eod-report"));
        QCOMPARE(waiter->waitEventType, QStringLiteral("Lock"));
        QCOMPARE(waiter->planLocks, QStringLiteral("book AccessExclusiveLock (waiting)"));
        QVERIFY(!waiter->blocksThePlan(found.longTransactionMs)); // it holds nothing yet
        QCOMPARE(found.roots().size(), 1);
        QCOMPARE(found.roots().first().pid, daemonPid);
        const QStringList lines = found.treeLines();
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("pid %1 (risk-daemon").arg(daemonPid)),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(0).contains(QStringLiteral("idle in transaction")), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("  └ pid %1 (eod-report").arg(report.pid())),
                 qPrintable(lines.at(1)));
        const QJsonObject json = found.toJson();
        QCOMPARE(json.value(QStringLiteral("plan_blockers")).toArray(), QJsonArray{daemonPid});
        QCOMPARE(json.value(QStringLiteral("roots")).toArray(), QJsonArray{daemonPid});

        // A table the plan does not touch: the holder is still listed (idle in a transaction, blocking the
        // report) but does not block this plan.
        auto elsewhere = BlockerScan::scan(*db, {QStringLiteral("other")});
        QVERIFY(elsewhere);
        QVERIFY(elsewhere->find(daemonPid));
        QVERIFY(elsewhere->planBlockers().isEmpty());

        // Cancel the report's statement: its LOCK fails as cancelled; then end the daemon's session.
        QVERIFY(SessionControl::cancel(*db, report.pid()));
        QElapsedTimer timer;
        timer.start();
        while (!report.done() && timer.elapsed() < 5000)
            QThread::msleep(20);
        QVERIFY(report.done());
        QVERIFY2(report.error().contains(QStringLiteral("cancel")), qPrintable(report.error()));
        QVERIFY(SessionControl::terminate(*db, daemonPid));
        QVERIFY(!daemon->execute(QStringLiteral("SELECT 1")));
        const BlockerReport after =
            scanUntil(*db, {QStringLiteral("book")}, [](const BlockerReport& r) { return r.isEmpty(); });
        QVERIFY2(after.isEmpty(), qPrintable(after.treeLines().join(QLatin1Char('\n'))));
    }

    void cancelOrTerminateAPidThatIsNotHereIsBadInput()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        const int own = backendPid(*db);
        for (int pid : {own, 999999}) {
            const Status done = SessionControl::terminate(*db, pid);
            QVERIFY(!done);
            QCOMPARE(done.error().code, ExitCode::BadInput);
            QVERIFY(done.error().what.contains(QString::number(pid)));
            QVERIFY(done.error().unchanged.contains(QStringLiteral("No session was cancelled or ended")));
        }
        QCOMPARE(db->query(QStringLiteral("SELECT 1"))->value(0, 0).toString(), QStringLiteral("1"));
    }

    // "Wait until they finish": times out while the holder stays, ends as soon as it commits, and stops when
    // cancelled.
    void waitEndsWhenTheHolderFinishes()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        QVERIFY(db->execute(QStringLiteral("CREATE TABLE book (id INTEGER)")));
        auto daemon = openUrl(scratch.url() + QStringLiteral("?application_name=risk-daemon"));
        QVERIFY(daemon);
        QVERIFY(daemon->execute(QStringLiteral("BEGIN")));
        QVERIFY(daemon->execute(QStringLiteral("INSERT INTO book VALUES (1)")));

        auto timedOut = BlockerWait::untilClear(*db, {QStringLiteral("book")}, 300ms, nullptr, {}, 50ms);
        QVERIFY(timedOut);
        QVERIFY(!timedOut->clear);
        QVERIFY(timedOut->report.find(backendPid(*daemon)));

        std::atomic_bool cancel{false};
        int scans = 0;
        auto cancelled = BlockerWait::untilClear(
            *db, {QStringLiteral("book")}, 10s, &cancel, [&](const BlockerReport&) { cancel = ++scans >= 2; },
            50ms);
        QVERIFY(cancelled);
        QVERIFY(cancelled->cancelled);
        QVERIFY(!cancelled->clear);

        scans = 0;
        QElapsedTimer timer;
        timer.start();
        auto finished = BlockerWait::untilClear(
            *db, {QStringLiteral("book")}, 10s, nullptr,
            [&](const BlockerReport&) {
                if (++scans == 2)
                    QVERIFY(daemon->execute(QStringLiteral("COMMIT")));
            },
            50ms);
        QVERIFY(finished);
        QVERIFY(finished->clear);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(scans, 3);
    }

    // migrate refuses before the backup when a session idles in a transaction holding a lock on a table the
    // plan changes; the run log keeps the tree.
    void migrateRefusesWhileASessionHoldsAPlanTableIdleInTransaction()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder files;
        files.file(QStringLiteral("001_book/01_book.sql"), "CREATE TABLE book (id INTEGER PRIMARY KEY);\n");
        files.file(QStringLiteral("002_notes/01_notes.sql"), "ALTER TABLE book ADD COLUMN note TEXT;\n");
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        auto set = MigrationHarness::load(files.path());
        QVERIFY(set);
        QVERIFY(MigrationHarness::migrate(*db, *set, 1));
        auto daemon = openUrl(scratch.url() + QStringLiteral("?application_name=risk-daemon"));
        QVERIFY(daemon);
        const int daemonPid = backendPid(*daemon);
        QVERIFY(daemon->execute(QStringLiteral("BEGIN")));
        QVERIFY(daemon->execute(QStringLiteral("SELECT count(*) FROM book")));

        QTemporaryDir logs;
        PhasedRun::Settings settings;
        settings.backupFolder = logs.path();
        PhasedRun run(*db, *set, settings);
        QVERIFY(run.prepare());
        const Status done = run.execute();
        QVERIFY(!done);
        QCOMPARE(done.error().code, ExitCode::Failed);
        const QString text = done.error().toText();
        QVERIFY2(text.contains(QStringLiteral("pid %1 (risk-daemon").arg(daemonPid)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("book AccessShareLock")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Nothing was changed: the migration did not start")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("strata-cli blockers --terminate %1").arg(daemonPid)),
                 qPrintable(text));
        QVERIFY(!run.report().backup);
        QVERIFY(run.report().blockers);
        QCOMPARE(run.report().blockers->planBlockers().size(), 1);
        QVERIFY(!MigrationHarness::stepStatuses(*db).contains(QStringLiteral("2.1=applied")));
        (void)daemon->execute(QStringLiteral("ROLLBACK"));
    }

    // strata-cli blockers: the tree in text and --json, --wait, and --terminate with its confirmation.
    void blockersCommandListsWaitsAndEnds()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder files;
        files.file(QStringLiteral("001_book/01_book.sql"), "CREATE TABLE book (id INTEGER PRIMARY KEY);\n");
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        auto set = MigrationHarness::load(files.path());
        QVERIFY(set);
        QVERIFY(MigrationHarness::migrate(*db, *set, 1));
        db.reset();
        files.file(QStringLiteral("002_notes/01_notes.sql"), "ALTER TABLE book ADD COLUMN note TEXT;\n");
        auto daemon = openUrl(scratch.url() + QStringLiteral("?application_name=risk-daemon"));
        QVERIFY(daemon);
        const int daemonPid = backendPid(*daemon);
        QVERIFY(daemon->execute(QStringLiteral("BEGIN")));
        QVERIFY(daemon->execute(QStringLiteral("LOCK TABLE book IN ROW EXCLUSIVE MODE")));
        const QStringList common{QStringLiteral("--db"), scratch.url(), QStringLiteral("--migrations"),
                                 files.path()};

        auto listed =
            CliProcess::run(common + QStringList{QStringLiteral("--json"), QStringLiteral("blockers")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonObject json = listed.json();
        QCOMPARE(json.value(QStringLiteral("tables")).toArray(), QJsonArray{QStringLiteral("book")});
        QCOMPARE(json.value(QStringLiteral("plan_blockers")).toArray(), QJsonArray{daemonPid});
        const QJsonObject session = json.value(QStringLiteral("sessions")).toArray().first().toObject();
        QCOMPARE(session.value(QStringLiteral("pid")).toInt(), daemonPid);
        QCOMPARE(session.value(QStringLiteral("application_name")).toString(), QStringLiteral("risk-daemon"));
        QVERIFY2(listed.err.contains(QStringLiteral("pid %1 (risk-daemon").arg(daemonPid)),
                 qPrintable(listed.err));

        auto text = CliProcess::run(common + QStringList{QStringLiteral("blockers")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(
                     QStringLiteral("migrate would refuse to start while %1 is there").arg(daemonPid)),
                 qPrintable(text.out));

        auto waited = CliProcess::run(
            common + QStringList{QStringLiteral("blockers"), QStringLiteral("--wait"), QStringLiteral("1")});
        QCOMPARE(waited.exitCode, 1);
        QVERIFY2(waited.err.contains(QStringLiteral("still there")), qPrintable(waited.err));

        // Without a terminal and without --yes the command asks and cannot: nothing is ended.
        auto unconfirmed =
            CliProcess::run(common + QStringList{QStringLiteral("blockers"), QStringLiteral("--terminate"),
                                                 QString::number(daemonPid)});
        QCOMPARE(unconfirmed.exitCode, 2);
        QVERIFY2(unconfirmed.err.contains(QStringLiteral("pid %1 (risk-daemon").arg(daemonPid)),
                 qPrintable(unconfirmed.err));
        QVERIFY(daemon->execute(QStringLiteral("SELECT 1")));

        auto ended =
            CliProcess::run(common + QStringList{QStringLiteral("--yes"), QStringLiteral("blockers"),
                                                 QStringLiteral("--terminate"), QString::number(daemonPid)});
        QCOMPARE(ended.exitCode, 0);
        QVERIFY(!daemon->execute(QStringLiteral("SELECT 1")));
        auto clear =
            CliProcess::run(common + QStringList{QStringLiteral("--json"), QStringLiteral("blockers"),
                                                 QStringLiteral("--wait"), QStringLiteral("5")});
        QCOMPARE(clear.exitCode, 0);
        QCOMPARE(clear.json().value(QStringLiteral("clear")).toBool(), true);
    }

    // The wizard's job: scan, end a session by pid and scan again, wait (cancellable) until they finish.
    void blockersJobScansEndsAndWaits()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        QVERIFY(db->execute(QStringLiteral("CREATE TABLE book (id INTEGER)")));
        auto daemon = openUrl(scratch.url() + QStringLiteral("?application_name=risk-daemon"));
        QVERIFY(daemon);
        const int daemonPid = backendPid(*daemon);
        QVERIFY(daemon->execute(QStringLiteral("BEGIN")));
        QVERIFY(daemon->execute(QStringLiteral("LOCK TABLE book IN SHARE MODE")));

        BlockersJob scan({QStringLiteral("book")});
        QVERIFY(scan.run(*db, Progress()));
        QVERIFY(scan.report() && scan.report()->find(daemonPid));
        QVERIFY(!scan.clear());

        std::atomic_bool cancel{false};
        QList<qint64> reported;
        BlockersJob wait({QStringLiteral("book")}, BlockersJob::Action::Wait, 0, 10s);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(wait.run(*db, Progress(
                                  [&](qint64 done, qint64, const QString& stage) {
                                      reported << done;
                                      QCOMPARE(stage, QStringLiteral("Waiting for 1 session to finish"));
                                      cancel = reported.size() >= 2;
                                  },
                                  &cancel)));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!wait.clear());

        BlockersJob end({QStringLiteral("book")}, BlockersJob::Action::Terminate, daemonPid);
        QVERIFY(end.run(*db, Progress()));
        QVERIFY(!daemon->execute(QStringLiteral("SELECT 1")));
        QVERIFY(end.report());
        BlockersJob after({QStringLiteral("book")}, BlockersJob::Action::Wait, 0, 5s);
        QVERIFY(after.run(*db, Progress()));
        QVERIFY(after.clear());
    }

    // SQLite: the processes that have the file open, by pid and name.
    void sqliteBlockersAreTheProcessesThatHaveTheFileOpen()
    {
        ScratchSqlite file;
        auto db = openUrl(file.url());
        QVERIFY(db);
        QVERIFY(db->execute(QStringLiteral("CREATE TABLE book (id INTEGER)")));
        auto before = BlockerScan::scan(*db, {QStringLiteral("book")});
        QVERIFY(before);
        QVERIFY(before->isEmpty()); // this process itself is not listed

        QProcess shell;
        shell.start(QStringLiteral("sqlite3"), {file.path()});
        QVERIFY(shell.waitForStarted());
        shell.write("SELECT count(*) FROM book;\n");
        QVERIFY(shell.waitForReadyRead(5000));
        auto found = BlockerScan::scan(*db, {QStringLiteral("book")});
        shell.write(".quit\n");
        shell.closeWriteChannel();
        const qint64 pid = shell.processId();
        QVERIFY(found);
        QCOMPARE(found->sessions.size(), 1);
        QCOMPARE(found->sessions.first().pid, int(pid));
        QCOMPARE(found->sessions.first().applicationName, QStringLiteral("sqlite3"));
        QVERIFY(found->sessions.first().blocksThePlan(found->longTransactionMs));
        QVERIFY2(found->treeLines().first().contains(QStringLiteral("pid %1 (sqlite3").arg(pid)),
                 qPrintable(found->treeLines().first()));
        QVERIFY(shell.waitForFinished(5000));
        auto terminated = SessionControl::terminate(*db, int(pid));
        QVERIFY(!terminated);
        QCOMPARE(terminated.error().code, ExitCode::BadInput);
    }

    // SQLite: migrate refuses before its backup while another process has the file open, naming it.
    void sqliteMigrateRefusesWhileAProcessHasTheFileOpen()
    {
        ScratchSqlite file;
        SetBuilder files;
        files.file(QStringLiteral("001_book/01_book.sql"), "CREATE TABLE book (id INTEGER PRIMARY KEY);\n");
        files.file(QStringLiteral("002_notes/01_notes.sql"), "ALTER TABLE book ADD COLUMN note TEXT;\n");
        auto db = openUrl(file.url());
        QVERIFY(db);
        auto set = MigrationHarness::load(files.path());
        QVERIFY(set);
        QVERIFY(MigrationHarness::migrate(*db, *set, 1));
        QProcess shell;
        shell.start(QStringLiteral("sqlite3"), {file.path()});
        QVERIFY(shell.waitForStarted());
        shell.write("SELECT count(*) FROM book;\n");
        QVERIFY(shell.waitForReadyRead(5000));
        const qint64 pid = shell.processId();

        QTemporaryDir logs;
        PhasedRun::Settings settings;
        settings.backupFolder = logs.path();
        PhasedRun run(*db, *set, settings);
        QVERIFY(run.prepare());
        const Status done = run.execute();
        shell.write(".quit\n");
        shell.closeWriteChannel();
        QVERIFY(shell.waitForFinished(5000));
        QVERIFY(!done);
        const QString text = done.error().toText();
        QVERIFY2(text.startsWith(
                     QStringLiteral("A process would hold up the migration: pid %1 (sqlite3").arg(pid)),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("the migration did not start")), qPrintable(text));
        QVERIFY(!run.report().backup);
        QVERIFY(!MigrationHarness::stepStatuses(*db).contains(QStringLiteral("2.1=applied")));
    }
};

QTEST_GUILESS_MAIN(TestBlockers)
#include "tst_blockers.moc"
