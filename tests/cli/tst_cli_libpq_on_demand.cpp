// strata-cli opens libpq only when a command connects to PostgreSQL: a command on a SQLite database never
// loads it (nor the twenty libraries it pulls in), which was a tenth of `status` on a large set; one on
// PostgreSQL loads it and works as before. Read from the dynamic loader's own trace (LD_DEBUG=libs), which
// names every library a process loads, at start or later.

#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

/// A set of one step that any engine runs.
QString writeSet(const QTemporaryDir& dir)
{
    const QString folder = dir.filePath(QStringLiteral("set"));
    QDir().mkpath(folder);
    QFile file(folder + QStringLiteral("/001_create_fills.sql"));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("CREATE TABLE fills (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL);\n");
    return folder;
}

/// The outcome of strata-cli with the dynamic loader tracing the libraries it loads on stderr.
CliProcess::Outcome tracedRun(const QStringList& arguments)
{
    QProcessEnvironment environment = CliProcess::defaultEnvironment();
    environment.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("libs"));
    return CliProcess::run(arguments, environment);
}

bool loadedLibpq(const CliProcess::Outcome& outcome)
{
    return outcome.err.contains(QLatin1String("libpq.so.5"));
}

} // namespace

class TestCliLibpqOnDemand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteCommandsNeverLoadLibpq()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString set = writeSet(dir);
        QVERIFY(!set.isEmpty());
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        for (const QStringList& command : {QStringList{QStringLiteral("status")},
                                           QStringList{QStringLiteral("migrate"), QStringLiteral("--yes")},
                                           QStringList{QStringLiteral("history")}}) {
            const auto run = tracedRun(cliArgs(db.url(), set, command));
            QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
            // The trace is there (the loader did trace this process) and does not name libpq.
            QVERIFY2(run.err.contains(QLatin1String("libQt6Core.so.6")), qPrintable(run.err.left(2000)));
            QVERIFY2(!loadedLibpq(run),
                     qPrintable(command.join(QLatin1Char(' ')) + QStringLiteral(" loaded libpq")));
        }
        const auto applied = CliProcess::run(cliArgs(db.url(), set, {QStringLiteral("status")}));
        QVERIFY2(applied.out.contains(QLatin1String("nothing, the database is up to date")),
                 qPrintable(describe(applied)));
    }

    void postgresqlCommandsLoadItWhenTheyConnect()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString set = writeSet(dir);
        QVERIFY(!set.isEmpty());
        TestDatabase db(Engine::Postgres);
        STRATA_REQUIRE_DATABASE(db);
        const auto migrated =
            tracedRun(cliArgs(db.url(), set, {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        QVERIFY(loadedLibpq(migrated));
        const auto status = tracedRun(cliArgs(db.url(), set, {QStringLiteral("status")}));
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        QVERIFY(loadedLibpq(status));
        QVERIFY2(status.out.contains(QLatin1String("nothing, the database is up to date")),
                 qPrintable(describe(status)));
        // What the steps did is in the database, read here over Strata's own connection.
        auto check = openDatabase(db.url());
        QVERIFY(check);
        QCOMPARE(queryLines(*check, QStringLiteral("SELECT count(*) FROM fills")),
                 QStringList{QStringLiteral("0")});
    }
};

QTEST_GUILESS_MAIN(TestCliLibpqOnDemand)
#include "tst_cli_libpq_on_demand.moc"
