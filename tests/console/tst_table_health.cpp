// Table health on real engines: the figures match the catalog after a known number of deletes (PostgreSQL's
// statistics waited for, not assumed), the bloat estimate follows its documented arithmetic, pgstattuple's
// absence is explained, and the maintenance actions do what they promise: VACUUM leaves no free page, reports
// its progress, stops on Cancel, and is refused when the disk is short.

#include <atomic>
#include <thread>

#include <QCryptographicHash>
#include <QFile>
#include <QStorageInfo>
#include <QtTest>

#include "SessionsTestKit.h"
#include "health/MaintenanceJob.h"
#include "health/TableHealthReader.h"
#include "health/VacuumCost.h"

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

class TestTableHealth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postgresHealthMatchesTheCatalogAfterAThousandDeletes()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db && makeFills(*db, 10000));
        // No autovacuum on the table: the 10,000 rows inserted are enough for one (PostgreSQL 13's insert
        // threshold), which would clear the dead rows counted below.
        QVERIFY(db->execute(QStringLiteral("ALTER TABLE fills SET (autovacuum_enabled = false)")));
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
        // A partitioned table has no health of its own: said, with where to look instead.
        QVERIFY(db->execute(QStringLiteral("CREATE TABLE ticks (at date NOT NULL) PARTITION BY RANGE (at)")));
        QVERIFY(db->execute(QStringLiteral("CREATE TABLE ticks_2026 PARTITION OF ticks FOR VALUES FROM "
                                           "('2026-01-01') TO ('2027-01-01')")));
        auto parent = TableHealthReader::read(*db, QStringLiteral("public"), QStringLiteral("ticks"));
        QVERIFY(!parent);
        QVERIFY2(parent.error().what.contains(QStringLiteral("is a partitioned table")),
                 qPrintable(why(parent)));
        QVERIFY(TableHealthReader::read(*db, QStringLiteral("public"), QStringLiteral("ticks_2026")));
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

        auto none = TableHealthReader::read(*db, QStringLiteral("main"), QStringLiteral("no_such_table"));
        QVERIFY(!none);
        QCOMPARE(none.error().code, ExitCode::BadInput);

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
};

QTEST_GUILESS_MAIN(TestTableHealth)
#include "tst_table_health.moc"
