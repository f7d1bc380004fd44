#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/postgres/PostgresRunLock.h"
#include "migrations/HistoryStore.h"

using namespace strata;
using namespace strata::test;

namespace {

std::unique_ptr<PostgresDatabase> openPg(const QString& url)
{
    auto parsed = ConnectionUrl::parse(url);
    if (!parsed)
        return nullptr;
    auto db = PostgresDatabase::open(*parsed);
    return db ? std::move(db).value() : nullptr;
}

} // namespace

class TestPostgresEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postgresParserKeepsQuotedSemicolonsTogether()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openPg(scratch.url());
        QVERIFY(db);
        const QByteArray script =
            "CREATE TABLE notes (body TEXT);\n"
            "/* outer /* nested; */ still a comment; */\n"
            "INSERT INTO notes VALUES (E'it\\'s; escaped'), ('plain; text'), ($tag$dollar; 'quoted'$tag$);\n"
            "CREATE FUNCTION add_note(t TEXT) RETURNS void LANGUAGE plpgsql AS $$\n"
            "BEGIN\n  INSERT INTO notes VALUES (t);\n  INSERT INTO notes VALUES (t || ';again');\nEND;\n$$;\n"
            "DO $body$ BEGIN PERFORM add_note('from do;'); END $body$;\n"
            "-- trailing comment; with semicolon\n";
        auto ran = db->runScript({QStringLiteral("quotes.sql"), script, 1}, false);
        QVERIFY2(ran.ok(), qPrintable(ran.ok() ? QString() : ran.error().toText()));
        auto rows = db->query(QStringLiteral("SELECT string_agg(body, '|' ORDER BY body) FROM notes"));
        QCOMPARE(rows->value(0, 0).toString(),
                 QStringLiteral("dollar; 'quoted'|from do;|from do;;again|it's; escaped|plain; text"));
    }

    void errorNamesFileLineAndServerMessage()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openPg(scratch.url());
        const QByteArray script = "CREATE TABLE a (id INT);\n"
                                  "INSERT INTO a\n"
                                  "  SELECT id\n"
                                  "  FROM missing_table;\n";
        auto ran = db->runScript({QStringLiteral("001_create.sql"), script, 1}, false);
        QVERIFY(!ran.ok());
        // The server points at "missing_table": line 4 of the file.
        QVERIFY2(ran.error().what.startsWith(QStringLiteral("001_create.sql:4:")),
                 qPrintable(ran.error().what));
        QVERIFY(ran.error().what.contains(QStringLiteral("relation \"missing_table\" does not exist")));
        QVERIFY(ran.error().what.contains(QStringLiteral("42P01")));
    }

    void syntaxErrorIsReportedByTheServer()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openPg(scratch.url());
        auto ran =
            db->runScript({QStringLiteral("bad.sql"), "SELECT 1;\n\nCREAT TABLE x (id INT);\n", 1}, false);
        QVERIFY(!ran.ok());
        QVERIFY2(ran.error().what.startsWith(QStringLiteral("bad.sql:3:")), qPrintable(ran.error().what));
        QVERIFY(ran.error().what.contains(QStringLiteral("syntax error")));
    }

    void commitInsideAStepIsRefused()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openPg(scratch.url());
        QVERIFY(db->begin().ok());
        auto ran = db->runScript({QStringLiteral("s.sql"), "CREATE TABLE a (id INT);\nCOMMIT;\n", 1}, true);
        QVERIFY(!ran.ok());
        QCOMPARE(ran.error().code, ExitCode::BadInput);
        QVERIFY(ran.error().what.startsWith(QStringLiteral("s.sql:2:")));
        QVERIFY(db->rollback().ok());
        QVERIFY(!db->tableExists(QStringLiteral("a")).value());
    }

    void failedStepLeavesNothingAndEarlierStepsStay()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder set;
        set.file(QStringLiteral("001_a.sql"), "CREATE TABLE a (id INT);\n")
            .file(QStringLiteral("002_b.sql"),
                  "CREATE TABLE b (id INT);\nCREATE INDEX b_i ON b(id);\nALTER TABLE b ADD COLUMN id INT;\n")
            .file(QStringLiteral("003_c.sql"), "CREATE TABLE c (id INT);\n");
        auto db = openPg(scratch.url());
        auto outcome = MigrationHarness::migrate(*db, *MigrationHarness::load(set.path()));
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error().what.contains(QStringLiteral("002_b.sql:3:")),
                 qPrintable(outcome.error().what));
        QVERIFY(outcome.error().what.contains(QStringLiteral("already exists")));
        auto tables = db->userTables();
        QVERIFY(tables->contains(QStringLiteral("a")));
        QVERIFY(!tables->contains(QStringLiteral("b")));
        QVERIFY(!tables->contains(QStringLiteral("c")));
        QVERIFY(db->query(QStringLiteral("SELECT 1 FROM pg_class WHERE relname = 'b_i'"))->isEmpty());
        QCOMPARE(MigrationHarness::stepStatuses(*db), (QStringList{"1.1=applied", "2.1=failed"}));
        QCOMPARE(db->query(QStringLiteral("SELECT MAX(version) FROM schema_version WHERE success = 1"))
                     ->value(0, 0)
                     .toInt(),
                 1);
    }

    void advisoryLockIsExclusiveAndNamesItsHolder()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto first = openPg(scratch.url());
        auto second = openPg(scratch.url());
        auto held = first->acquireRunLock(std::chrono::milliseconds(0), {});
        QVERIFY(held.ok());
        const QString holderPid =
            first->query(QStringLiteral("SELECT pg_backend_pid()"))->value(0, 0).toString();
        QString heard;
        auto waited =
            second->acquireRunLock(std::chrono::milliseconds(300), [&](const QString& h) { heard = h; });
        QVERIFY(!waited.ok());
        QCOMPARE(waited.error().code, ExitCode::Locked);
        QVERIFY2(heard.contains(QStringLiteral("pid ") + holderPid), qPrintable(heard));
        QVERIFY(heard.contains(QStringLiteral("strata ")));
        held->reset();
        QVERIFY(second->acquireRunLock(std::chrono::milliseconds(0), {}).ok());
    }

    void lockDiesWithItsConnection()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto first = openPg(scratch.url());
        auto held = first->acquireRunLock(std::chrono::milliseconds(0), {});
        QVERIFY(held.ok());
        // A crashed run: its connection goes away without unlocking.
        auto* raw = held->release();
        Q_UNUSED(raw); // never destroyed: the lock is only released by the connection's end
        first.reset();
        auto second = openPg(scratch.url());
        QVERIFY(second->acquireRunLock(std::chrono::seconds(5), {}).ok());
    }

    void wrongPasswordAndNoServerAreClear()
    {
        const QString base = postgresServerUrl();
        if (base.isEmpty())
            QFAIL("STRATA_TEST_PG_URL is not set: run the tests with ./scripts/test.sh");
        const QByteArray saved = qgetenv("PGPASSWORD");
        qputenv("PGPASSWORD", "certainly-wrong");
        auto parsed = ConnectionUrl::parse(base);
        auto refused = PostgresDatabase::open(*parsed);
        qputenv("PGPASSWORD", saved);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ExitCode::BadInput);
        QVERIFY2(refused.error().what.contains(QStringLiteral("password")), qPrintable(refused.error().what));
        QVERIFY(refused.error().next.contains(QStringLiteral("PGPASSWORD")));

        const int port = unusedLocalPort();
        QVERIFY(port > 0);
        auto nowhere = ConnectionUrl::parse(QStringLiteral("postgresql://strata@127.0.0.1:%1/x").arg(port));
        auto unreachable = PostgresDatabase::open(*nowhere);
        QVERIFY(!unreachable.ok());
        QCOMPARE(unreachable.error().code, ExitCode::Failed);
        QVERIFY2(unreachable.error().what.contains(QStringLiteral("Cannot reach")),
                 qPrintable(unreachable.error().what));
        QVERIFY(unreachable.error().next.contains(QStringLiteral("pg_isready")));
    }
};

QTEST_GUILESS_MAIN(TestPostgresEngine)
#include "tst_postgres_engine.moc"
