// Sessions and table health on real engines: PostgreSQL sessions that hold and wait for a row lock are
// listed with who blocks whom; cancel and end act on them; a role without the right is refused with why.
// SQLite: a real writer process has the file open in WAL mode; its WAL state is read from the -shm header.
// Table health figures are checked against the catalog after a known number of deletes, and the
// maintenance actions change what they promise (VACUUM leaves no free page; a short disk refuses it).

#include <QCryptographicHash>
#include <QFile>
#include <QStorageInfo>
#include <QtTest>

#include "SessionsTestKit.h"
#include "health/MaintenanceJob.h"
#include "health/TableHealthReader.h"
#include "health/VacuumCost.h"
#include "preflight/SessionControl.h"
#include "sessions/ServerSessions.h"
#include "sessions/SessionText.h"

using namespace strata;
using namespace strata::test;

namespace {

/// Waits until the statistics of `table` show `dead` dead rows (PostgreSQL 15 reports them when the
/// writing backend flushes; pg_stat_force_next_flush() asks it to at once), up to 10 s.
Result<TableHealth> healthWhen(Database& db, const QString& table,
                               const std::function<bool(const TableHealth&)>& ready)
{
    QElapsedTimer timer;
    timer.start();
    Result<TableHealth> health = Error::failed(QStringLiteral("never read"), {}, {});
    while (timer.elapsed() < 10000) {
        health = TableHealthReader::read(db, QStringLiteral("public"), table);
        if (health && ready(*health))
            return health;
        QThread::msleep(100);
    }
    return health;
}

Result<TableHealth> healthWhenDead(Database& db, const QString& table, qint64 dead)
{
    return healthWhen(db, table, [dead](const TableHealth& h) { return h.deadTuples == dead; });
}

QByteArray digest(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

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
    }

