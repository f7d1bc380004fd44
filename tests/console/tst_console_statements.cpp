// The statements of an editor's text and what each does, on both engines' own rules; the history and the
// operations log keep no secrets.

#include <QtTest>

#include "ScratchDatabases.h"
#include "connection/DatabaseOpener.h"
#include "console/ConsoleStatements.h"
#include "console/OperationsLog.h"
#include "console/QueryHistory.h"
#include "console/SecretRedactor.h"
#include "console/StatementKind.h"

using namespace strata;
using namespace strata::test;

class TestConsoleStatements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void splitsWithCharacterRanges_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("sqlite") << int(Dialect::Sqlite);
        QTest::newRow("postgresql") << int(Dialect::Postgres);
    }
    void splitsWithCharacterRanges()
    {
        QFETCH(int, dialect);
        const QString script =
            QStringLiteral("-- fills of the day\nSELECT 'é;' AS x;\n\n  /* next */ UPDATE t SET a = 'ü'\n"
                           "  WHERE b = ';';\nSELECT 3");
        const auto statements = ConsoleStatements::split(Dialect(dialect), script);
        QCOMPARE(statements.size(), 3);
        QCOMPARE(statements.at(0).text, QStringLiteral("SELECT 'é;' AS x"));
        QCOMPARE(script.mid(statements.at(0).start, statements.at(0).length), statements.at(0).text);
        QCOMPARE(statements.at(1).text, QStringLiteral("UPDATE t SET a = 'ü'\n  WHERE b = ';'"));
        QCOMPARE(statements.at(1).start, int(script.indexOf(QStringLiteral("UPDATE"))));
        QCOMPARE(statements.at(2).text, QStringLiteral("SELECT 3"));
        QCOMPARE(statements.at(2).end(), int(script.size()));

        // The cursor inside the UPDATE, just after the first statement's semicolon, and at the end.
        QCOMPARE(ConsoleStatements::statementAt(Dialect(dialect), script,
                                                int(script.indexOf(QStringLiteral("WHERE"))))
                     ->text,
                 statements.at(1).text);
        QCOMPARE(ConsoleStatements::statementAt(Dialect(dialect), script, statements.at(0).end() + 1)->text,
                 statements.at(0).text);
        QCOMPARE(ConsoleStatements::statementAt(Dialect(dialect), script, int(script.size()))->text,
                 statements.at(2).text);
        QCOMPARE(ConsoleStatements::statementAt(Dialect(dialect), script, 0)->text, statements.at(0).text);
        QVERIFY(!ConsoleStatements::statementAt(Dialect(dialect), QStringLiteral("  -- nothing\n"), 3));
    }

    void postgresBodiesStayWhole()
    {
        const QString script = QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ "
                                              "LANGUAGE plpgsql;\nSELECT f();");
        const auto statements = ConsoleStatements::split(Dialect::Postgres, script);
        QCOMPARE(statements.size(), 2);
        QVERIFY(statements.at(0).text.endsWith(QStringLiteral("LANGUAGE plpgsql")));
    }

    void kindsOnPostgres_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("kind");
        QTest::newRow("select") << "SELECT * FROM fills" << int(StatementKind::Read);
        QTest::newRow("show") << "SHOW work_mem" << int(StatementKind::Read);
        QTest::newRow("explain") << "EXPLAIN DELETE FROM fills" << int(StatementKind::Read);
        QTest::newRow("explain analyze delete")
            << "EXPLAIN (ANALYZE) DELETE FROM fills" << int(StatementKind::Write);
        QTest::newRow("update") << "UPDATE fills SET qty = 1" << int(StatementKind::Write);
        QTest::newRow("cte delete")
            << "WITH gone AS (DELETE FROM fills RETURNING *) SELECT count(*) FROM gone"
            << int(StatementKind::Write);
        QTest::newRow("select into") << "SELECT * INTO copy FROM fills" << int(StatementKind::Schema);
        QTest::newRow("truncate") << "TRUNCATE fills" << int(StatementKind::Write);
        QTest::newRow("create index") << "CREATE INDEX ON fills (qty)" << int(StatementKind::Schema);
        QTest::newRow("alter role") << "ALTER ROLE trader PASSWORD 'x'" << int(StatementKind::Schema);
        QTest::newRow("begin") << "BEGIN" << int(StatementKind::Transaction);
        QTest::newRow("savepoint") << "SAVEPOINT a" << int(StatementKind::Transaction);
        QTest::newRow("copy from") << "COPY fills FROM STDIN" << int(StatementKind::Write);
        QTest::newRow("copy to") << "COPY fills TO STDOUT" << int(StatementKind::Read);
    }
    void kindsOnPostgres()
    {
        QFETCH(QString, sql);
        QFETCH(int, kind);
        QCOMPARE(int(StatementKind::ofText(Dialect::Postgres, sql)), kind);
    }

    void kindsOnSqlite()
    {
        ScratchSqlite scratch;
        auto url = ConnectionUrl::parse(scratch.url());
        auto db = DatabaseOpener::open(*url);
        QVERIFY(db);
        QVERIFY((*db)->execute(QStringLiteral("CREATE TABLE fills (qty integer)")));
        Database& d = **db;
        QCOMPARE(StatementKind::of(d, QStringLiteral("SELECT * FROM fills")), StatementKind::Read);
        QCOMPARE(StatementKind::of(d, QStringLiteral("PRAGMA table_info(fills)")), StatementKind::Read);
        QCOMPARE(StatementKind::of(d, QStringLiteral("PRAGMA user_version = 3")), StatementKind::Schema);
        QCOMPARE(StatementKind::of(d, QStringLiteral("DELETE FROM fills")), StatementKind::Write);
        QCOMPARE(
            StatementKind::of(d, QStringLiteral("WITH x AS (SELECT 1) INSERT INTO fills SELECT * FROM x")),
            StatementKind::Write);
        QCOMPARE(StatementKind::of(d, QStringLiteral("DROP TABLE fills")), StatementKind::Schema);
        QCOMPARE(StatementKind::of(d, QStringLiteral("COMMIT")), StatementKind::Transaction);
        QVERIFY(StatementKind::changes(StatementKind::Write));
        QVERIFY(!StatementKind::changes(StatementKind::Read));
    }

    void secretsAreTakenOut_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("secret");
        QTest::newRow("create role") << "CREATE ROLE trader LOGIN PASSWORD 'hunter2'"
                                     << "hunter2";
        QTest::newRow("alter user encrypted") << "alter user trader with encrypted password 'it''s-me'"
                                              << "it''s-me";
        QTest::newRow("escape string") << "ALTER ROLE x PASSWORD E'a\\'b-secret'"
                                       << "b-secret";
        QTest::newRow("dollar quoted") << "ALTER ROLE x PASSWORD $pw$dollar-secret$pw$"
                                       << "dollar-secret";
        QTest::newRow("user mapping")
            << "CREATE USER MAPPING FOR bob SERVER risk OPTIONS (user 'bob', password 'mapsecret')"
            << "mapsecret";
        QTest::newRow("conninfo") << "SELECT dblink_connect('host=db password=conn-secret dbname=x')"
                                  << "conn-secret";
        QTest::newRow("url") << "SELECT * FROM dblink('postgresql://bob:urlsecret@db/x', 'select 1')"
                             << "urlsecret";
        QTest::newRow("sqlcipher") << "PRAGMA key = 'cipher-secret'"
                                   << "cipher-secret";
    }
    void secretsAreTakenOut()
    {
        QFETCH(QString, sql);
        QFETCH(QString, secret);
        const QString redacted = SecretRedactor::redact(sql);
        QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
        QVERIFY2(redacted.contains(QStringLiteral("***")), qPrintable(redacted));
        QCOMPARE(SecretRedactor::redact(QStringLiteral("SELECT 'password' FROM t")),
                 QStringLiteral("SELECT 'password' FROM t"));
    }

    void historyIsPerDatabaseSearchableAndWithoutSecrets()
    {
        auto fills = ConnectionUrl::parse(QStringLiteral("postgresql://ops@db1:5432/fills"));
        auto risk = ConnectionUrl::parse(QStringLiteral("sqlite:/tmp/risk.db"));
        QueryHistory one(*fills), other(*risk);
        QFile::remove(one.path());
        QFile::remove(other.path());
        QVERIFY(one.path() != other.path());
        QVERIFY(one.path().startsWith(QueryHistory::folder()));
        QVERIFY(one.add(
            {QDateTime(), QStringLiteral("SELECT * FROM fills WHERE venue = 'XLON'"), true, 3, 10, {}}));
        QVERIFY(
            one.add({QDateTime(), QStringLiteral("ALTER ROLE ops PASSWORD 'topsecret'"), true, -1, 5, {}}));
        QVERIFY(one.add({QDateTime(), QStringLiteral("SELECT * FROM orders"), false, -1, 1,
                         QStringLiteral("no table\nmore")}));
        QVERIFY(other.add({QDateTime(), QStringLiteral("SELECT 1"), true, 1, 1, {}}));
        const auto all = one.entries();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.first().statement, QStringLiteral("SELECT * FROM orders")); // newest first
        QCOMPARE(all.first().error, QStringLiteral("no table"));
        QVERIFY(!all.first().ok);
        QCOMPARE(one.entries(QStringLiteral("xlon fills")).size(), 1);
        QCOMPARE(one.entries(QStringLiteral("role")).value(0).statement,
                 QStringLiteral("ALTER ROLE ops PASSWORD '***'"));
        QFile file(one.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("topsecret"));
        QCOMPARE(other.entries().size(), 1);
    }

    void operationsLogSaysWhoWhatAndWhetherKept()
    {
        QFile::remove(OperationsLog::path());
        Operation op;
        op.database = QStringLiteral("postgresql://ops@db1:5432/fills");
        op.statement = QStringLiteral("UPDATE fills SET qty = 0 WHERE id = 7");
        op.kind = QStringLiteral("write");
        op.rows = 1;
        op.outcome = QStringLiteral("committed");
        QVERIFY(OperationsLog::record(op));
        op.statement = QStringLiteral("ALTER ROLE ops PASSWORD 'nope'");
        op.outcome = QStringLiteral("rolled back");
        QVERIFY(OperationsLog::record(op));
        const auto read = OperationsLog::read();
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.at(0).outcome, QStringLiteral("rolled back"));
        QVERIFY(!read.at(0).statement.contains(QStringLiteral("nope")));
        QCOMPARE(read.at(1).rows, 1);
        QCOMPARE(read.at(1).user, OperationsLog::currentUser());
        QVERIFY(read.at(1).at.isValid());
    }
};

QTEST_GUILESS_MAIN(TestConsoleStatements)
#include "tst_console_statements.moc"
