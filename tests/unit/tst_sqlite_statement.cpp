#include <QtTest>

#include "review/sqlite/SqliteRebuild.h"
#include "review/sqlite/SqliteStatement.h"
#include "review/sqlite/SqliteStepStatements.h"

using namespace strata;
using Kind = SqliteStatement::Kind;
using Default = SqliteColumnDefinition::Default;

/// The SQLite review's statement classifier: what a statement does, read from SQLite's tokens, so that
/// quoting, comments and strings never fool it.
class TestSqliteStatement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesInEveryQuoting_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::newRow("bare") << "ALTER TABLE orders DROP COLUMN note"
                              << "orders"
                              << "note";
        QTest::newRow("double quotes") << "ALTER TABLE \"the \"\"orders\"\"\" DROP COLUMN \"no te\""
                                       << "the \"orders\""
                                       << "no te";
        QTest::newRow("backticks") << "ALTER TABLE `order` DROP `select`"
                                   << "order"
                                   << "select";
        QTest::newRow("brackets") << "ALTER TABLE [order book] DROP COLUMN [a;b]"
                                  << "order book"
                                  << "a;b";
        QTest::newRow("single quotes") << "ALTER TABLE 'orders' DROP COLUMN 'note'"
                                       << "orders"
                                       << "note";
        QTest::newRow("schema") << "ALTER TABLE main.\"orders\" DROP COLUMN note"
                                << "orders"
                                << "note";
        QTest::newRow("comments between") << "ALTER /* DROP TABLE x */ TABLE -- RENAME TO y\n orders DROP "
                                             "/*COLUMN*/ COLUMN note"
                                          << "orders"
                                          << "note";
    }
    void namesInEveryQuoting()
    {
        QFETCH(QString, sql);
        QFETCH(QString, table);
        QFETCH(QString, column);
        const SqliteStatement s = SqliteStatement::classify(sql);
        QCOMPARE(s.kind, Kind::DropColumn);
        QCOMPARE(s.table, table);
        QCOMPARE(s.column, column);
    }

    void keywordsInStringsAndCommentsAreNotKeywords()
    {
        // A WHERE inside a string, a comment or a subquery is not the statement's own.
        auto s = SqliteStatement::classify("UPDATE orders SET note = 'x WHERE y' -- WHERE id = 1\n;");
        QCOMPARE(s.kind, Kind::Update);
        QVERIFY(!s.hasWhere);
        s = SqliteStatement::classify("UPDATE orders SET price = (SELECT max(p) FROM quotes WHERE q = 1)");
        QVERIFY(!s.hasWhere);
        QVERIFY(!s.hasFrom);
        s = SqliteStatement::classify("DELETE FROM \"where\" /* WHERE */");
        QCOMPARE(s.kind, Kind::Delete);
        QCOMPARE(s.table, QStringLiteral("where"));
        QVERIFY(!s.hasWhere);
        s = SqliteStatement::classify("DELETE FROM fills AS f WHERE f.qty = 0 RETURNING id");
        QVERIFY(s.hasWhere);
        QCOMPARE(s.alias, QStringLiteral("f"));
        QCOMPARE(s.where.trimmed(), QStringLiteral("f.qty = 0"));
        // A statement that only mentions ALTER in a comment is not an ALTER.
        s = SqliteStatement::classify("/* ALTER TABLE x DROP COLUMN y */ SELECT 1");
        QCOMPARE(s.kind, Kind::Other);
        s = SqliteStatement::classify("-- DROP TABLE orders\nINSERT INTO log VALUES ('DROP TABLE orders')");
        QCOMPARE(s.kind, Kind::Insert);
        QCOMPARE(s.table, QStringLiteral("log"));
    }

    void commonTableExpressionsAndUpdateForms()
    {
        auto s = SqliteStatement::classify(
            "WITH stale AS (SELECT id FROM orders WHERE ts < 5) DELETE FROM orders WHERE id IN stale");
        QCOMPARE(s.kind, Kind::Delete);
        QCOMPARE(s.table, QStringLiteral("orders"));
        QVERIFY(s.hasWhere);
        s = SqliteStatement::classify("UPDATE OR IGNORE main.orders AS o SET qty = o.qty + 1, note = ','");
        QCOMPARE(s.kind, Kind::Update);
        QCOMPARE(s.table, QStringLiteral("orders"));
        QCOMPARE(s.alias, QStringLiteral("o"));
        QCOMPARE(s.assignments.size(), 2);
        QCOMPARE(s.assignments.at(1).second.trimmed(), QStringLiteral("','"));
        s = SqliteStatement::classify("UPDATE orders SET qty = f.qty FROM fills f WHERE f.id = orders.id");
        QVERIFY(s.hasFrom);
        QVERIFY(s.hasWhere);
    }

    void alterForms()
    {
        auto s = SqliteStatement::classify("ALTER TABLE orders RENAME TO orders_v1");
        QCOMPARE(s.kind, Kind::RenameTable);
        QCOMPARE(s.newName, QStringLiteral("orders_v1"));
        s = SqliteStatement::classify("ALTER TABLE orders RENAME qty TO quantity");
        QCOMPARE(s.kind, Kind::RenameColumn);
        QCOMPARE(s.column, QStringLiteral("qty"));
        QCOMPARE(s.newName, QStringLiteral("quantity"));
        s = SqliteStatement::classify("ALTER TABLE orders ALTER COLUMN qty TYPE bigint");
        QCOMPARE(s.kind, Kind::AlterUnsupported);
        QCOMPARE(s.unsupported, QStringLiteral("ALTER COLUMN"));
        s = SqliteStatement::classify("ALTER TABLE orders ADD CONSTRAINT qty_positive CHECK (qty > 0)");
        QCOMPARE(s.kind, Kind::AlterUnsupported);
        QCOMPARE(s.unsupported, QStringLiteral("ADD CONSTRAINT"));
        s = SqliteStatement::classify("ALTER TABLE orders DROP CONSTRAINT qty_positive");
        QCOMPARE(s.kind, Kind::AlterUnsupported);
        // A column may be called "constraint" when quoted: that is a column.
        s = SqliteStatement::classify("ALTER TABLE orders ADD \"constraint\" TEXT");
        QCOMPARE(s.kind, Kind::AddColumn);
        QCOMPARE(s.column, QStringLiteral("constraint"));
    }

    void addedColumns_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<bool>("notNull");
        QTest::addColumn<int>("defaultKind");
        QTest::addColumn<bool>("unique");
        QTest::addColumn<bool>("stored");
        QTest::addColumn<QString>("type");
        QTest::newRow("plain") << "note TEXT" << false << int(Default::None) << false << false << "TEXT";
        QTest::newRow("not null") << "qty INTEGER NOT NULL" << true << int(Default::None) << false << false
                                  << "INTEGER";
        QTest::newRow("default null")
            << "qty INT NOT NULL DEFAULT NULL" << true << int(Default::Null) << false << false << "INT";
        QTest::newRow("(null)") << "qty INT DEFAULT (NULL) NOT NULL" << true << int(Default::Null) << false
                                << false << "INT";
        QTest::newRow("constant") << "qty INT NOT NULL DEFAULT 0" << true << int(Default::Constant) << false
                                  << false << "INT";
        QTest::newRow("negative") << "px REAL DEFAULT -1.5" << false << int(Default::Constant) << false
                                  << false << "REAL";
        QTest::newRow("(5)") << "qty DEFAULT (5)" << false << int(Default::Constant) << false << false << "";
        QTest::newRow("cast") << "qty DEFAULT (CAST(3 AS TEXT))" << false << int(Default::Constant) << false
                              << false << "";
        QTest::newRow("blob") << "b BLOB DEFAULT x'00'" << false << int(Default::Constant) << false << false
                              << "BLOB";
        QTest::newRow("string with keyword") << "s TEXT DEFAULT 'NOT NULL UNIQUE'" << false
                                             << int(Default::Constant) << false << false << "TEXT";
        QTest::newRow("true") << "b BOOLEAN DEFAULT TRUE" << false << int(Default::Constant) << false << false
                              << "BOOLEAN";
        QTest::newRow("current_timestamp") << "ts TEXT DEFAULT CURRENT_TIMESTAMP" << false
                                           << int(Default::NonConstant) << false << false << "TEXT";
        QTest::newRow("function") << "ts TEXT DEFAULT (datetime('now'))" << false << int(Default::NonConstant)
                                  << false << false << "TEXT";
        QTest::newRow("arithmetic") << "n INT DEFAULT (1 + 1)" << false << int(Default::NonConstant) << false
                                    << false << "INT";
        QTest::newRow("unique") << "code TEXT UNIQUE" << false << int(Default::None) << true << false
                                << "TEXT";
        QTest::newRow("type with arguments") << "px NUMERIC(12, 2) NOT NULL DEFAULT 0" << true
                                             << int(Default::Constant) << false << false << "NUMERIC(12, 2)";
        QTest::newRow("on delete set default") << "acct INT REFERENCES accounts(id) ON DELETE SET DEFAULT"
                                               << false << int(Default::None) << false << false << "INT";
        QTest::newRow("not deferrable") << "acct INT REFERENCES accounts NOT DEFERRABLE" << false
                                        << int(Default::None) << false << false << "INT";
        QTest::newRow("stored") << "twice INT AS (qty * 2) STORED" << false << int(Default::None) << false
                                << true << "INT";
        QTest::newRow("virtual") << "twice INT GENERATED ALWAYS AS (qty * 2) VIRTUAL" << false
                                 << int(Default::None) << false << false << "INT";
    }
    void addedColumns()
    {
        QFETCH(QString, definition);
        const SqliteStatement s =
            SqliteStatement::classify(QStringLiteral("ALTER TABLE t ADD COLUMN ") + definition);
        QCOMPARE(s.kind, Kind::AddColumn);
        QTEST(s.added.notNull, "notNull");
        QTEST(int(s.added.defaultKind), "defaultKind");
        QTEST(s.added.unique, "unique");
        QTEST(s.added.stored, "stored");
        QTEST(s.added.type, "type");
        QCOMPARE(s.columnText, definition);
    }

    void insertSelectSource()
    {
        auto s = SqliteStatement::classify(
            "INSERT INTO \"new_orders\" (id, qty) SELECT id, (SELECT 1 FROM other) FROM [orders] WHERE 1");
        QCOMPARE(s.kind, Kind::Insert);
        QVERIFY(s.insertSelect);
        QCOMPARE(s.table, QStringLiteral("new_orders"));
        QCOMPARE(s.sourceTable, QStringLiteral("orders"));
        s = SqliteStatement::classify("INSERT INTO orders VALUES (1, 'SELECT x FROM y')");
        QVERIFY(!s.insertSelect);
    }

    void otherKinds()
    {
        QCOMPARE(SqliteStatement::classify("CREATE UNIQUE INDEX IF NOT EXISTS ix ON main.orders (a)").table,
                 QStringLiteral("orders"));
        QVERIFY(SqliteStatement::classify("CREATE UNIQUE INDEX ix ON orders (a)").unique);
        QCOMPARE(SqliteStatement::classify("VACUUM").kind, Kind::Vacuum);
        QVERIFY(SqliteStatement::classify("VACUUM INTO '/tmp/copy.db'").vacuumInto);
        const auto pragma = SqliteStatement::classify("PRAGMA foreign_keys = OFF");
        QCOMPARE(pragma.kind, Kind::Pragma);
        QCOMPARE(pragma.pragma, QStringLiteral("foreign_keys"));
        QCOMPARE(pragma.pragmaValue, QStringLiteral("OFF"));
        QCOMPARE(SqliteStatement::classify("PRAGMA foreign_key_check(orders)").pragmaValue,
                 QStringLiteral("orders"));
        QCOMPARE(SqliteStatement::classify("DROP TABLE IF EXISTS \"x\"").ifExists, true);
        QCOMPARE(SqliteStatement::classify("CREATE TRIGGER t AFTER UPDATE OF qty ON orders BEGIN "
                                           "UPDATE log SET n = n + 1; END")
                     .table,
                 QStringLiteral("orders"));
        QCOMPARE(SqliteStatement::classify("BEGIN IMMEDIATE").kind, Kind::Transaction);
    }

    void stepStatementsKeepTheirLines()
    {
        const QByteArray script = "-- strata:phase core\n"
                                  "CREATE TABLE a (x);\n"
                                  "\n"
                                  "/* two\n lines */ CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                                  "  SELECT ';';\n"
                                  "END;\n"
                                  "DROP TABLE a;";
        const auto statements = SqliteStepStatements::read(script, 10);
        QCOMPARE(statements.size(), 3);
        QCOMPARE(statements.at(0).line, 11);
        QCOMPARE(statements.at(1).line, 14);
        QVERIFY(statements.at(1).text.startsWith(QLatin1String("CREATE TRIGGER")));
        QCOMPARE(statements.at(1).what.kind, Kind::CreateTrigger);
        QCOMPARE(statements.at(2).line, 17);
        QCOMPARE(statements.at(2).what.kind, Kind::DropTable);
    }

    void rebuildsInBothShapes()
    {
        const auto copyFirst =
            SqliteStepStatements::read("CREATE TABLE new_orders (id INTEGER PRIMARY KEY, qty INT NOT NULL);\n"
                                       "INSERT INTO new_orders (id, qty) SELECT id, qty FROM orders;\n"
                                       "DROP TABLE orders;\n"
                                       "ALTER TABLE new_orders RENAME TO orders;",
                                       1);
        auto found = SqliteRebuild::find(copyFirst);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().table, QStringLiteral("orders"));
        QCOMPARE(found.first().copy, 1);
        QVERIFY(!found.first().renameFirst);
        const auto renameFirst = SqliteStepStatements::read("ALTER TABLE orders RENAME TO _orders_old;\n"
                                                            "CREATE TABLE orders (id INTEGER PRIMARY KEY);\n"
                                                            "INSERT INTO orders SELECT id FROM _orders_old;\n"
                                                            "DROP TABLE _orders_old;",
                                                            1);
        found = SqliteRebuild::find(renameFirst);
        QCOMPARE(found.size(), 1);
        QVERIFY(found.first().renameFirst);
        QCOMPARE(found.first().scratch, QStringLiteral("_orders_old"));
        // A plain rename, or a create and a drop of different tables, is no rebuild.
        QVERIFY(SqliteRebuild::find(SqliteStepStatements::read("CREATE TABLE a (x); DROP TABLE b;", 1))
                    .isEmpty());
        QVERIFY(SqliteRebuild::find(SqliteStepStatements::read("ALTER TABLE a RENAME TO b;", 1)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlite_statement.moc"
