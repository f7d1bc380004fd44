// strata-cli when a step fails for a reason other than its SQL: the server stops, an administrator ends
// the session, the disk fills up. Each failure is named by its kind with the Next that fits it, and only a
// statement at fault is blamed. Also the statements that cannot run in a transaction (the directive is
// named), and the database paths and URLs that name no database (symlinks, a truncated file, an sslmode).

#include <QtTest>

#include <unistd.h>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

const QString kBlamesStatement = QStringLiteral("Fix the statement");

bool underCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

struct Command
{
    int exitCode = -1;
    QString output;
};

/// A helper program run to its end (mount, pg_ctl, the test server script), with both streams.
Command runProgram(const QString& program, const QStringList& arguments, int timeoutMs = 180000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    Command result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.output = QStringLiteral("%1 did not finish in time. ").arg(program);
    }
    result.output += QString::fromUtf8(process.readAll());
    if (process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    return result;
}

/// The same server URL with another database name.
QString withDatabase(const QString& url, const QString& name)
{
    return url.section(QLatin1Char('/'), 0, -2) + QLatin1Char('/') + name;
}

/// Opens `url` with `password` in PGPASSWORD for the time of the connect (libpq reads it then).
std::unique_ptr<Database> openWithPassword(const QString& url, const QByteArray& password, QString* error)
{
    const QByteArray previous = qgetenv("PGPASSWORD");
    qputenv("PGPASSWORD", password);
    auto db = openDatabase(url, error);
    qputenv("PGPASSWORD", previous);
    return db;
}

/// The pid of the session of database `name` that runs a statement containing `text`, or 0.
qint64 sessionRunning(Database& server, const QString& name, const QString& text, int timeoutMs = 120000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QStringList rows = queryLines(
            server,
            QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = ? AND state = 'active' "
                           "AND pid <> pg_backend_pid() AND strpos(query, ?) > 0"),
            {name, text});
        if (rows.size() == 1 && !rows.first().startsWith(QLatin1String("ERROR")))
            return rows.first().toLongLong();
        QThread::msleep(50);
    }
    return 0;
}

/// A PostgreSQL server of this test's own (tests/support/pg-test-server.sh), for the tests that stop it:
/// the shared server of STRATA_TEST_PG_URL is never stopped.
class PrivateServer
{
public:
    PrivateServer() : m_dir(QStringLiteral("/tmp/strata-fk-XXXXXX")) {}
    ~PrivateServer()
    {
        if (m_started)
            runProgram(QStringLiteral("bash"), {script(), QStringLiteral("stop"), m_dir.path()});
    }

    /// Starts the server; false with `error()` saying why.
    bool start()
    {
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("cannot create a folder for the server under /tmp");
            return false;
        }
        const Command started =
            runProgram(QStringLiteral("bash"), {script(), QStringLiteral("start"), m_dir.path()});
        m_started = true;
        if (started.exitCode != 0) {
            m_error = QStringLiteral("pg-test-server.sh start failed: ") + started.output;
            return false;
        }
        QFile env(m_dir.filePath(QStringLiteral("env")));
        if (!env.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("pg-test-server.sh wrote no %1").arg(env.fileName());
            return false;
        }
        for (const QByteArray& line : env.readAll().split('\n')) {
            if (line.startsWith("export STRATA_TEST_PG_URL="))
                m_url = QString::fromUtf8(line.mid(int(qstrlen("export STRATA_TEST_PG_URL="))));
            else if (line.startsWith("export PGPASSWORD="))
                m_password = line.mid(int(qstrlen("export PGPASSWORD=")));
        }
        if (m_url.isEmpty() || m_password.isEmpty()) {
            m_error = QStringLiteral("%1 holds no URL or password").arg(env.fileName());
            return false;
        }
        return true;
    }

    /// `pg_ctl stop -m immediate`, as the server's OS user: every backend dies without a checkpoint.
    Command stopImmediately() const
    {
        const QString data = m_dir.filePath(QStringLiteral("pg/data"));
        const QString pgCtl = pgBin() + QStringLiteral("/pg_ctl");
        const QStringList arguments{
            QStringLiteral("stop"), QStringLiteral("-D"),        data,
            QStringLiteral("-m"),   QStringLiteral("immediate"), QStringLiteral("-w")};
        if (::geteuid() == 0)
            return runProgram(
                QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QFileInfo(data).owner(), QStringLiteral("--"), pgCtl} +
                    arguments);
        return runProgram(pgCtl, arguments);
    }

    /// `pg_ctl start` again on the same data folder and port, after stopImmediately(): crash recovery.
    Command restart() const
    {
        const QString data = m_dir.filePath(QStringLiteral("pg/data"));
        const QString pgCtl = pgBin() + QStringLiteral("/pg_ctl");
        const QStringList arguments{QStringLiteral("start"),
                                    QStringLiteral("-D"),
                                    data,
                                    QStringLiteral("-l"),
                                    m_dir.filePath(QStringLiteral("restart.log")),
                                    QStringLiteral("-w"),
                                    QStringLiteral("-t"),
                                    QStringLiteral("60")};
        if (::geteuid() == 0) {
            // The log goes where the server's user may write.
            QFile log(m_dir.filePath(QStringLiteral("restart.log")));
            if (log.open(QIODevice::WriteOnly))
                log.close();
            runProgram(QStringLiteral("chown"), {QFileInfo(data).owner(), log.fileName()});
            return runProgram(
                QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QFileInfo(data).owner(), QStringLiteral("--"), pgCtl} +
                    arguments);
        }
        return runProgram(pgCtl, arguments);
    }

    QString error() const { return m_error; }
    QString url() const { return m_url; }
    QByteArray password() const { return m_password; }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = CliProcess::defaultEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), QString::fromUtf8(m_password));
        environment.insert(QStringLiteral("PGPASSFILE"), QStringLiteral("/nonexistent/strata-test-pgpass"));
        return environment;
    }

