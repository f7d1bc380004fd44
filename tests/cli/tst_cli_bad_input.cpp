// strata-cli against bad input: every refusal says what happened and what to do, exits with the documented
// code, and leaves the database exactly as it was.

#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

const QByteArray kAccounts = "-- Migration: 001_accounts\n"
                             "-- Description: trading accounts\n"
                             "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);\n";
const QByteArray kPositions = "-- Migration: 002_positions\n"
                              "CREATE TABLE positions (id INTEGER PRIMARY KEY, account_id INTEGER);\n";
const QByteArray kOrders = "-- Migration: 003_orders\n"
                           "CREATE TABLE orders (id INTEGER PRIMARY KEY, position_id INTEGER);\n";

/// Versions 1 to `count` (at most 3) in the numbered layout.
void writeVersions(SetBuilder& set, int count)
{
    set.file(QStringLiteral("001_accounts.sql"), kAccounts);
    if (count >= 2)
        set.file(QStringLiteral("002_positions.sql"), kPositions);
    if (count >= 3)
        set.file(QStringLiteral("003_orders.sql"), kOrders);
}

/// A TCP port on 127.0.0.1 that nothing listens on (bound once by the kernel's choice, then released).
int freeLocalPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    int port = -1;
    socklen_t length = sizeof(address);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QStringList folderEntries(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestCliBadInput : public QObject
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

    void missingDatabaseFile()
    {
        QTemporaryDir dir;
        SetBuilder set;
        writeVersions(set, 3);
        const QString path = dir.filePath(QStringLiteral("state.db"));
        const QString url = QStringLiteral("sqlite:") + path;

        for (const QStringList& command : {QStringList{QStringLiteral("migrate"), QStringLiteral("--yes")},
                                           QStringList{QStringLiteral("status")}}) {
            const auto run = CliProcess::run(cliArgs(url, set.path(), command));
            QVERIFY2(!run.crashed, qPrintable(describe(run)));
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(path), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("does not exist")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("Check the path")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("touch %1").arg(path)), qPrintable(describe(run)));
            QVERIFY2(run.out.isEmpty(), qPrintable(describe(run)));
        }
        // Nothing was created: no database, no journal, no lock file.
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(folderEntries(dir.path()), QStringList());
    }

    void unreadableDatabaseFile()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeVersions(set, 2);
        const auto migrated = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        writeVersions(set, 3);

        // As root, chmod 000 does not stop reads; a file inside a folder without permissions is tried too.
        QString target = db.path();
        QString lockedFolder;
        if (::geteuid() == 0) {
            lockedFolder = QDir(db.folder()).filePath(QStringLiteral("locked"));
            QVERIFY(QDir().mkpath(lockedFolder));
            target = QDir(lockedFolder).filePath(QStringLiteral("state.db"));
            QVERIFY(QFile::copy(db.path(), target));
        }
        const QByteArray bytes = fileBytes(target);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(::chmod(QFile::encodeName(target).constData(), 0) == 0);
        if (!lockedFolder.isEmpty())
            QVERIFY(::chmod(QFile::encodeName(lockedFolder).constData(), 0) == 0);
        auto restore = qScopeGuard([&] {
            if (!lockedFolder.isEmpty())
                ::chmod(QFile::encodeName(lockedFolder).constData(), 0700);
            ::chmod(QFile::encodeName(target).constData(), 0600);
        });

        QFile probe(target);
        const bool readableAnyway = probe.open(QIODevice::ReadOnly);
        probe.close();
        if (!readableAnyway) {
            const auto run = CliProcess::run(cliArgs(QStringLiteral("sqlite:") + target, set.path(),
                                                     {QStringLiteral("migrate"), QStringLiteral("--yes")}));
            QVERIFY2(!run.crashed, qPrintable(describe(run)));
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(target), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("cannot be read")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("permissions")), qPrintable(describe(run)));
            restore.dismiss();
            if (!lockedFolder.isEmpty())
                QVERIFY(::chmod(QFile::encodeName(lockedFolder).constData(), 0700) == 0);
            QVERIFY(::chmod(QFile::encodeName(target).constData(), 0600) == 0);
            QCOMPARE(fileBytes(target), bytes);
            return;
        }

        // Root reads every file: what remains to check is that a folder is refused as a database.
        restore.dismiss();
        if (!lockedFolder.isEmpty())
            QVERIFY(::chmod(QFile::encodeName(lockedFolder).constData(), 0700) == 0);
        QVERIFY(::chmod(QFile::encodeName(target).constData(), 0600) == 0);
        const QString folder = db.folder();
        const QStringList entries = folderEntries(folder);
        const QStringList before = stateOf(db.url());
        const auto run = CliProcess::run(cliArgs(QStringLiteral("sqlite:") + folder, set.path(),
                                                 {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("%1 is a folder, not a SQLite database file").arg(folder)),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Name the database file itself")),
                 qPrintable(describe(run)));
        QCOMPARE(folderEntries(folder), entries);
        QCOMPARE(stateOf(db.url()), before);
    }

    void notASqliteFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray csv = "account,symbol,qty,price\n";
        for (int i = 0; i < 100; ++i)
            csv += QByteArray("acct-") + QByteArray::number(i) + ",ESZ6," + QByteArray::number(i % 7 + 1) +
                   ",5012.25\n";
        QTest::newRow("a CSV export") << csv;
        QTest::newRow("a few bytes of text") << QByteArray("fills\n");
    }

    void notASqliteFile()
    {
        QFETCH(QByteArray, bytes);
        ScratchSqlite db(QStringLiteral("fills.csv"));
        {
            QFile file(db.path());
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(bytes), bytes.size());
        }
        SetBuilder set;
        writeVersions(set, 3);
        const QStringList entries = folderEntries(db.folder());

        for (const QStringList& command :
             {QStringList{QStringLiteral("migrate"), QStringLiteral("--yes")},
              QStringList{QStringLiteral("status")}, QStringList{QStringLiteral("history")}}) {
            const auto run = CliProcess::run(cliArgs(db.url(), set.path(), command));
            QVERIFY2(!run.crashed, qPrintable(describe(run)));
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QStringLiteral("%1 is not a SQLite database").arg(db.path())),
                     qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("right file")), qPrintable(describe(run)));
        }
        QCOMPARE(fileBytes(db.path()), bytes);
        QCOMPARE(folderEntries(db.folder()), entries);
    }

    void wrongPostgresPassword()
    {
        ScratchPostgres pg;
        STRATA_REQUIRE_POSTGRES(pg);
        SetBuilder set;
        writeVersions(set, 3);
        const QStringList before = stateOf(pg.url());
        QVERIFY2(!before.join(QLatin1Char('\n')).contains(QStringLiteral("ERROR")),
                 qPrintable(before.join(QLatin1Char('\n'))));

        QProcessEnvironment environment = CliProcess::defaultEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("wrong"));
        environment.insert(QStringLiteral("PGPASSFILE"), QStringLiteral("/nonexistent/strata-test-pgpass"));
        const auto run = CliProcess::run(
            cliArgs(pg.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}), environment);
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("refused the login")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("password authentication failed")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("PGPASSWORD")), qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(QStringLiteral("wrong")), qPrintable(describe(run)));
        QCOMPARE(stateOf(pg.url()), before);
    }

    void postgresNotListening()
    {
        const int port = freeLocalPort();
        QVERIFY(port > 0);
        SetBuilder set;
        writeVersions(set, 3);
        const QString url = QStringLiteral("postgresql://strata@127.0.0.1:%1/strata_test").arg(port);
        for (const QStringList& command : {QStringList{QStringLiteral("migrate"), QStringLiteral("--yes")},
                                           QStringList{QStringLiteral("status")}}) {
            QElapsedTimer timer;
            timer.start();
            const auto run = CliProcess::run(cliArgs(url, set.path(), command));
            QVERIFY2(!run.crashed, qPrintable(describe(run)));
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QStringLiteral("Cannot reach the PostgreSQL server")),
                     qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("pg_isready")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("Nothing was changed")), qPrintable(describe(run)));
            QVERIFY2(timer.elapsed() < 30000, "a refused connection is reported at once, not after retries");
        }
    }

    void passwordInUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("secret");
        const QString plain = QStringLiteral("Tr4d3rS3cret");
        QTest::newRow("in the user part")
            << QStringLiteral("postgresql://strata:%1@127.0.0.1:5432/strata_test").arg(plain) << plain;
        QTest::newRow("as a parameter")
            << QStringLiteral("postgresql://strata@127.0.0.1:5432/strata_test?password=%1").arg(plain)
            << plain;
        // Real passwords carry characters that are not valid in a URL as typed.
        QTest::newRow("in the user part, with %")
            << QStringLiteral("postgresql://strata:Tr4d3r%S3cret@127.0.0.1:5432/strata_test")
            << QStringLiteral("Tr4d3r%S3cret");
        QTest::newRow("in the user part, with @")
            << QStringLiteral("postgresql://strata:Tr4d3r@S3cret@127.0.0.1:5432/strata_test")
            << QStringLiteral("Tr4d3r@S3cret");
        QTest::newRow("as a parameter, with %")
            << QStringLiteral("postgresql://strata@127.0.0.1:5432/strata_test?password=Tr4d3r%S3cret")
            << QStringLiteral("Tr4d3r%S3cret");
    }

    void passwordInUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, secret);
        SetBuilder set;
        writeVersions(set, 3);
        const auto run =
            CliProcess::run(cliArgs(url, set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 2);
        // The secret itself never appears in what strata-cli prints (CI logs keep it).
        QVERIFY2(!run.err.contains(secret), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("never takes passwords on the command line")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("PGPASSWORD")), qPrintable(describe(run)));

        const auto json =
            CliProcess::run(cliArgs(url, set.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        QCOMPARE(json.exitCode, 2);
        QString error;
        const auto doc = singleJsonObject(json.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(doc->value(QStringLiteral("error")).toObject().value(QStringLiteral("exit_code")).toInt(),
                 2);
        QVERIFY2(!json.out.contains(secret) && !json.err.contains(secret), qPrintable(describe(json)));
    }

    void twoFilesClaimOneVersion()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeVersions(set, 2);
        const auto first = CliProcess::run(cliArgs(db.url(), set.path(),
                                                   {QStringLiteral("migrate"), QStringLiteral("--yes"),
                                                    QStringLiteral("--to"), QStringLiteral("1")}));
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        // Seed 002's branch conflict: two branches each added their "revision 003".
        set.file(QStringLiteral("003_portfolio_analytics.sql"),
                 "CREATE TABLE portfolio_analytics (id INTEGER PRIMARY KEY, sharpe REAL);\n");
        set.file(QStringLiteral("003_strategy_execution.sql"),
                 "CREATE TABLE strategy_execution (id INTEGER PRIMARY KEY, strategy TEXT);\n");
        const QStringList before = stateOf(db.url());

        const auto run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("003_portfolio_analytics.sql")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("003_strategy_execution.sql")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("slot-conflict")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("rename")), qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);

        const auto json = CliProcess::run(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("--json"), QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QCOMPARE(json.exitCode, 5);
        QString error;
        auto doc = singleJsonObject(json.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("error")).toObject().value(QStringLiteral("exit_code")).toInt(),
                 5);
        QCOMPARE(stateOf(db.url()), before);

        const auto status = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        QCOMPARE(status.exitCode, 0);
        doc = singleJsonObject(status.out, &error);
        QVERIFY2(doc, qPrintable(error));
        const QJsonArray problems = doc->value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 1);
        const QJsonObject problem = problems.first().toObject();
        QCOMPARE(problem.value(QStringLiteral("kind")).toString(), QStringLiteral("slot-conflict"));
        QCOMPARE(problem.value(QStringLiteral("slot")).toString(), QStringLiteral("3.1"));
        QStringList files;
        for (const auto& f : problem.value(QStringLiteral("files")).toArray())
            files << f.toString();
        files.sort();
        QCOMPARE(files, QStringList({QStringLiteral("003_portfolio_analytics.sql"),
                                     QStringLiteral("003_strategy_execution.sql")}));

        auto opened = openDatabase(db.url());
        QVERIFY(opened);
        QCOMPARE(stepStatuses(*opened), QStringList{QStringLiteral("1.1=applied")});
        const QStringList tables = userTables(*opened);
        QVERIFY(!tables.contains(QStringLiteral("positions")));
        QVERIFY(!tables.contains(QStringLiteral("portfolio_analytics")));
        QVERIFY(!tables.contains(QStringLiteral("strategy_execution")));
    }

    void nonUtf8Migration()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeVersions(set, 1);
        // Latin-1 bytes, as an editor on an old desk machine saves them.
        set.file(QStringLiteral("002_desk_notes.sql"),
                 "-- Migration: 002_desk_notes\n-- Notiz: Gr\xfc\xdf"
                 "e aus K\xf6ln\nCREATE TABLE desk_notes (id INTEGER PRIMARY KEY, note TEXT);\n");
        const QStringList before = stateOf(db.url());
        for (const QStringList& command : {QStringList{QStringLiteral("migrate"), QStringLiteral("--yes")},
                                           QStringList{QStringLiteral("status")}}) {
            const auto run = CliProcess::run(cliArgs(db.url(), set.path(), command));
            QVERIFY2(!run.crashed, qPrintable(describe(run)));
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QStringLiteral("002_desk_notes.sql")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("not UTF-8")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("line 2")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("Save the file as UTF-8")), qPrintable(describe(run)));
        }
        // The valid version 1 was not applied either: the set is refused as a whole.
        QCOMPARE(stateOf(db.url()), before);
    }

    void nulByteInMigration_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void nulByteInMigration()
    {
        // A NUL byte (a file damaged in transfer): SQLite looped on it for ever, and PostgreSQL ran the
        // statements before it only and recorded the step as applied.
        QFETCH(Engine, engine);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeVersions(set, 1);
        set.file(QStringLiteral("002_fills.sql"), QByteArray("CREATE TABLE fills (id INTEGER PRIMARY KEY);\n"
                                                             "CREATE TABLE fees (id INTEGER PRIMARY KEY);\0\n"
                                                             "CREATE TABLE marks (id INTEGER PRIMARY KEY);\n",
                                                             135));
        const QStringList before = stateOf(db.url());
        const auto run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}),
            CliProcess::defaultEnvironment(), 60000);
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("002_fills.sql has a NUL byte")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("line 2")), qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);
    }

    void emptyMigration()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeVersions(set, 1);
        set.file(QStringLiteral("002_placeholder.sql"),
                 "-- Migration: 002_placeholder\n-- Description: risk limits, to be written\n"
                 "/* nothing yet */\n\n;\n");
        const QStringList before = stateOf(db.url());
        const auto run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("002_placeholder.sql")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("empty")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("delete the file")), qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);
    }

    void syntaxErrorInMiddleStep_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::addColumn<QString>("databaseMessage");
        QTest::newRow("sqlite") << Engine::Sqlite << QStringLiteral("near \",\": syntax error");
        QTest::newRow("postgresql") << Engine::Postgres << QStringLiteral("syntax error at or near \",\"");
    }

    void syntaxErrorInMiddleStep()
    {
        QFETCH(Engine, engine);
        QFETCH(QString, databaseMessage);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_ledger/01_accounts.sql"),
                 "CREATE TABLE step_one (id INTEGER PRIMARY KEY);\nINSERT INTO step_one (id) VALUES (1);\n");
        set.file(QStringLiteral("002_fills/01_fills.sql"),
                 "-- Description: fills and their fees\n"
                 "CREATE TABLE step_two (id INTEGER PRIMARY KEY);\n"
                 "INSERT INTO step_two (id) VALUES (1);\n"
                 "CREATE TABLE step_two_fees (id INTEGER,, fee NUMERIC);\n");
        set.file(QStringLiteral("003_marks/01_marks.sql"),
                 "CREATE TABLE step_three (id INTEGER PRIMARY KEY);\n");

        const auto run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("002_fills/01_fills.sql:4")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(databaseMessage), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Step 2.1")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("rolled back")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Fix the statement at 002_fills/01_fills.sql line 4")),
                 qPrintable(describe(run)));

        auto opened = openDatabase(db.url());
        QVERIFY(opened);
        const QStringList tables = userTables(*opened);
        // Step 1 stays applied and recorded.
        QVERIFY2(tables.contains(QStringLiteral("step_one")), qPrintable(tables.join(QLatin1Char(','))));
        QCOMPARE(queryLines(*opened, QStringLiteral("SELECT count(*) FROM step_one")),
                 QStringList{QStringLiteral("1")});
        const QStringList statuses = stepStatuses(*opened);
        QVERIFY2(statuses.contains(QStringLiteral("1.1=applied")),
                 qPrintable(statuses.join(QLatin1Char(','))));
        // Step 2 left nothing behind: not even the statements before the failing one.
        QVERIFY2(!tables.contains(QStringLiteral("step_two")), qPrintable(tables.join(QLatin1Char(','))));
        QVERIFY2(!tables.contains(QStringLiteral("step_two_fees")),
                 qPrintable(tables.join(QLatin1Char(','))));
        QVERIFY2(!statuses.contains(QStringLiteral("2.1=applied")),
                 qPrintable(statuses.join(QLatin1Char(','))));
        // Step 3 never ran.
        QVERIFY2(!tables.contains(QStringLiteral("step_three")), qPrintable(tables.join(QLatin1Char(','))));
        for (const QString& s : statuses)
            QVERIFY2(!s.startsWith(QStringLiteral("3.")), qPrintable(statuses.join(QLatin1Char(','))));
        QCOMPARE(
            queryLines(*opened, QStringLiteral("SELECT max(version) FROM schema_version WHERE success = 1")),
            QStringList{QStringLiteral("1")});

        const auto status = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        QCOMPARE(status.exitCode, 0);
        QString error;
        const auto doc = singleJsonObject(status.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("current_version")).toInt(), 1);
        QCOMPARE(slotsOf(doc->value(QStringLiteral("pending")).toArray()),
                 QStringList({QStringLiteral("2.1"), QStringLiteral("3.1")}));
    }

    void rollbackWithoutScript()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeVersions(set, 3);
        set.file(QStringLiteral("001_accounts.down.sql"), "DROP TABLE accounts;\n");
        set.file(QStringLiteral("003_orders.down.sql"), "DROP TABLE orders;\n");
        const auto migrated = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        const QStringList before = stateOf(db.url());

        const auto run = CliProcess::run(cliArgs(db.url(), set.path(),
                                                 {QStringLiteral("rollback"), QStringLiteral("--to"),
                                                  QStringLiteral("0"), QStringLiteral("--yes")}));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("Step 2.1")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("002_positions.sql")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("no rollback script")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("002_positions.down.sql")), qPrintable(describe(run)));
        // Not even version 3, whose rollback script exists, was rolled back.
        QCOMPARE(stateOf(db.url()), before);

        // Going back only past steps that have a script works.
        const auto partial = CliProcess::run(cliArgs(db.url(), set.path(),
                                                     {QStringLiteral("rollback"), QStringLiteral("--to"),
                                                      QStringLiteral("2"), QStringLiteral("--yes")}));
        QVERIFY2(partial.exitCode == 0, qPrintable(describe(partial)));
        auto opened = openDatabase(db.url());
        QVERIFY(opened);
        QVERIFY(!userTables(*opened).contains(QStringLiteral("orders")));
        QVERIFY(userTables(*opened).contains(QStringLiteral("positions")));
    }

    void unknownTargetVersion()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeVersions(set, 3);
        const QStringList before = stateOf(db.url());
        for (const QString& command : {QStringLiteral("migrate"), QStringLiteral("plan")}) {
            const auto run = CliProcess::run(
                cliArgs(db.url(), set.path(),
                        {command, QStringLiteral("--to"), QStringLiteral("7"), QStringLiteral("--yes")}));
            QVERIFY2(!run.crashed, qPrintable(describe(run)));
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QStringLiteral("Version 7 is not in the set")),
                     qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("1, 2, 3")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("Pass --to with one of those versions")),
                     qPrintable(describe(run)));
        }
        const auto notANumber = CliProcess::run(cliArgs(db.url(), set.path(),
                                                        {QStringLiteral("migrate"), QStringLiteral("--to"),
                                                         QStringLiteral("latest"), QStringLiteral("--yes")}));
        QCOMPARE(notANumber.exitCode, 2);
        QVERIFY2(notANumber.err.contains(QStringLiteral("--to takes a whole number")),
                 qPrintable(describe(notANumber)));
        QVERIFY2(notANumber.err.contains(QStringLiteral("--help")), qPrintable(describe(notANumber)));
        QCOMPARE(stateOf(db.url()), before);
    }

    void databaseAheadOfFiles()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder release3;
        writeVersions(release3, 3);
        const auto migrated = CliProcess::run(
            cliArgs(db.url(), release3.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        SetBuilder release2; // the files of the release before
        writeVersions(release2, 2);
        const QStringList before = stateOf(db.url());

        const auto run = CliProcess::run(
            cliArgs(db.url(), release2.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("database-ahead")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("at version 3")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("only go to version 2")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Use the migration files of the release")),
                 qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);

        const auto status = CliProcess::run(
            cliArgs(db.url(), release2.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        QCOMPARE(status.exitCode, 0);
        QString error;
        const auto doc = singleJsonObject(status.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(problemKinds(*doc), QStringList{QStringLiteral("database-ahead")});
        QCOMPARE(doc->value(QStringLiteral("current_version")).toInt(), 3);
        QCOMPARE(doc->value(QStringLiteral("head_version")).toInt(), 2);
    }

    void changedAppliedFile_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void changedAppliedFile()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeVersions(set, 2);
        const auto migrated = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));

        // One byte of an applied file changes (a comment's capital), and a new version is waiting.
        QByteArray changed = kAccounts;
        const qsizetype at = changed.indexOf("trading");
        QVERIFY(at > 0);
        changed[at] = 'T';
        set.file(QStringLiteral("001_accounts.sql"), changed);
        set.file(QStringLiteral("003_orders.sql"), kOrders);
        const QStringList before = stateOf(db.url());

        const auto run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("001_accounts.sql")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("checksum-mismatch")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("changed after it was applied")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("strata-cli resolve 1.1 --accept-checksum")),
                 qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);

        auto status = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        QCOMPARE(status.exitCode, 0);
        QString error;
        auto doc = singleJsonObject(status.out, &error);
        QVERIFY2(doc, qPrintable(error));
        const QJsonArray problems = doc->value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("checksum-mismatch"));
        QCOMPARE(problems.first().toObject().value(QStringLiteral("slot")).toString(), QStringLiteral("1.1"));
        QCOMPARE(problems.first().toObject().value(QStringLiteral("files")).toArray().first().toString(),
                 QStringLiteral("001_accounts.sql"));

        const auto resolved = CliProcess::run(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("resolve"), QStringLiteral("1.1"), QStringLiteral("--accept-checksum")}));
        QVERIFY2(resolved.exitCode == 0, qPrintable(describe(resolved)));
        {
            auto opened = openDatabase(db.url());
            QVERIFY(opened);
            QCOMPARE(
                queryLines(
                    *opened,
                    QStringLiteral(
                        "SELECT checksum, status FROM schema_version_steps WHERE version = 1 AND step = 1")),
                QStringList{sha256(changed) + QStringLiteral("|applied")});
        }
        status = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        doc = singleJsonObject(status.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(problemKinds(*doc), QStringList());
        QCOMPARE(slotsOf(doc->value(QStringLiteral("pending")).toArray()),
                 QStringList{QStringLiteral("3.1")});

        const auto again = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
        auto opened = openDatabase(db.url());
        QVERIFY(opened);
        QCOMPARE(stepStatuses(*opened),
                 QStringList({QStringLiteral("1.1=applied"), QStringLiteral("2.1=applied"),
                              QStringLiteral("3.1=applied")}));
    }

    void olderFileAddedLater()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_accounts.sql"), kAccounts);
        set.file(QStringLiteral("003_orders.sql"), kOrders);
        const auto migrated = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        // A branch merged late brings version 2 after version 3 was applied.
        set.file(QStringLiteral("002_positions.sql"), kPositions);
        const QStringList before = stateOf(db.url());

        const auto run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("out-of-order")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("002_positions.sql")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Give it a version after 3")), qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);
    }

    void migrateWithoutYesAndNoTerminal()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeVersions(set, 2);
        set.file(QStringLiteral("001_accounts.down.sql"), "DROP TABLE accounts;\n");
        set.file(QStringLiteral("002_positions.down.sql"), "DROP TABLE positions;\n");
        QStringList before = stateOf(db.url());
        // CliProcess gives the child /dev/null as standard input: there is no terminal to ask on.
        auto run = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("migrate")}));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("needs confirmation")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("no terminal")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Pass --yes")), qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);

        const auto migrated = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        before = stateOf(db.url());
        run = CliProcess::run(cliArgs(
            db.url(), set.path(), {QStringLiteral("rollback"), QStringLiteral("--to"), QStringLiteral("0")}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("needs confirmation")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Pass --yes")), qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);
    }

    void newEmptyDatabaseMigrates_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    // A new database starts as an empty file (or an empty PostgreSQL database): migrate, with its default
    // backup in front, brings it to the head.
    void newEmptyDatabaseMigrates()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeVersions(set, 3);
        const auto run = CliProcess::run(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("--json"), QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString error;
        const auto doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(slotsOf(doc->value(QStringLiteral("applied")).toArray()),
                 QStringList({QStringLiteral("1.1"), QStringLiteral("2.1"), QStringLiteral("3.1")}));
        auto opened = openDatabase(db.url());
        QVERIFY(opened);
        QCOMPARE(stepStatuses(*opened),
                 QStringList({QStringLiteral("1.1=applied"), QStringLiteral("2.1=applied"),
                              QStringLiteral("3.1=applied")}));
    }

    void jsonOutput_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void jsonOutput()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_base/01_accounts.sql"), kAccounts);
        set.file(QStringLiteral("001_base/02_positions.sql"), kPositions);
        set.file(QStringLiteral("002_orders/01_orders.sql"), kOrders);
        const QStringList slots{QStringLiteral("1.1"), QStringLiteral("1.2"), QStringLiteral("2.1")};
        auto json = [&](const QStringList& command) {
            return CliProcess::run(
                cliArgs(db.url(), set.path(), QStringList{QStringLiteral("--json")} + command));
        };
        QString error;

        // status
        auto run = json({QStringLiteral("status")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        auto doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("command")).toString(), QStringLiteral("status"));
        QCOMPARE(doc->value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(doc->value(QStringLiteral("dialect")).toString(), engineName(engine));
        QCOMPARE(doc->value(QStringLiteral("tracked")).toBool(true), false);
        QCOMPARE(doc->value(QStringLiteral("current_version")).toInt(-1), 0);
        QCOMPARE(doc->value(QStringLiteral("head_version")).toInt(), 2);
        QVERIFY(doc->value(QStringLiteral("applied")).isArray());
        QVERIFY(doc->value(QStringLiteral("problems")).toArray().isEmpty());
        QVERIFY(doc->contains(QStringLiteral("database")));
        QCOMPARE(slotsOf(doc->value(QStringLiteral("pending")).toArray()), slots);
        QVERIFY2(run.err.contains(QStringLiteral("Database:")) &&
                     run.err.contains(QStringLiteral("Pending:")),
                 qPrintable(describe(run)));
        QVERIFY2(!run.out.contains(QStringLiteral("Pending:")), qPrintable(describe(run)));

        // plan: the SQL of each step, and nothing changes
        const QStringList before = stateOf(db.url());
        run = json({QStringLiteral("plan")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("command")).toString(), QStringLiteral("plan"));
        QCOMPARE(doc->value(QStringLiteral("target_version")).toInt(), 2);
        const QJsonArray planned = doc->value(QStringLiteral("steps")).toArray();
        QCOMPARE(slotsOf(planned), slots);
        QVERIFY(planned.at(2)
                    .toObject()
                    .value(QStringLiteral("sql"))
                    .toString()
                    .contains(QStringLiteral("CREATE TABLE orders")));
        QCOMPARE(planned.at(0).toObject().value(QStringLiteral("file")).toString(),
                 QStringLiteral("001_base/01_accounts.sql"));
        QCOMPARE(planned.at(0).toObject().value(QStringLiteral("checksum")).toString(), sha256(kAccounts));
        QVERIFY2(run.err.contains(QStringLiteral("-- Plan for")), qPrintable(describe(run)));
        QVERIFY2(!run.out.contains(QStringLiteral("-- Plan for")), qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);

        // migrate
        run = json({QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("command")).toString(), QStringLiteral("migrate"));
        QCOMPARE(doc->value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(slotsOf(doc->value(QStringLiteral("applied")).toArray()), slots);
        QCOMPARE(doc->value(QStringLiteral("current_version")).toInt(-1), 0);
        QCOMPARE(doc->value(QStringLiteral("target_version")).toInt(), 2);
        QVERIFY2(run.err.contains(QStringLiteral("[1/3]")) && run.err.contains(QStringLiteral("Migrated")),
                 qPrintable(describe(run)));
        QVERIFY2(!run.out.contains(QStringLiteral("Migrated")) && !run.out.contains(QStringLiteral("[1/3]")),
                 qPrintable(describe(run)));

        // history
        run = json({QStringLiteral("history")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("command")).toString(), QStringLiteral("history"));
        QCOMPARE(doc->value(QStringLiteral("tracked")).toBool(), true);
        QCOMPARE(doc->value(QStringLiteral("current_version")).toInt(), 2);
        const QJsonArray versions = doc->value(QStringLiteral("versions")).toArray();
        QCOMPARE(versions.size(), 2);
        for (const auto& v : versions)
            QCOMPARE(v.toObject().value(QStringLiteral("success")).toBool(), true);
        const QJsonArray steps = doc->value(QStringLiteral("steps")).toArray();
        QCOMPARE(slotsOf(steps), slots);
        for (const auto& s : steps)
            QCOMPARE(s.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(steps.at(2).toObject().value(QStringLiteral("checksum")).toString(), sha256(kOrders));
        QVERIFY2(run.err.contains(QStringLiteral("History of")), qPrintable(describe(run)));
        QVERIFY2(!run.out.contains(QStringLiteral("History of")), qPrintable(describe(run)));

        // migrate again: nothing to do, still one document
        run = json({QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("applied")).toArray().size(), 0);
        QVERIFY2(run.err.contains(QStringLiteral("Nothing to do")), qPrintable(describe(run)));
    }
};

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_bad_input.moc"
