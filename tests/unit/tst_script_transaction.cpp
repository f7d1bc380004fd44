// How Strata reads a script's own transaction statements with each engine's splitter: wrapped scripts, a
// COMMIT in the middle, and BEGIN/END/COMMIT words that are no transaction statement (trigger bodies,
// PL/pgSQL bodies, strings, comments).

#include <QtTest>

#include "dialects/sqlite/SqliteScriptSplitter.h"
#include "migrations/ScriptTransaction.h"

using namespace strata;

namespace {

ScriptTransaction readScript(const QByteArray& sql, Dialect dialect)
{
    return ScriptTransaction::read({QStringLiteral("f.sql"), sql, 1}, dialect);
}

} // namespace

Q_DECLARE_METATYPE(Dialect)
Q_DECLARE_METATYPE(ScriptTransaction::Kind)

class TestScriptTransaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kinds_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<ScriptTransaction::Kind>("kind");
        using K = ScriptTransaction::Kind;
        const auto pg = Dialect::Postgres;
        const auto lite = Dialect::Sqlite;
        QTest::newRow("plain") << lite << QByteArray("CREATE TABLE a (id INT);\n") << K::None;
        QTest::newRow("sqlite trigger body")
            << lite
            << QByteArray("CREATE TABLE a (id INT);\nCREATE TRIGGER t AFTER INSERT "
                          "ON a BEGIN\n  INSERT INTO a VALUES (1);\nEND;\n")
            << K::None;
        QTest::newRow("plpgsql body with COMMIT")
            << pg
            << QByteArray("CREATE PROCEDURE p() LANGUAGE plpgsql AS $$\nBEGIN\n  COMMIT;\nEND $$;\n"
                          "DO $$ BEGIN PERFORM 1; END $$;\n")
            << K::None;
        QTest::newRow("words in strings and comments")
            << pg << QByteArray("-- BEGIN; ... COMMIT;\nINSERT INTO notes VALUES ('BEGIN;'), ('COMMIT');\n")
            << K::None;
        QTest::newRow("wrapped, pg") << pg << QByteArray("BEGIN;\nCREATE TABLE a (id INT);\nCOMMIT;\n")
                                     << K::Wrapped;
        QTest::newRow("wrapped, start transaction / end work")
            << pg << QByteArray("START TRANSACTION;\nCREATE TABLE a (id INT);\nEND WORK;\n") << K::Wrapped;
        QTest::newRow("wrapped, sqlite immediate")
            << lite << QByteArray("-- header\nBEGIN IMMEDIATE TRANSACTION;\nCREATE TABLE a (id INT);\nEND;\n")
            << K::Wrapped;
        QTest::newRow("wrapped, lower case, no final semicolon")
            << lite << QByteArray("begin;\ncreate table a (id int);\ncommit") << K::Wrapped;
        QTest::newRow("begin work is not SQLite")
            << lite << QByteArray("BEGIN WORK;\nSELECT 1;\nCOMMIT;\n") << K::Inside;
        QTest::newRow("commit in the middle")
            << pg
            << QByteArray(
                   "BEGIN;\nCREATE TABLE a (id INT);\nCOMMIT;\nBEGIN;\nINSERT INTO a VALUES (1);\nCOMMIT;\n")
            << K::Inside;
        QTest::newRow("isolation level")
            << pg << QByteArray("BEGIN ISOLATION LEVEL SERIALIZABLE;\nSELECT 1;\nCOMMIT;\n") << K::Inside;
        QTest::newRow("commit and chain")
            << pg << QByteArray("BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\n") << K::Inside;
        QTest::newRow("ends in rollback") << pg << QByteArray("BEGIN;\nSELECT 1;\nROLLBACK;\n") << K::Inside;
        QTest::newRow("only a commit")
            << lite << QByteArray("CREATE TABLE a (id INT);\nCOMMIT;\n") << K::Inside;
        QTest::newRow("savepoints stay inside")
            << pg << QByteArray("SAVEPOINT s;\nSELECT 1;\nROLLBACK TO SAVEPOINT s;\nRELEASE s;\n") << K::None;
    }

    void kinds()
    {
        QFETCH(Dialect, dialect);
        QFETCH(QByteArray, sql);
        QFETCH(ScriptTransaction::Kind, kind);
        const ScriptTransaction read = readScript(sql, dialect);
        QCOMPARE(read.kind, kind);
        QCOMPARE(read.reason.isEmpty(), kind != ScriptTransaction::Kind::Inside);
    }

    void wrappedBodyKeepsLinesAndBytes()
    {
        const QByteArray sql =
            "-- orders\nBEGIN;\nCREATE TABLE orders (id INT);\nINSERT INTO orders VALUES (1);\nCOMMIT;\n";
        const ScriptTransaction read = readScript(sql, Dialect::Postgres);
        QCOMPARE(read.kind, ScriptTransaction::Kind::Wrapped);
        QCOMPARE(read.body.utf8.size(), sql.size());
        QCOMPARE(read.body.utf8.count('\n'), sql.count('\n'));
        QCOMPARE(
            read.body.utf8,
            QByteArray("-- orders\n      \nCREATE TABLE orders (id INT);\nINSERT INTO orders VALUES (1);\n"
                       "       \n"));
        QCOMPARE(read.body.path, QStringLiteral("f.sql"));
    }

    void reasonNamesTheLineAndStatement()
    {
        const ScriptTransaction read = readScript(
            "BEGIN;\nALTER TYPE s ADD VALUE 'x';\nCOMMIT;\nUPDATE t SET s = 'x';\n", Dialect::Postgres);
        QCOMPARE(read.reason, QStringLiteral("f.sql:3 has its own COMMIT in the middle of the script"));
    }

    void statementsPostgresRefusesInATransaction()
    {
        ScriptTransaction read = readScript("CREATE INDEX CONCURRENTLY i ON t (a);\n", Dialect::Postgres);
        QCOMPARE(read.statements, 1);
        QCOMPARE(read.refusingTransaction, 1);
        QCOMPARE(read.firstRefusing, QStringLiteral("f.sql:1 (CREATE INDEX CONCURRENTLY i ON t (a))"));
        read = readScript("CREATE TABLE t (a INT);\nVACUUM t;\nDROP UNIQUE INDEX CONCURRENTLY x;\n",
                          Dialect::Postgres);
        QCOMPARE(read.statements, 3);
        QCOMPARE(read.refusingTransaction, 2);
        read = readScript("CREATE INDEX i ON t (a);\nCOMMENT ON TABLE t IS 'vacuum concurrently';\n",
                          Dialect::Postgres);
        QCOMPARE(read.refusingTransaction, 0);
    }

    void sqliteSplitterKeepsTriggerBodiesAndStrings()
    {
        const QByteArray sql =
            "CREATE TABLE a (t TEXT);\nINSERT INTO a VALUES ('x;y');\n/* ; */\n"
            "CREATE TRIGGER tr AFTER INSERT ON a BEGIN SELECT 1; SELECT 2; END;\n-- tail ;\nSELECT 3";
        const auto statements = SqliteScriptSplitter::split(sql);
        QCOMPARE(statements.size(), 4);
        QVERIFY(sql.mid(statements.at(2).offset, statements.at(2).length).contains("SELECT 2; END;"));
        QVERIFY(sql.mid(statements.at(3).offset, statements.at(3).length).trimmed().endsWith("SELECT 3"));
    }

    void sqliteSplitterReadsEveryQuotingAsSqliteDoes_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<int>("statements");
        QTest::newRow("doubled quote") << QByteArray("INSERT INTO a VALUES ('it''s; fine');\nSELECT 1;") << 2;
        QTest::newRow("double quotes")
            << QByteArray("CREATE TABLE \"x;y\" (\"a\"\"b;\" INT);\nSELECT 1;") << 2;
        QTest::newRow("backticks") << QByteArray("CREATE TABLE `x;y` (a INT);\nSELECT 1;") << 2;
        QTest::newRow("brackets") << QByteArray("CREATE TABLE [x;y] (a INT);\nSELECT 1;") << 2;
        QTest::newRow("line comment") << QByteArray("SELECT 1; -- a; b\nSELECT 2;") << 2;
        QTest::newRow("unterminated quote") << QByteArray("SELECT 1;\nINSERT INTO a VALUES ('x; y);\n") << 2;
        QTest::newRow("unterminated comment") << QByteArray("SELECT 1;\n/* x; y;\n") << 1;
    }

    void sqliteSplitterReadsEveryQuotingAsSqliteDoes()
    {
        QFETCH(QByteArray, sql);
        QFETCH(int, statements);
        const auto split = SqliteScriptSplitter::split(sql);
        QCOMPARE(split.size(), statements);
        // Every statement the splitter gives is one sqlite3_complete() also calls complete, and they cover
        // the script in order.
        qsizetype next = 0;
        for (const auto& s : split) {
            QVERIFY(s.offset >= next);
            next = s.offset + s.length;
        }
        QVERIFY(next <= sql.size());
    }

    void sqliteSplitterIsLinearInTheSemicolonsOfAString()
    {
        // A data migration whose string holds 200,000 semicolons is one statement, split in one pass (it
        // took minutes when each semicolon rescanned the statement so far).
        const QByteArray sql = "INSERT INTO a VALUES ('" + QByteArray(200000, ';') + "');\nSELECT 1;\n";
        const auto split = SqliteScriptSplitter::split(sql);
        QCOMPARE(split.size(), 2);
        QCOMPARE(split.first().length, qsizetype(200000 + 26)); // INSERT INTO a VALUES (' ... ');
    }
};

QTEST_GUILESS_MAIN(TestScriptTransaction)
#include "tst_script_transaction.moc"