private:
    static QString script() { return QStringLiteral(STRATA_SOURCE_DIR "/tests/support/pg-test-server.sh"); }
    static QString pgBin()
    {
        const QString bin = qEnvironmentVariable("STRATA_PG_BIN");
        return bin.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : bin;
    }

    QTemporaryDir m_dir;
    bool m_started = false;
    QString m_url;
    QByteArray m_password;
    QString m_error;
};

/// A step that creates a table and then sleeps, long enough for the test to act while it runs.
void writeSleepingSet(SetBuilder& set)
{
    set.file(QStringLiteral("001_book/01_book.sql"), "CREATE TABLE book (id INTEGER PRIMARY KEY);\n");
    set.file(QStringLiteral("002_marks/01_marks.sql"),
             "-- Description: marks of the day\n"
             "CREATE TABLE marks (n INTEGER NOT NULL);\n"
             "INSERT INTO marks (n) SELECT generate_series(1, 1000);\n"
             "SELECT pg_sleep(30);\n");
}

QStringList migrateArgs(const QString& url, const QString& set)
{
    return cliArgs(url, set,
                   {QStringLiteral("migrate"), QStringLiteral("--yes"), QStringLiteral("--no-backup")});
}

QStringList folderEntries(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                                  QDir::Name);
}

} // namespace

