// Several strata-cli runs against one database at once, as happens when two deploy jobs or an operator and a
// deploy job meet: the migration lock lets exactly one run apply each step, the others wait (saying who
// holds the lock) or give up with exit 4.

#include <QSysInfo>
#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

constexpr int kRuns = 8;
constexpr int kSqliteRows = 200000;
constexpr int kPostgresRows = 1000;

/// Slots of the concurrency set: five steps over four versions.
const QStringList kSlots{QStringLiteral("1.1"), QStringLiteral("2.1"), QStringLiteral("2.2"),
                         QStringLiteral("3.1"), QStringLiteral("4.1")};

QString tableFor(const QString& slot)
{
    return QStringLiteral("fills_") + QString(slot).replace(QLatin1Char('.'), QLatin1Char('_'));
}

/// A step that takes a little time and creates its own table (without IF NOT EXISTS: a second run of the same
/// step would fail).
QByteArray slowStep(Engine engine, const QString& table, int rows)
{
    if (engine == Engine::Sqlite)
        return QStringLiteral(
                   "CREATE TABLE %1 (n INTEGER NOT NULL);\n"
                   "INSERT INTO %1 (n) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
                   "WHERE n < %2) SELECT n FROM c;\n")
            .arg(table)
            .arg(rows)
            .toUtf8();
    return QStringLiteral("SELECT pg_sleep(0.2);\n"
                          "CREATE TABLE %1 (n INTEGER NOT NULL);\n"
                          "INSERT INTO %1 (n) SELECT generate_series(1, %2);\n")
        .arg(table)
        .arg(rows)
        .toUtf8();
}

int rowsFor(Engine engine)
{
    return engine == Engine::Sqlite ? kSqliteRows : kPostgresRows;
}

void writeSet(SetBuilder& set, Engine engine, int rows)
{
    const QStringList folders{QStringLiteral("001_fills"), QStringLiteral("002_fees"),
                              QStringLiteral("002_fees"), QStringLiteral("003_marks"),
                              QStringLiteral("004_limits")};
    for (qsizetype i = 0; i < kSlots.size(); ++i) {
        const QString step = kSlots[i].section(QLatin1Char('.'), 1);
        set.file(QStringLiteral("%1/0%2_step.sql").arg(folders[i], step),
                 slowStep(engine, tableFor(kSlots[i]), rows));
    }
}

/// The pid a waiting run named as the holder of the lock: SQLite names the strata-cli process, PostgreSQL the
/// server backend and, in its application name, the strata-cli process.
qint64 holderPid(Engine engine, const QString& err, QString* host)
{
    static const QRegularExpression sqliteHolder(
        QStringLiteral("Waiting up to \\d+ s for the migration lock, held by pid (\\d+) on host (\\S+) "));
    static const QRegularExpression postgresHolder(QStringLiteral(
        "Waiting up to \\d+ s for the migration lock, held by pid \\d+ \\(strata (\\d+)@([^)]+)\\)"));
    const auto match = (engine == Engine::Sqlite ? sqliteHolder : postgresHolder).match(err);
    if (!match.hasMatch())
        return 0;
    if (host)
        *host = match.captured(2);
    return match.captured(1).toLongLong();
}

bool waitForFile(const QString& path, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (QFileInfo(path).size() > 0)
            return true;
        QThread::msleep(10);
    }
    return false;
}

} // namespace

