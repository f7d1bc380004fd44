// Sessions on real engines: PostgreSQL sessions that hold and wait for a row lock are
// listed with who blocks whom; cancel and end act on them; a role without the right is refused with why.
// SQLite: a real writer process has the file open in WAL mode; its WAL state is read from the -shm header.

#include <QFile>
#include <QtTest>

#include "SessionsTestKit.h"
#include "preflight/SessionControl.h"
#include "sessions/ServerSessions.h"
#include "sessions/SessionText.h"

using namespace strata;
using namespace strata::test;

namespace {

qint64 sqliteValue(Database& db, const QString& sql)
{
    auto rows = db.query(sql);
    return rows ? rows->value(0, 0).toLongLong() : -1;
}

} // namespace

class TestSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postgresListsTheBlockingTreeWithTheHolderFirst()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        QVERIFY(makeFills(*db, 10));
        RowLockScene scene(scratch.url());
        QVERIFY(scene.holderPid() > 0);
        QVERIFY2(scene.waiting(*db), "the waiter never waited for the holder's row lock");

        auto snapshot = ServerSessions::read(*db);
        QVERIFY2(snapshot, qPrintable(why(snapshot)));
        const BlockingSession* holder = snapshot->report.find(scene.holderPid());
        const BlockingSession* waiter = snapshot->report.find(scene.waiterPid());
        QVERIFY(holder && waiter);
        QVERIFY2(!snapshot->report.find(backendPid(*db)), "the reader listed its own session");
        QCOMPARE(holder->applicationName, QStringLiteral("fills-writer"));
        QCOMPARE(holder->state, QStringLiteral("idle in transaction"));
        QCOMPARE(holder->database, scratch.name());
        QCOMPARE(holder->user, QStringLiteral("strata"));
        QCOMPARE(holder->backendType, QStringLiteral("client backend"));
        QVERIFY(holder->transactionMs >= 0);
        QCOMPARE(holder->blocks, QList<int>{scene.waiterPid()});
        QCOMPARE(waiter->state, QStringLiteral("active"));
        QCOMPARE(waiter->waitEventType, QStringLiteral("Lock"));
        QCOMPARE(waiter->waitEvent, QStringLiteral("transactionid"));
        QCOMPARE(waiter->blockedBy, QList<int>{scene.holderPid()});
        // The row lock's wait is on the holder's transaction id.
        auto xid = db->query(QStringLiteral("SELECT backend_xid FROM pg_stat_activity WHERE pid = ?::int"),
                             {scene.holderPid()});
        QVERIFY(xid);
        QCOMPARE(waiter->awaitedLock,
                 QStringLiteral("ShareLock on transaction %1").arg(xid->value(0, 0).toString()));
        QVERIFY(waiter->query.contains(QStringLiteral("UPDATE fills SET qty = qty - 1")));
        QVERIFY(waiter->queryMs >= 0);
        const QList<const BlockingSession*> roots = snapshot->blockingRoots();
        QCOMPARE(roots.size(), 1);
        QCOMPARE(roots.first()->pid, scene.holderPid());
        QCOMPARE(snapshot->blockedBehind(scene.holderPid()), 1);
        QCOMPARE(snapshot->waitingCount(), 1);
        // Background processes are listed after the client sessions, with their kind.
        bool sawBackground = false;
        for (const BlockingSession& s : snapshot->report.sessions) {
            if (s.backendType != QLatin1String("client backend"))
                sawBackground = true;
            else
                QVERIFY2(!sawBackground, "a client session was listed after a background process");
        }
        QVERIFY(sawBackground);
    }

    void postgresCancelStopsTheWaiterAndEndReleasesTheLock()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db && makeFills(*db, 10));
        RowLockScene scene(scratch.url());
        QVERIFY(scene.waiting(*db));
        const Status cancelled =
            SessionControl::cancel(*db, scene.waiterPid(), SessionControl::Scope::Server);
        QVERIFY2(cancelled, qPrintable(why(cancelled)));
        QVERIFY(scene.waiterDone());
        QVERIFY2(scene.waiterError().contains(QStringLiteral("cancel")), qPrintable(scene.waiterError()));

        const Status ended = SessionControl::terminate(*db, scene.holderPid(), SessionControl::Scope::Server);
        QVERIFY2(ended, qPrintable(why(ended)));
        QElapsedTimer timer;
        timer.start();
        bool gone = false;
        while (!gone && timer.elapsed() < 5000) {
            auto rows = db->query(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = ?::int"),
                                  {scene.holderPid()});
            gone = rows && rows->value(0, 0).toInt() == 0;
            QThread::msleep(20);
        }
        QVERIFY2(gone, "the ended session is still connected");
        // Its row lock went with it: the row can be updated at once.
        QVERIFY(db->execute(QStringLiteral("SET lock_timeout = '1s'")));
        QVERIFY(db->execute(QStringLiteral("UPDATE fills SET qty = 0 WHERE id = 1")));
        // A pid that is no session is bad input that changes nothing.
        const Status none = SessionControl::terminate(*db, 999999, SessionControl::Scope::Server);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ExitCode::BadInput);
        QVERIFY(none.error().what.contains(QStringLiteral("No other session with pid 999999")));
    }

    void postgresEndingAnotherRolesSessionIsRefusedWithWhy()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto admin = openUrl(scratch.url());
        QVERIFY(admin && makeFills(*admin, 10));
        PlainRole role(*admin);
        QVERIFY(role.ok());
        {
            RowLockScene scene(scratch.url()); // the superuser's sessions
            QVERIFY(scene.waiting(*admin));
            auto desk = openUrl(urlAs(scratch.url(), role.name()));
            QVERIFY2(desk, "the plain role cannot log in");
            auto snapshot = ServerSessions::read(*desk);
            QVERIFY(snapshot);
            const BlockingSession* holder = snapshot->report.find(scene.holderPid());
            QVERIFY(holder);
            QVERIFY2(!holder->maySignal, "a plain role was told it may end a superuser's session");
            // PostgreSQL hides another role's statement from a role without pg_read_all_stats.
            QCOMPARE(holder->query, QStringLiteral("<insufficient privilege>"));
            const Status refused =
                SessionControl::terminate(*desk, scene.holderPid(), SessionControl::Scope::Server);
            QVERIFY(!refused);
            const QString text = refused.error().toText();
            QVERIFY2(text.contains(QStringLiteral("This role may not end pid %1").arg(scene.holderPid())),
                     qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("pg_signal_backend")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("Nothing was changed: the session still runs.")),
                     qPrintable(text));
            auto still =
                admin->query(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = ?::int"),
                             {scene.holderPid()});
            QVERIFY(still && still->value(0, 0).toInt() == 1);
            // Its own session it may end: the rule is about roles, not a blanket refusal.
            auto second = openUrl(urlAs(scratch.url(), role.name()));
            QVERIFY(second);
            const int own = backendPid(*second);
            QVERIFY(SessionControl::terminate(*desk, own, SessionControl::Scope::Server));
        }
    }

    void sqliteListsTheWriterAndReadsTheWalWithoutACheckpoint()
    {
        ScratchSqlite file;
        SteadyWriter writer(file.path());
        QVERIFY2(writer.ready(), "the steady writer did not start");
        QThread::msleep(300); // some commits in the log
        auto db = openUrl(file.url());
        QVERIFY(db);
        auto snapshot = ServerSessions::read(*db);
        QVERIFY2(snapshot, qPrintable(why(snapshot)));
        QCOMPARE(snapshot->dialect, Dialect::Sqlite);
        QCOMPARE(snapshot->journalMode, QStringLiteral("wal"));
        const BlockingSession* holder = snapshot->report.find(int(writer.pid()));
        QVERIFY2(holder, "the writer process is not listed among the file's holders");
        QCOMPARE(holder->applicationName, QStringLiteral("steady_writer"));
        QVERIFY(snapshot->wal);
        const SqliteWalState& wal = *snapshot->wal;
        QVERIFY2(wal.indexValid, qPrintable(wal.indexProblem));
        QCOMPARE(wal.indexVersion, 3007000u);
        QCOMPARE(wal.pageSize, quint32(sqliteValue(*db, QStringLiteral("PRAGMA page_size"))));
        QVERIFY(wal.mxFrame > 0);
        QVERIFY(wal.nBackfill <= wal.mxFrame);
        // The log holds at least the frames the index counts: a 32-byte header and 24 + page bytes each.
        QVERIFY2(wal.walBytes >= 32 + qint64(wal.mxFrame) * (24 + wal.pageSize), qPrintable(wal.summary()));
        QVERIFY(wal.summary().contains(QStringLiteral("frames")));
    }

    void sqliteWalStateMatchesWhatACheckpointReports()
    {
        ScratchSqlite file;
        auto db = openUrl(file.url());
        QVERIFY(db);
        QVERIFY(db->execute(QStringLiteral("PRAGMA journal_mode=WAL")));
        QVERIFY(db->execute(QStringLiteral("PRAGMA wal_autocheckpoint=0")));
        QVERIFY(db->execute(QStringLiteral("CREATE TABLE t (x)")));
        for (int i = 0; i < 20; ++i)
            QVERIFY(db->execute(QStringLiteral("INSERT INTO t VALUES (randomblob(3000))")));
        const SqliteWalState before = SqliteWalState::read(file.path());
        QVERIFY2(before.indexValid, qPrintable(before.indexProblem));
        QCOMPARE(before.nBackfill, 0u);
        // The test (not the reader) checkpoints, and SQLite's own answer is the truth to compare with.
        auto done = db->query(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        QVERIFY(done);
        const quint32 logFrames = done->value(0, 1).toUInt();
        const quint32 copied = done->value(0, 2).toUInt();
        QCOMPARE(before.mxFrame, logFrames);
        const SqliteWalState after = SqliteWalState::read(file.path());
        QCOMPARE(after.mxFrame, logFrames);
        QCOMPARE(after.nBackfill, copied);
        QCOMPARE(after.framesToCheckpoint(), 0u);
        // A file in rollback-journal mode has no log, and that is said, not guessed.
        ScratchSqlite plain(QStringLiteral("plain.db"));
        auto other = openUrl(plain.url());
        QVERIFY(other && other->execute(QStringLiteral("CREATE TABLE t (x)")));
        const SqliteWalState none = SqliteWalState::read(plain.path());
        QVERIFY(!none.walExists);
        QVERIFY(!none.indexValid);
        QCOMPARE(none.summary(), QStringLiteral("no write-ahead log file"));
        // A -shm no connection has set up (zeros), or one cut short, is said to be so, not read as figures.
        QFile shm(plain.path() + QStringLiteral("-shm"));
        QVERIFY(shm.open(QIODevice::WriteOnly));
        shm.write(QByteArray(32768, '\0'));
        shm.close();
        const SqliteWalState zeros = SqliteWalState::read(plain.path());
        QVERIFY(!zeros.indexValid);
        QVERIFY2(zeros.indexProblem.contains(QStringLiteral("not initialised")),
                 qPrintable(zeros.indexProblem));
        QVERIFY(shm.resize(40));
        const SqliteWalState cut = SqliteWalState::read(plain.path());
        QVERIFY(!cut.indexValid);
        QVERIFY2(cut.indexProblem.contains(QStringLiteral("shorter than a wal-index header")),
                 qPrintable(cut.indexProblem));
    }

    void sessionTextNamesTheSession()
    {
        BlockingSession s;
        s.pid = 4242;
        s.user = QStringLiteral("trader");
        s.applicationName = QStringLiteral("risk-daemon");
        s.database = QStringLiteral("fills");
        s.state = QStringLiteral("idle in transaction");
        s.stateMs = 40000;
        s.transactionMs = 200000;
        s.query = QStringLiteral("UPDATE fills SET qty = 0");
        const QString q = SessionText::question(s, true);
        for (const QString& part :
             {QStringLiteral("pid 4242"), QStringLiteral("user trader"), QStringLiteral("risk-daemon"),
              QStringLiteral("idle in transaction for 40.0 s"),
              QStringLiteral("its transaction 3 min 20 s ago"),
              QStringLiteral("It runs: UPDATE fills SET qty = 0"), QStringLiteral("rolled back")})
            QVERIFY2(q.contains(part), qPrintable(part + QStringLiteral(" missing from: ") + q));
        QCOMPARE(SessionText::duration(850), QStringLiteral("850 ms"));
        QCOMPARE(SessionText::duration(7500000), QStringLiteral("2 h 05 min"));
    }
};

QTEST_GUILESS_MAIN(TestSessions)
#include "tst_sessions.moc"