class TestCliFailureKinds : public QObject
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

    // `pg_ctl stop -m immediate` while a step runs: the server's fault, not the file's.
    void serverStoppedMidStep()
    {
        PrivateServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        SetBuilder set;
        writeSleepingSet(set);

        auto process = CliProcess::start(migrateArgs(server.url(), set.path()), server.environment());
        QString error;
        auto watcher = openWithPassword(withDatabase(server.url(), QStringLiteral("postgres")),
                                        server.password(), &error);
        QVERIFY2(watcher, qPrintable(error));
        const QString database = server.url().section(QLatin1Char('/'), -1);
        const qint64 pid = sessionRunning(*watcher, database, QStringLiteral("pg_sleep(30)"));
        if (pid == 0) {
            const auto outcome = CliProcess::finish(*process, 1000);
            QFAIL(qPrintable(QStringLiteral("step 2.1 never ran:\n") + describe(outcome)));
        }
        watcher.reset();
        const Command stopped = server.stopImmediately();
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.output));

        const auto run = CliProcess::finish(*process, 60000);
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Step 2.1")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("shut down")) ||
                     run.err.contains(QStringLiteral("was lost")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("The statement is not at fault")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("pg_isready")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Step 2.1 was rolled back")), qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(kBlamesStatement), qPrintable(describe(run)));

        // The server comes back (crash recovery): step 1 stays, step 2 left nothing, the run that the crash
        // cut off is reported, and migrate run again applies step 2 once.
        const Command restarted = server.restart();
        QVERIFY2(restarted.exitCode == 0, qPrintable(restarted.output));
        {
            auto opened = openWithPassword(server.url(), server.password(), &error);
            QVERIFY2(opened, qPrintable(error));
            const QStringList tables = userTables(*opened);
            QVERIFY2(tables.contains(QStringLiteral("book")) && !tables.contains(QStringLiteral("marks")),
                     qPrintable(tables.join(QLatin1Char(','))));
            QCOMPARE(stepStatuses(*opened), QStringList{QStringLiteral("1.1=applied")});
        }
        const auto status = CliProcess::run(
            cliArgs(server.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("status")}),
            server.environment());
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(status.json().value(QStringLiteral("interrupted_runs")).toArray().size(), 1);
        set.file(QStringLiteral("002_marks/01_marks.sql"),
                 "-- Description: marks of the day\n"
                 "CREATE TABLE marks (n INTEGER NOT NULL);\n"
                 "INSERT INTO marks (n) SELECT generate_series(1, 1000);\n");
        const auto rerun = CliProcess::run(migrateArgs(server.url(), set.path()), server.environment());
        QVERIFY2(rerun.exitCode == 0, qPrintable(describe(rerun)));
        auto after = openWithPassword(server.url(), server.password(), &error);
        QVERIFY2(after, qPrintable(error));
        QCOMPARE(stepStatuses(*after),
                 (QStringList{QStringLiteral("1.1=applied"), QStringLiteral("2.1=applied")}));
        QCOMPARE(queryLines(*after, QStringLiteral("SELECT count(*) FROM marks")),
                 QStringList{QStringLiteral("1000")});
    }

    // pg_terminate_backend from another session while a step runs: the session was ended, the step rolled
    // back by the server, and the file is not blamed.
    void sessionTerminatedMidStep()
    {
        TestDatabase db(Engine::Postgres, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeSleepingSet(set);

        auto process = CliProcess::start(migrateArgs(db.url(), set.path()));
        QString error;
        auto server = openDatabase(postgresServerUrl(), &error);
        QVERIFY2(server, qPrintable(error));
        const QString database = db.url().section(QLatin1Char('/'), -1);
        const qint64 pid = sessionRunning(*server, database, QStringLiteral("pg_sleep(30)"));
        if (pid == 0) {
            const auto outcome = CliProcess::finish(*process, 1000);
            QFAIL(qPrintable(QStringLiteral("step 2.1 never ran:\n") + describe(outcome)));
        }
        QCOMPARE(queryLines(*server, QStringLiteral("SELECT pg_terminate_backend(?)"), {pid}),
                 QStringList{QStringLiteral("t")});

        const auto run = CliProcess::finish(*process, 60000);
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Step 2.1")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("ended this session")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("terminating connection due to administrator command")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("pg_terminate_backend")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("The statement is not at fault")),
                 qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(kBlamesStatement), qPrintable(describe(run)));

        // The server rolled the step back: step 1 stays, step 2 left nothing.
        QVERIFY(waitForOtherSessionsToEnd(*server));
        auto opened = openDatabase(db.url(), &error);
        QVERIFY2(opened, qPrintable(error));
        const QStringList tables = userTables(*opened);
        QVERIFY2(tables.contains(QStringLiteral("book")), qPrintable(tables.join(QLatin1Char(','))));
        QVERIFY2(!tables.contains(QStringLiteral("marks")), qPrintable(tables.join(QLatin1Char(','))));
        const QStringList statuses = stepStatuses(*opened);
        QVERIFY2(statuses.contains(QStringLiteral("1.1=applied")),
                 qPrintable(statuses.join(QLatin1Char(','))));
        QVERIFY2(!statuses.contains(QStringLiteral("2.1=applied")),
                 qPrintable(statuses.join(QLatin1Char(','))));
    }

    // Another session holds a lock the step needs longer than the role's lock_timeout: the lock is named,
    // not the statement.
    void lockTimeoutMidStep()
    {
        TestDatabase db(Engine::Postgres, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_book/01_book.sql"), "CREATE TABLE book (id INTEGER PRIMARY KEY);\n");
        set.file(QStringLiteral("002_notes/01_notes.sql"),
                 "SELECT pg_sleep(2);\nALTER TABLE book ADD COLUMN note TEXT;\n");
        const QString url = db.url() + QStringLiteral("?options=-c%20lock_timeout%3D500");

        auto process = CliProcess::start(migrateArgs(url, set.path()));
        QString error;
        auto server = openDatabase(postgresServerUrl(), &error);
        QVERIFY2(server, qPrintable(error));
        const QString database = db.url().section(QLatin1Char('/'), -1);
        if (sessionRunning(*server, database, QStringLiteral("pg_sleep(2)")) == 0) {
            const auto outcome = CliProcess::finish(*process, 1000);
            QFAIL(qPrintable(QStringLiteral("step 2.1 never ran:\n") + describe(outcome)));
        }
        // A reader of the daemon's, in a long transaction.
        auto reader = openDatabase(db.url(), &error);
        QVERIFY2(reader, qPrintable(error));
        QVERIFY(reader->execute(QStringLiteral("BEGIN")));
        QVERIFY(reader->execute(QStringLiteral("LOCK TABLE book IN ACCESS SHARE MODE")));

        const auto run = CliProcess::finish(*process, 60000);
        QVERIFY(reader->execute(QStringLiteral("ROLLBACK")));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 4); // locked: the contract's code for a lock someone else holds
        QVERIFY2(run.err.contains(QStringLiteral("Step 2.1")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("002_notes/01_notes.sql:2")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("a lock the statement needs was not granted in time")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Another session holds a lock")), qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(kBlamesStatement), qPrintable(describe(run)));
        QVERIFY2(queryLines(*reader, QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE "
                                                    "table_name = 'book' AND column_name = 'note'")) ==
                     QStringList{QStringLiteral("0")},
                 "the step's column was left behind");
    }

    // The role's statement_timeout stops a long step: the timeout is named, not the statement.
    void statementTimeoutMidStep()
    {
        TestDatabase db(Engine::Postgres, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_book/01_book.sql"), "CREATE TABLE book (id INTEGER PRIMARY KEY);\n");
        set.file(QStringLiteral("002_marks/01_marks.sql"),
                 "CREATE TABLE marks (n INTEGER NOT NULL);\nSELECT pg_sleep(5);\n");
        const QString url = db.url() + QStringLiteral("?options=-c%20statement_timeout%3D1500");

        const auto run = CliProcess::run(migrateArgs(url, set.path()));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Step 2.1")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("statement_timeout stopped the statement")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Raise statement_timeout")), qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(kBlamesStatement), qPrintable(describe(run)));
    }

    // A SQLite database on a 1 MB filesystem and a step that writes more than fits.
    void diskFullDuringSqliteStep()
    {
        if (::geteuid() != 0) {
            if (underCi())
                QFAIL("mounting a small tmpfs needs root, and CI must run this test");
            QSKIP("mounting a small tmpfs needs root (run as root or under CI)");
        }
        QTemporaryDir mountPoint;
        QVERIFY(mountPoint.isValid());
        const QString folder = mountPoint.path();
        const Command mounted = runProgram(
            QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                      QStringLiteral("size=1m"), QStringLiteral("tmpfs"), folder});
        if (mounted.exitCode != 0) {
            if (underCi())
                QFAIL(qPrintable(QStringLiteral("mount -t tmpfs failed: ") + mounted.output));
            QSKIP(qPrintable(QStringLiteral("mount -t tmpfs failed: ") + mounted.output));
        }
        auto unmount = qScopeGuard([&] {
            if (runProgram(QStringLiteral("umount"), {folder}).exitCode != 0)
                runProgram(QStringLiteral("umount"), {QStringLiteral("-l"), folder});
        });

        const QString path = QDir(folder).filePath(QStringLiteral("state.db"));
        const QString url = QStringLiteral("sqlite:") + path;
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        {
            QString error;
            auto db = openDatabase(url, &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(db->execute(
                QStringLiteral("CREATE TABLE desks (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")));
            QVERIFY(db->execute(QStringLiteral("INSERT INTO desks (id, name) VALUES (1, 'rates')")));
        }
        SetBuilder set;
        set.file(QStringLiteral("001_fills/01_fills.sql"),
                 "-- Description: a day of fills\n"
                 "CREATE TABLE fills (id INTEGER PRIMARY KEY, note BLOB NOT NULL);\n"
                 "INSERT INTO fills (note) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
                 "WHERE n < 20000) SELECT randomblob(200) FROM c;\n");

        const auto run = CliProcess::run(migrateArgs(url, set.path()));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Step 1.1")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("is full")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Free space on the filesystem of %1").arg(folder)),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("df -h %1").arg(folder)), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("rolled back")), qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(kBlamesStatement), qPrintable(describe(run)));

        // The database is as it was: intact, the desk still there, nothing of the step, no step applied.
        QString error;
        auto db = openDatabase(url, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(queryLines(*db, QStringLiteral("PRAGMA integrity_check")),
                 QStringList{QStringLiteral("ok")});
        QCOMPARE(queryLines(*db, QStringLiteral("SELECT id, name FROM desks")),
                 QStringList{QStringLiteral("1|rates")});
        QVERIFY(!userTables(*db).contains(QStringLiteral("fills")));
        const QStringList statuses = stepStatuses(*db);
        QVERIFY2(!statuses.contains(QStringLiteral("1.1=applied")),
                 qPrintable(statuses.join(QLatin1Char(','))));
        db.reset();
        QVERIFY2(!QFileInfo::exists(path + QStringLiteral("-journal")),
                 qPrintable(folderEntries(folder).join(QLatin1Char(','))));
    }

    void statementThatCannotRunInATransaction_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::addColumn<QByteArray>("statement");
        QTest::newRow("postgresql: CREATE INDEX CONCURRENTLY")
            << Engine::Postgres
            << QByteArray("CREATE INDEX CONCURRENTLY fills_account ON fills (account);\n");
        QTest::newRow("sqlite: VACUUM") << Engine::Sqlite << QByteArray("VACUUM;\n");
    }

    // Without `-- strata:no-transaction` the engine refuses the statement: bad input, and the message names
    // the directive; with it, the same step runs.
    void statementThatCannotRunInATransaction()
    {
        QFETCH(Engine, engine);
        QFETCH(QByteArray, statement);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_fills/01_fills.sql"),
                 "CREATE TABLE fills (id INTEGER PRIMARY KEY, account TEXT NOT NULL);\n");
        const QString step = QStringLiteral("002_indexes/01_fills_account.sql");
        set.file(step, "-- Description: fills by account\n" + statement);

        const auto run = CliProcess::run(migrateArgs(db.url(), set.path()));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("Step 2.1")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("cannot run inside a transaction")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Mark the step `-- strata:no-transaction`")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(step), qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(kBlamesStatement), qPrintable(describe(run)));

        // Doing what the message says makes the step run.
        set.file(step, "-- Description: fills by account\n-- strata:no-transaction\n" + statement);
        const auto again = CliProcess::run(migrateArgs(db.url(), set.path()));
        QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    }

    void symbolicLinkThatNamesNoFile_data()
    {
        QTest::addColumn<bool>("loop");
        QTest::newRow("a loop") << true;
        QTest::newRow("a dangling link") << false;
    }

    void symbolicLinkThatNamesNoFile()
    {
        QFETCH(bool, loop);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("state.db"));
        const QString other =
            dir.filePath(loop ? QStringLiteral("current.db") : QStringLiteral("gone/state.db"));
        QVERIFY(QFile::link(other, path));
        if (loop)
            QVERIFY(QFile::link(path, other));
        const QStringList entries = folderEntries(dir.path());
        SetBuilder set;
        set.file(QStringLiteral("001_book.sql"), "CREATE TABLE book (id INTEGER PRIMARY KEY);\n");

        for (const QStringList& command : {QStringList{QStringLiteral("status")},
                                           QStringList{QStringLiteral("migrate"), QStringLiteral("--yes")}}) {
            const auto run = CliProcess::run(cliArgs(QStringLiteral("sqlite:") + path, set.path(), command));
            QVERIFY2(!run.crashed, qPrintable(describe(run)));
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(path), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("symbolic link")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(loop ? QStringLiteral("leads back to itself")
                                           : QStringLiteral("to a file that does not exist")),
                     qPrintable(describe(run)));
            QVERIFY2(run.err.contains(other), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("ln -sfn")), qPrintable(describe(run)));
            // Touching the path would create an empty database where the link points, or fail.
            QVERIFY2(!run.err.contains(QStringLiteral("touch")), qPrintable(describe(run)));
        }
        QCOMPARE(folderEntries(dir.path()), entries);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("gone"))));
    }

    // A file cut short (its header intact, the last pages missing), as a copy interrupted by a full disk
    // leaves it: named as truncated, with the backups to restore.
    void truncatedSqliteFile()
    {
        ScratchSqlite scratch;
        {
            QString error;
            auto db = openDatabase(scratch.url(), &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(db->execute(
                QStringLiteral("CREATE TABLE fills (id INTEGER PRIMARY KEY, note BLOB NOT NULL)")));
            QVERIFY(
                db->execute(QStringLiteral("INSERT INTO fills (note) WITH RECURSIVE c(n) AS (SELECT 1 UNION "
                                           "ALL SELECT n + 1 FROM c WHERE n < 2000) SELECT randomblob(500) "
                                           "FROM c")));
            QVERIFY(db->execute(QStringLiteral("CREATE INDEX fills_note ON fills (note)")));
        }
        QFile file(scratch.path());
        const qint64 size = file.size();
        QVERIFY(size > 1000000);
        QVERIFY(file.resize(size / 2 / 4096 * 4096));
        const QByteArray bytes = fileBytes(scratch.path());
        SetBuilder set;
        set.file(QStringLiteral("001_book.sql"), "CREATE TABLE book (id INTEGER PRIMARY KEY);\n");

        for (const QStringList& command : {QStringList{QStringLiteral("status")},
                                           QStringList{QStringLiteral("migrate"), QStringLiteral("--yes")}}) {
            const auto run = CliProcess::run(cliArgs(scratch.url(), set.path(), command));
            QVERIFY2(!run.crashed, qPrintable(describe(run)));
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(scratch.path()), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("is damaged")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("It is truncated")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("and the file holds %1 bytes").arg(bytes.size())),
                     qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("`strata-cli backups`")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("`strata-cli restore ID`")), qPrintable(describe(run)));
        }
        QCOMPARE(fileBytes(scratch.path()), bytes);
    }

    void badPostgresUrl_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("message");
        QTest::newRow("an sslmode libpq does not know")
            << QStringLiteral("?sslmode=verify")
            << QStringLiteral("disable, allow, prefer, require, verify-ca, verify-full");
        QTest::newRow("an sslmode in capitals")
            << QStringLiteral("?sslmode=REQUIRE")
            << QStringLiteral("disable, allow, prefer, require, verify-ca, verify-full");
        QTest::newRow("a connection option libpq does not know")
            << QStringLiteral("?sslmod=require") << QStringLiteral("invalid connection option \"sslmod\"");
        QTest::newRow("a connect_timeout that is not a number")
            << QStringLiteral("?connect_timeout=soon") << QStringLiteral("connect_timeout");
        QTest::newRow("a gssencmode libpq does not know")
            << QStringLiteral("?gssencmode=always") << QStringLiteral("invalid gssencmode value");
        QTest::newRow("a target_session_attrs libpq does not know")
            << QStringLiteral("?target_session_attrs=primary-ish") << QStringLiteral("target_session_attrs");
    }

    // A URL that libpq refuses before it connects is bad input (2), not a failure to connect (1).
    void badPostgresUrl()
    {
        QFETCH(QString, query);
        QFETCH(QString, message);
        const int port = unusedLocalPort();
        QVERIFY(port > 0);
        SetBuilder set;
        set.file(QStringLiteral("001_book.sql"), "CREATE TABLE book (id INTEGER PRIMARY KEY);\n");
        const QString url = QStringLiteral("postgresql://ops@127.0.0.1:%1/risk").arg(port) + query;
        for (const QStringList& command : {QStringList{QStringLiteral("status")},
                                           QStringList{QStringLiteral("migrate"), QStringLiteral("--yes")}}) {
            const auto run = CliProcess::run(cliArgs(url, set.path(), command));
            QVERIFY2(!run.crashed, qPrintable(describe(run)));
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(message), qPrintable(describe(run)));
            QVERIFY2(!run.err.contains(QStringLiteral("Cannot reach")), qPrintable(describe(run)));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliFailureKinds)
#include "tst_cli_failure_kinds.moc"