class TestCliConcurrency : public QObject
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

    void eightMigratesAtOnce_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void eightMigratesAtOnce()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeSet(set, engine, rowsFor(engine));
        const QStringList args =
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("--json"), QStringLiteral("--yes"), QStringLiteral("--lock-timeout"),
                     QStringLiteral("120"), QStringLiteral("migrate")});

        // Every process is started before any is waited for. Each pid is read as soon as its process has
        // started: once QProcess has seen a process end, processId() is 0, and the first run may end (the
        // others waiting) before the last one starts.
        std::vector<std::unique_ptr<QProcess>> processes;
        QSet<qint64> pids;
        for (int i = 0; i < kRuns; ++i) {
            processes.push_back(CliProcess::start(args));
            QVERIFY2(processes.back()->waitForStarted(30000), qPrintable(processes.back()->errorString()));
            pids.insert(processes.back()->processId());
        }
        QList<CliProcess::Outcome> outcomes;
        for (auto& p : processes)
            outcomes << CliProcess::finish(*p, 240000);

        QStringList appliedByAll;
        int done = 0;
        int waited = 0;
        int appliers = 0;
        for (const auto& outcome : outcomes) {
            QVERIFY2(!outcome.crashed, qPrintable(describe(outcome)));
            QVERIFY2(outcome.exitCode == 0 || outcome.exitCode == 4, qPrintable(describe(outcome)));
            QString error;
            const auto doc = singleJsonObject(outcome.out, &error);
            QVERIFY2(doc, qPrintable(error + QLatin1Char('\n') + describe(outcome)));
            if (outcome.exitCode == 0) {
                ++done;
                QCOMPARE(doc->value(QStringLiteral("ok")).toBool(), true);
                const QStringList applied = slotsOf(doc->value(QStringLiteral("applied")).toArray());
                appliers += applied.isEmpty() ? 0 : 1;
                appliedByAll += applied;
            } else {
                QCOMPARE(
                    doc->value(QStringLiteral("error")).toObject().value(QStringLiteral("exit_code")).toInt(),
                    4);
            }
            if (outcome.err.contains(QStringLiteral("Waiting up to 120 s for the migration lock"))) {
                ++waited;
                QString host;
                const qint64 holder = holderPid(engine, outcome.err, &host);
                QVERIFY2(holder > 0,
                         qPrintable(QStringLiteral("the waiting run does not name the holder's pid:\n") +
                                    describe(outcome)));
                QVERIFY2(pids.contains(holder),
                         qPrintable(QStringLiteral("holder pid %1 is none of the eight runs:\n").arg(holder) +
                                    describe(outcome)));
                QCOMPARE(host, QSysInfo::machineHostName());
            }
        }
        qInfo("%d of %d runs finished with exit 0, %d applied steps, %d waited for the lock", done, kRuns,
              appliers, waited);
        QVERIFY(done >= 1);
        QVERIFY2(waited >= 1, "eight runs started at once, yet none had to wait for the lock");
        // Each step was applied by exactly one of the runs.
        appliedByAll.sort();
        QCOMPARE(appliedByAll, kSlots);

        auto opened = openDatabase(db.url());
        QVERIFY(opened);
        QStringList expected;
        for (const QString& slot : kSlots)
            expected << slot + QStringLiteral("=applied");
        QCOMPARE(stepStatuses(*opened), expected);
        const QStringList tables = userTables(*opened);
        for (const QString& slot : kSlots) {
            QVERIFY2(tables.contains(tableFor(slot)), qPrintable(slot));
            QCOMPARE(queryLines(*opened, QStringLiteral("SELECT count(*) FROM %1").arg(tableFor(slot))),
                     QStringList{QString::number(rowsFor(engine))});
        }
        QCOMPARE(queryLines(*opened,
                            QStringLiteral("SELECT version, success FROM schema_version ORDER BY version")),
                 QStringList({QStringLiteral("1|1"), QStringLiteral("2|1"), QStringLiteral("3|1"),
                              QStringLiteral("4|1")}));
    }

    void shortLockTimeoutSqlite()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeSet(set, Engine::Sqlite, 1000000); // a few seconds in all
        const QString lockFile = db.path() + QStringLiteral(".strata-lock");

        auto holder = CliProcess::start(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("--json"), QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY(holder->waitForStarted(30000));
        const qint64 holderPid = holder->processId();
        QVERIFY2(waitForFile(lockFile, 60000), "the first run never took the lock");

        QElapsedTimer timer;
        timer.start();
        const auto contender =
            CliProcess::run(cliArgs(db.url(), set.path(),
                                    {QStringLiteral("migrate"), QStringLiteral("--yes"),
                                     QStringLiteral("--lock-timeout"), QStringLiteral("1")}));
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(!holder->waitForFinished(0),
                 "the first run ended before the second gave up: the set is too fast for this test");
        QVERIFY2(!contender.crashed, qPrintable(describe(contender)));
        QCOMPARE(contender.exitCode, 4);
        QVERIFY2(contender.err.contains(QStringLiteral("Another run holds the migration lock")),
                 qPrintable(describe(contender)));
        QVERIFY2(contender.err.contains(
                     QStringLiteral("pid %1 on host %2").arg(holderPid).arg(QSysInfo::machineHostName())),
                 qPrintable(describe(contender)));
        QVERIFY2(contender.err.contains(QStringLiteral("--lock-timeout")), qPrintable(describe(contender)));
        QVERIFY2(elapsed >= 900,
                 qPrintable(QStringLiteral("gave up after %1 ms, before the timeout").arg(elapsed)));
        QVERIFY2(elapsed < 30000, qPrintable(QStringLiteral("gave up only after %1 ms").arg(elapsed)));

        const auto first = CliProcess::finish(*holder, 240000);
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        QString error;
        const auto doc = singleJsonObject(first.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(slotsOf(doc->value(QStringLiteral("applied")).toArray()), kSlots);
        QVERIFY(!QFileInfo::exists(lockFile));
    }

    // One long step: its transaction outgrows SQLite's page cache, so SQLite keeps the file locked until it
    // commits, for longer than the 5 s SQLite waits by default. Other runs still go by the migration lock:
    // one with --lock-timeout 1 gives up after about a second naming the holder, one with a long timeout
    // waits for the holder to finish.
    void longSqliteStepHoldsTheFile()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(
            QStringLiteral("001_archive/01_backfill.sql"),
            "CREATE TABLE fills_archive (n INTEGER NOT NULL, note TEXT NOT NULL);\n"
            "INSERT INTO fills_archive (n, note) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
            "FROM c WHERE n < 300000) SELECT n, 'archived fill ' || n FROM c;\n"
            "SELECT count(*) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
            "WHERE n < 40000000) SELECT n FROM c);\n");
        auto holder = CliProcess::start(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY(holder->waitForStarted(30000));
        const qint64 holderPid = holder->processId();
        // The step's transaction has begun writing once the rollback journal appears.
        QVERIFY2(waitForFile(db.path() + QStringLiteral("-journal"), 120000), "the long step never started");
        QThread::msleep(1000); // its rows are in, its long query runs

        const QString hostName = QSysInfo::machineHostName();
        auto quick = CliProcess::start(cliArgs(db.url(), set.path(),
                                               {QStringLiteral("migrate"), QStringLiteral("--yes"),
                                                QStringLiteral("--lock-timeout"), QStringLiteral("1")}));
        auto patient = CliProcess::start(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("--json"), QStringLiteral("migrate"), QStringLiteral("--yes"),
                     QStringLiteral("--lock-timeout"), QStringLiteral("120")}));
        QElapsedTimer timer;
        timer.start();
        const auto gaveUp = CliProcess::finish(*quick, 120000);
        const qint64 elapsed = timer.elapsed();
        const bool holderRunning = !holder->waitForFinished(0);
        const auto waited = CliProcess::finish(*patient, 240000);
        const auto first = CliProcess::finish(*holder, 240000);

        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        QVERIFY2(holderRunning, "the long step ended before the run with --lock-timeout 1 gave up");
        const QByteArray both =
            (QStringLiteral("with --lock-timeout 1, after %1 ms: ").arg(elapsed) + describe(gaveUp) +
             QStringLiteral("\nwith --lock-timeout 120: ") + describe(waited))
                .toUtf8();
        QVERIFY2(!gaveUp.crashed && gaveUp.exitCode == 4, both.constData());
        QVERIFY2(gaveUp.err.contains(QStringLiteral("Another run holds the migration lock")),
                 both.constData());
        QVERIFY2(gaveUp.err.contains(QStringLiteral("pid %1 on host %2").arg(holderPid).arg(hostName)),
                 both.constData());
        QVERIFY2(elapsed < 4000, both.constData());
        QVERIFY2(waited.exitCode == 0, both.constData());
        QVERIFY2(
            waited.err.contains(QStringLiteral("held by pid %1 on host %2").arg(holderPid).arg(hostName)),
            both.constData());
        QString error;
        const auto doc = singleJsonObject(waited.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("applied")).toArray().size(), 0);
    }

    void shortLockTimeoutPostgres()
    {
        TestDatabase pg(Engine::Postgres);
        STRATA_REQUIRE_DATABASE(pg);
        SetBuilder set;
        writeSet(set, Engine::Postgres, kPostgresRows);
        // An operator's session holds Strata's migration lock (PostgresRunLock's keys).
        auto session = openDatabase(pg.url());
        QVERIFY(session);
        QCOMPARE(queryLines(*session, QStringLiteral("SELECT pg_advisory_lock(1398034497, 1)")),
                 QStringList{QString()});
        const QStringList backend = queryLines(*session, QStringLiteral("SELECT pg_backend_pid()"));
        QCOMPARE(backend.size(), 1);
        const QStringList before = stateOf(pg.url());

        QElapsedTimer timer;
        timer.start();
        const auto contender =
            CliProcess::run(cliArgs(pg.url(), set.path(),
                                    {QStringLiteral("migrate"), QStringLiteral("--yes"),
                                     QStringLiteral("--lock-timeout"), QStringLiteral("1")}));
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(!contender.crashed, qPrintable(describe(contender)));
        QCOMPARE(contender.exitCode, 4);
        QVERIFY2(contender.err.contains(QStringLiteral("Another run holds the migration lock")),
                 qPrintable(describe(contender)));
        QVERIFY2(contender.err.contains(QStringLiteral("pid %1 ").arg(backend.first())),
                 qPrintable(describe(contender)));
        QVERIFY2(contender.err.contains(QStringLiteral("pg_terminate_backend")),
                 qPrintable(describe(contender)));
        QVERIFY2(elapsed >= 900,
                 qPrintable(QStringLiteral("gave up after %1 ms, before the timeout").arg(elapsed)));
        QVERIFY2(elapsed < 30000, qPrintable(QStringLiteral("gave up only after %1 ms").arg(elapsed)));
        QCOMPARE(stateOf(pg.url()), before);

        // Once the session lets go, a run goes through.
        QCOMPARE(queryLines(*session, QStringLiteral("SELECT pg_advisory_unlock(1398034497, 1)")),
                 QStringList{QStringLiteral("t")});
        const auto run = CliProcess::run(cliArgs(pg.url(), set.path(),
                                                 {QStringLiteral("migrate"), QStringLiteral("--yes"),
                                                  QStringLiteral("--lock-timeout"), QStringLiteral("1")}));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(QStringLiteral("Waiting")), qPrintable(describe(run)));
    }
};

QTEST_GUILESS_MAIN(TestCliConcurrency)
#include "tst_cli_concurrency.moc"