    void postgresHealthMatchesTheCatalogAfterAThousandDeletes()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db && makeFills(*db, 10000));
        // The inserts' counts reach the statistics before ANALYZE, which sets n_live_tup from its sample:
        // counts flushed after it would be added to its figure.
        QVERIFY(db->execute(QStringLiteral("SELECT pg_stat_force_next_flush()")));
        auto filled = healthWhen(*db, QStringLiteral("fills"),
                                 [](const TableHealth& h) { return h.liveTuples == 10000; });
        QVERIFY2(filled, qPrintable(why(filled)));
        QVERIFY(db->execute(QStringLiteral("ANALYZE fills")));
        QVERIFY(db->execute(QStringLiteral("DELETE FROM fills WHERE id <= 1000")));
        QVERIFY(db->execute(QStringLiteral("SELECT pg_stat_force_next_flush()")));
        auto health = healthWhenDead(*db, QStringLiteral("fills"), 1000);
        QVERIFY2(health, qPrintable(why(health)));
        QCOMPARE(health->deadTuples, 1000);
        QCOMPARE(health->liveTuples, 9000);
        QVERIFY(health->lastAnalyze.isValid());
        QVERIFY(!health->lastVacuum.isValid());
        auto catalog =
            db->query(QStringLiteral("SELECT relpages, reltuples::bigint FROM pg_class WHERE oid = "
                                     "'public.fills'::regclass"));
        QVERIFY(catalog);
        QCOMPARE(health->pages, catalog->value(0, 0).toLongLong());
        QCOMPARE(health->plannerRows, catalog->value(0, 1).toLongLong());
        QVERIFY2(health->expectedPages.has_value(), qPrintable(health->noEstimate));
        // Right after ANALYZE of a freshly filled table the estimate finds (almost) no bloat.
        QVERIFY2(health->estimatedBloatPercent() < 15,
                 qPrintable(QString::number(health->estimatedBloatPercent())));

        // The exact figure needs pgstattuple: missing, the error says how to install it.
        auto missing = TableHealthReader::exactBloat(*db, QStringLiteral("public"), QStringLiteral("fills"));
        QVERIFY(!missing);
        QVERIFY2(missing.error().next.contains(QStringLiteral("CREATE EXTENSION pgstattuple")),
                 qPrintable(why(missing)));
        QVERIFY(db->execute(QStringLiteral("CREATE EXTENSION pgstattuple")));
        auto exact = TableHealthReader::exactBloat(*db, QStringLiteral("public"), QStringLiteral("fills"));
        QVERIFY2(exact, qPrintable(why(exact)));
        QCOMPARE(exact->liveTuples, 9000);
        QVERIFY(exact->deadTuples > 0 &&
                exact->deadTuples <= 1000); // page pruning may already have freed some

        // VACUUM (ANALYZE) of the table, as the Health tab runs it: no dead rows after, the vacuum recorded.
        MaintenanceJob vacuum(MaintenanceJob::Action::VacuumAnalyzeTable, QStringLiteral("public"),
                              QStringLiteral("fills"));
        QCOMPARE(vacuum.statement(Dialect::Postgres), QStringLiteral("VACUUM (ANALYZE) public.fills"));
        const Status ran = vacuum.run(*db, Progress());
        QVERIFY2(ran, qPrintable(why(ran)));
        QVERIFY(db->execute(QStringLiteral("SELECT pg_stat_force_next_flush()")));
        auto after = healthWhenDead(*db, QStringLiteral("fills"), 0);
        QVERIFY(after);
        QCOMPARE(after->deadTuples, 0);
        QVERIFY(after->lastVacuum.isValid());
        // A table that is not there is bad input.
        auto none = TableHealthReader::read(*db, QStringLiteral("public"), QStringLiteral("no_such_table"));
        QVERIFY(!none);
        QCOMPARE(none.error().code, ExitCode::BadInput);
    }

    void postgresVacuumReportsThePagesItScanned()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db && makeFills(*db, 200000));
        QVERIFY(db->execute(QStringLiteral("DELETE FROM fills WHERE id % 2 = 0")));
        auto pages = db->query(
            QStringLiteral("SELECT pg_relation_size('fills') / current_setting('block_size')::int"));
        QVERIFY(pages);
        // Throttled as autovacuum is, so that the VACUUM lasts long enough to be watched (about 1-2 s).
        QVERIFY(db->execute(QStringLiteral("SET vacuum_cost_delay = '5ms'")));
        std::atomic<qint64> total{0};
        std::atomic<qint64> scanned{0};
        Progress progress([&](qint64 done, qint64 all, const QString& stage) {
            if (stage.startsWith(QLatin1String("vacuum: "))) {
                total = all;
                scanned = done;
            }
        });
        MaintenanceJob vacuum(MaintenanceJob::Action::VacuumAnalyzeTable, QStringLiteral("public"),
                              QStringLiteral("fills"));
        vacuum.watchProgressVia(*ConnectionUrl::parse(scratch.url()));
        const Status ran = vacuum.run(*db, progress);
        QVERIFY2(ran, qPrintable(why(ran)));
        QVERIFY2(vacuum.pageReports() > 0, "no page count was reported while the VACUUM ran");
        QCOMPARE(total.load(), pages->value(0, 0).toLongLong());
        QVERIFY(scanned.load() > 0 && scanned.load() <= total.load());
    }

    void cancelStopsAVacuumOnBothEngines()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db && makeFills(*db, 200000));
        QVERIFY(db->execute(QStringLiteral("DELETE FROM fills WHERE id % 2 = 0")));
        QVERIFY(db->execute(QStringLiteral("SET vacuum_cost_delay = '50ms'"))); // seconds of work, throttled
        std::atomic_bool cancel{false};
        MaintenanceJob vacuum(MaintenanceJob::Action::VacuumAnalyzeTable, QStringLiteral("public"),
                              QStringLiteral("fills"));
        QElapsedTimer timer;
        timer.start();
        std::thread stopper([&cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel = true;
        });
        const Status ran = vacuum.run(*db, Progress({}, &cancel));
        stopper.join();
        QVERIFY(!ran);
        QVERIFY2(ran.error().what.contains(QStringLiteral("was cancelled")), qPrintable(why(ran)));
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(db->execute(QStringLiteral("SELECT 1"))); // the connection is fine after it

        ScratchSqlite file;
        auto lite = openUrl(file.url());
        QVERIFY(lite && lite->execute(QStringLiteral("CREATE TABLE t (x BLOB)")));
        QVERIFY(lite->execute(
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i "
                           "< 20000) INSERT INTO t SELECT randomblob(2000) FROM n")));
        QVERIFY(lite->execute(QStringLiteral("DELETE FROM t WHERE rowid > 10000")));
        const QByteArray before = digest(file.path());
        std::atomic_bool now{true}; // cancelled from the start: interrupted as soon as VACUUM runs
        MaintenanceJob liteVacuum(MaintenanceJob::Action::Vacuum, QStringLiteral("main"),
                                  QStringLiteral("t"));
        const Status stopped = liteVacuum.run(*lite, Progress({}, &now));
        QVERIFY(!stopped);
        QVERIFY2(stopped.error().unchanged.contains(QStringLiteral("rolled it back")),
                 qPrintable(why(stopped)));
        QCOMPARE(digest(file.path()), before);
        QVERIFY(sqliteValue(*lite, QStringLiteral("PRAGMA freelist_count")) > 0);
    }

    void bloatEstimateFollowsTheDocumentedArithmetic()
    {
        // 8 kB pages: (8192 - 24) usable; a 60-byte row costs 24 + 64 + 4 = 92 bytes: 88 rows a page.
        QCOMPARE(TableHealth::expectedPagesFor(88, 60, 8192, 100), 1);
        QCOMPARE(TableHealth::expectedPagesFor(89, 60, 8192, 100), 2);
        QCOMPARE(TableHealth::expectedPagesFor(8800, 60, 8192, 100), 100);
        // Fillfactor 50 halves what a page takes.
        QCOMPARE(TableHealth::expectedPagesFor(8800, 60, 8192, 50), 200);
        QCOMPARE(TableHealth::expectedPagesFor(0, 60, 8192, 100), 0);
        TableHealth h;
        h.pages = 300;
        h.expectedPages = 100;
        QCOMPARE(h.estimatedBloatBytes(), 200 * 8192);
        QCOMPARE(int(h.estimatedBloatPercent()), 66);
    }

    void sqliteHealthAndVacuumLeavesNoFreePage()
    {
        ScratchSqlite file;
        auto db = openUrl(file.url());
        QVERIFY(db);
        QVERIFY(db->execute(QStringLiteral("CREATE TABLE ticks (id INTEGER PRIMARY KEY, payload BLOB)")));
        QVERIFY(
            db->execute(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                                       "i < 5000) INSERT INTO ticks SELECT i, randomblob(200) FROM n")));
        QVERIFY(db->execute(QStringLiteral("DELETE FROM ticks WHERE id % 2 = 0 OR id > 4000")));
        auto health = TableHealthReader::read(*db, QStringLiteral("main"), QStringLiteral("ticks"));
        QVERIFY2(health, qPrintable(why(health)));
        QVERIFY(health->dbstat); // Debian's SQLite is built with SQLITE_ENABLE_DBSTAT_VTAB
        QCOMPARE(health->freelistPages, sqliteValue(*db, QStringLiteral("PRAGMA freelist_count")));
        QVERIFY(health->freelistPages > 0);
        QCOMPARE(health->pageCount, sqliteValue(*db, QStringLiteral("PRAGMA page_count")));
        QCOMPARE(health->tablePages,
                 sqliteValue(*db, QStringLiteral("SELECT count(*) FROM dbstat WHERE name = 'ticks'")));
        QCOMPARE(health->fileBytes, QFileInfo(file.path()).size());
        QVERIFY(health->tableUnusedBytes > 0);

        MaintenanceJob vacuum(MaintenanceJob::Action::Vacuum, QStringLiteral("main"),
                              QStringLiteral("ticks"));
        const Status ran = vacuum.run(*db, Progress());
        QVERIFY2(ran, qPrintable(why(ran)));
        auto after = TableHealthReader::read(*db, QStringLiteral("main"), QStringLiteral("ticks"));
        QVERIFY(after);
        QCOMPARE(after->freelistPages, 0);
        QVERIFY(after->pageCount < health->pageCount);
        QCOMPARE(after->outOfOrderPages, 0); // VACUUM lays the table out in key order
        for (auto action : {MaintenanceJob::Action::Optimize, MaintenanceJob::Action::Analyze}) {
            MaintenanceJob job(action, QStringLiteral("main"), QStringLiteral("ticks"));
            QVERIFY(job.run(*db, Progress()));
        }
        QVERIFY(sqliteValue(*db, QStringLiteral("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'ticks'")) >=
                1);
        // VACUUM of one table is PostgreSQL's: on a SQLite file it is refused, nothing run.
        MaintenanceJob wrong(MaintenanceJob::Action::VacuumAnalyzeTable, QStringLiteral("main"),
                             QStringLiteral("ticks"));
        const Status refused = wrong.run(*db, Progress());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ExitCode::BadInput);
    }

    void vacuumIsRefusedWhenTheDiskIsShort()
    {
        // The real disk's free space against a database bigger than it: refused, naming both figures.
        ScratchSqlite file;
        const qint64 huge = QStorageInfo(file.folder()).bytesTotal() * 2;
        const Status refused = VacuumCost::check(file.path(), huge);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ExitCode::Refused);
        QVERIFY2(refused.error().what.contains(QStringLiteral("Not enough free disk for VACUUM")),
                 qPrintable(why(refused)));
        QVERIFY(refused.error().next.contains(QStringLiteral("SQLITE_TMPDIR")));
        QVERIFY(VacuumCost::check(file.path(), 4096));

        // A real small file system (tmpfs needs root to mount; without it this part cannot run here).
        QTemporaryDir mountPoint;
        if (QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=3m"), QStringLiteral("tmpfs"), mountPoint.path()}) != 0)
            QSKIP("cannot mount a small tmpfs here (needs root): the real-disk refusal above stands");
        const QString path = mountPoint.filePath(QStringLiteral("state.db"));
        QFile(path).open(QIODevice::WriteOnly); // an empty file is an empty SQLite database
        bool ok = false;
        {
            auto db = openUrl(QStringLiteral("sqlite:") + path);
            ok = db && db->execute(QStringLiteral("CREATE TABLE t (x)")).ok() &&
                 db->execute(
                       QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                                      "i < 800) INSERT INTO t SELECT randomblob(2000) FROM n"))
                     .ok();
            const QByteArray before = digest(path);
            MaintenanceJob vacuum(MaintenanceJob::Action::Vacuum, QStringLiteral("main"),
                                  QStringLiteral("t"));
            // The file takes more than half the file system: no room for its rewrite.
            const Status short_ = ok ? vacuum.run(*db, Progress()) : Status();
            if (ok && short_)
                qWarning("VACUUM ran with %lld bytes free for a %lld-byte database",
                         QStorageInfo(mountPoint.path()).bytesAvailable(), QFileInfo(path).size());
            ok = ok && !short_ && short_.error().what.contains(QStringLiteral("Not enough free disk")) &&
                 digest(path) == before;
            if (!ok && !short_)
                qWarning("%s", qPrintable(why(short_)));
        }
        QProcess::execute(QStringLiteral("umount"), {mountPoint.path()});
        QVERIFY2(ok, "VACUUM on a nearly full file system was not refused, or the file changed");
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
