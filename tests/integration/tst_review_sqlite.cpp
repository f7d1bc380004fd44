#include <optional>

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QtTest>

#include <sqlite3.h>

#include "CliProcess.h"
#include "ScratchDatabases.h"
#include "connection/DatabaseOpener.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "migrations/MigrationSetLoader.h"
#include "review/PlanReview.h"
#include "review/ReviewPatch.h"
#include "review/ReviewRules.h"
#include "review/SqliteReview.h"
#include "review/sqlite/SqliteTableLoad.h"

using namespace strata;
using namespace strata::test;

namespace {

constexpr int kOrders = 20'000;

std::unique_ptr<Database> openFile(const QString& path)
{
    auto db = SqliteDatabase::open(path);
    if (!db) {
        qWarning("%s", qPrintable(db.error().toText()));
        return nullptr;
    }
    return std::move(db).value();
}

bool run(Database& db, const QByteArray& script)
{
    auto ran = db.runScript({QStringLiteral("fixture.sql"), script, 1}, false);
    if (!ran)
        qWarning("%s", qPrintable(ran.error().toText()));
    return ran.ok();
}

/// Whether SQLite itself accepts `script` on this database: run in a transaction that is rolled back, so
/// the database is left as it was.
bool sqliteAccepts(Database& db, const QByteArray& script, QString* message = nullptr)
{
    if (!db.begin())
        return false;
    auto ran = db.runScript({QStringLiteral("probe.sql"), script, 1}, true);
    (void)db.rollback();
    if (!ran && message)
        *message = ran.error().what;
    return ran.ok();
}

QList<ReviewFinding> review(Database& db, const QByteArray& sql, int version = sqlite3_libversion_number(),
                            bool transactional = true)
{
    StepReview step;
    step.step.version = 2;
    step.step.step = 1;
    step.step.name = QStringLiteral("change");
    step.step.versionName = QStringLiteral("v2");
    step.step.forwardPath = QStringLiteral("002_v2/01_change.sql");
    step.step.forwardSql = sql;
    step.step.header.noTransaction = !transactional;
    TableLoads loads(db);
    ReviewContext context{db, loads, version, std::nullopt};
    const Status reviewed = SqliteReview::review(step, context);
    if (!reviewed)
        qWarning("%s", qPrintable(reviewed.error().toText()));
    return step.findings;
}

/// A copy: the findings are often a temporary.
std::optional<ReviewFinding> findingOf(const QList<ReviewFinding>& findings, const QString& rule)
{
    for (const ReviewFinding& f : findings)
        if (f.rule == rule)
            return f;
    return std::nullopt;
}

QStringList rulesOf(const QList<ReviewFinding>& findings)
{
    QStringList rules;
    for (const ReviewFinding& f : findings)
        rules << f.rule;
    return rules;
}

} // namespace

/// The SQLite rules of the review on real SQLite files: each fires on a statement written for it, SQLite
/// itself agrees (the statement is refused, or does what the finding says), and the rule is silent on the
/// safe rewrite it offers, which SQLite accepts.
class TestReviewSqlite : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScratchSqlite> m_template;
    std::unique_ptr<ScratchSqlite> m_file;
    std::unique_ptr<Database> m_db;
    Database& db() { return *m_db; }

private Q_SLOTS:
    /// The trading fixture is built once; each test gets a copy of the file.
    void initTestCase()
    {
        m_template = std::make_unique<ScratchSqlite>(QStringLiteral("template.db"));
        sqlite3* raw = nullptr;
        QCOMPARE(sqlite3_open(m_template->path().toUtf8().constData(), &raw), SQLITE_OK);
        const int rc =
            sqlite3_exec(raw,
                         "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                         "INSERT INTO accounts (name) VALUES ('desk-1'), ('desk-2');\n"
                         "CREATE TABLE orders (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES "
                         "accounts(id), qty INTEGER NOT NULL, price REAL, note TEXT, venue TEXT);\n"
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)\n"
                         "INSERT INTO orders (account_id, qty, price, note) SELECT 1 + i % 2, i, i * 0.5, "
                         "'n' || i FROM n;\n"
                         "CREATE TABLE staging (id INTEGER PRIMARY KEY, payload TEXT);",
                         nullptr, nullptr, nullptr);
        sqlite3_close(raw);
        QCOMPARE(rc, SQLITE_OK);
    }
    void init()
    {
        m_file = std::make_unique<ScratchSqlite>();
        QFile::remove(m_file->path());
        QVERIFY(QFile::copy(m_template->path(), m_file->path()));
        QVERIFY(QFile(m_file->path()).setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        m_db = openFile(m_file->path());
        QVERIFY(m_db);
    }
    void cleanup()
    {
        m_db.reset();
        m_file.reset();
    }

    void everyRuleIsInTheCatalog()
    {
        const QStringList ids = ReviewRules::ids();
        for (const char* id :
             {"sqlite-alter-unsupported", "sqlite-table-rebuild", "sqlite-rebuild-renames-old-table",
              "sqlite-add-column-not-null", "sqlite-add-column-unique",
              "sqlite-add-column-non-constant-default", "sqlite-add-column-stored", "sqlite-index-build",
              "sqlite-update-all-rows", "sqlite-large-write", "sqlite-delete-all-rows", "sqlite-drop-table",
              "sqlite-drop-column", "sqlite-drop-column-unsupported", "sqlite-drop-column-refused",
              "sqlite-rename-column-unsupported", "sqlite-rename-column", "sqlite-rename-table",
              "sqlite-vacuum"})
            QVERIFY2(ids.contains(QLatin1String(id)), id);
    }

    void notNullWithoutDefault()
    {
        const QByteArray sql = "ALTER TABLE orders ADD COLUMN side TEXT NOT NULL;";
        QString refusal;
        QVERIFY(!sqliteAccepts(db(), sql, &refusal));
        QVERIFY2(refusal.contains(QLatin1String("NOT NULL")), qPrintable(refusal));
        const auto findings = review(db(), sql);
        const auto f = findingOf(findings, QStringLiteral("sqlite-add-column-not-null"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QCOMPARE(f->table, QStringLiteral("orders"));
        QCOMPARE(f->load.rows.value_or(-1), kOrders);
        QCOMPARE(f->line, 1);
        // The rewrite: SQLite accepts it on the table with rows, and the rule is silent on it.
        QVERIFY2(sqliteAccepts(db(), f->rewrite.toUtf8()), qPrintable(f->rewrite));
        QVERIFY(!findingOf(review(db(), f->rewrite.toUtf8()), QStringLiteral("sqlite-add-column-not-null")));
        QVERIFY(!findingOf(review(db(), "ALTER TABLE orders ADD COLUMN side TEXT NOT NULL DEFAULT 'buy';"),
                           QStringLiteral("sqlite-add-column-not-null")));
    }

    void notNullOnAnEmptyTableDependsOnTheVersion()
    {
        const QByteArray sql = "ALTER TABLE staging ADD COLUMN batch INTEGER NOT NULL;";
        QVERIFY(sqliteAccepts(db(), sql)); // this SQLite (3.33.0 or later) checks only tables with rows
        auto f = findingOf(review(db(), sql), QStringLiteral("sqlite-add-column-not-null"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Info);
        const auto older = review(db(), sql, 3'032'000);
        f = findingOf(older, QStringLiteral("sqlite-add-column-not-null"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY2(f->message.contains(QLatin1String("3.32.0")), qPrintable(f->message));
    }

    void uniqueOrPrimaryKeyColumn()
    {
        const QByteArray sql = "ALTER TABLE orders ADD COLUMN client_ref TEXT UNIQUE;";
        QVERIFY(!sqliteAccepts(db(), sql));
        QVERIFY(!sqliteAccepts(db(), "ALTER TABLE staging ADD COLUMN k INTEGER PRIMARY KEY;"));
        const auto f = findingOf(review(db(), sql), QStringLiteral("sqlite-add-column-unique"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY2(sqliteAccepts(db(), f->rewrite.toUtf8()), qPrintable(f->rewrite));
        QVERIFY(!findingOf(review(db(), f->rewrite.toUtf8()), QStringLiteral("sqlite-add-column-unique")));
        QVERIFY(findingOf(review(db(), "ALTER TABLE staging ADD COLUMN k INTEGER PRIMARY KEY;"),
                          QStringLiteral("sqlite-add-column-unique")));
    }

    void nonConstantDefault()
    {
        const QByteArray sql = "ALTER TABLE orders ADD COLUMN created_at TEXT DEFAULT CURRENT_TIMESTAMP;";
        QVERIFY(!sqliteAccepts(db(), sql));
        const auto f = findingOf(review(db(), sql), QStringLiteral("sqlite-add-column-non-constant-default"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY2(sqliteAccepts(db(), f->rewrite.toUtf8()), qPrintable(f->rewrite));
        QVERIFY(!findingOf(review(db(), f->rewrite.toUtf8()),
                           QStringLiteral("sqlite-add-column-non-constant-default")));
        // A constant in parentheses is a constant: SQLite accepts it and the rule is silent.
        QVERIFY(sqliteAccepts(db(), "ALTER TABLE orders ADD COLUMN lot INTEGER DEFAULT (-(5));"));
        QVERIFY(review(db(), "ALTER TABLE orders ADD COLUMN lot INTEGER DEFAULT (-(5));").isEmpty());
    }

    void storedGeneratedColumn()
    {
        const QByteArray sql = "ALTER TABLE orders ADD COLUMN notional REAL AS (qty * price) STORED;";
        QVERIFY(!sqliteAccepts(db(), sql));
        const auto f = findingOf(review(db(), sql), QStringLiteral("sqlite-add-column-stored"));
        QVERIFY(f);
        QVERIFY2(sqliteAccepts(db(), f->rewrite.toUtf8()), qPrintable(f->rewrite));
        QVERIFY(review(db(), f->rewrite.toUtf8()).isEmpty());
    }

    void alterFormsSqliteDoesNotHave()
    {
        const QByteArray sql = "ALTER TABLE orders ALTER COLUMN qty TYPE BIGINT;";
        QVERIFY(!sqliteAccepts(db(), sql));
        const auto f = findingOf(review(db(), sql), QStringLiteral("sqlite-alter-unsupported"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY2(f->rewrite.contains(QLatin1String("CREATE TABLE new_orders")), qPrintable(f->rewrite));
        QVERIFY(f->rewrite.contains(QLatin1String("PRAGMA foreign_key_check")));
        // The 12-step recipe runs on the real file (outside a transaction, as its header says) and keeps
        // every row; reviewed again, it is a rebuild, not an unsupported ALTER.
        QVERIFY(run(db(), f->rewrite.toUtf8()));
        auto count = db().query(QStringLiteral("SELECT count(*) FROM orders"));
        QVERIFY(count);
        QCOMPARE(count->value(0, 0).toInt(), kOrders);
        const auto again = review(db(), f->rewrite.toUtf8(), sqlite3_libversion_number(), false);
        QVERIFY(!findingOf(again, QStringLiteral("sqlite-alter-unsupported")));
        QVERIFY(findingOf(again, QStringLiteral("sqlite-table-rebuild")));
    }

    void handWrittenRebuild()
    {
        const QByteArray sql =
            "CREATE TABLE new_orders (id INTEGER PRIMARY KEY, account_id INTEGER, qty INTEGER "
            "NOT NULL, price REAL NOT NULL DEFAULT 0, note TEXT, venue TEXT);\n"
            "INSERT INTO new_orders SELECT id, account_id, qty, coalesce(price, 0), note, venue "
            "FROM orders;\n"
            "DROP TABLE orders;\n"
            "ALTER TABLE new_orders RENAME TO orders;\n";
        const auto findings = review(db(), sql);
        const auto f = findingOf(findings, QStringLiteral("sqlite-table-rebuild"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Warn);
        QCOMPARE(f->statementIndex, 0); // the rebuild from its CREATE TABLE to its RENAME, which the recipe
        QCOMPARE(f->line, 1);           // replaces as a whole
        QCOMPARE(f->statement, QString::fromUtf8(sql).trimmed());
        QVERIFY2(f->message.contains(QLatin1String("20,000 rows of orders")), qPrintable(f->message));
        QVERIFY2(f->message.contains(QLatin1String("account_id REFERENCES accounts")),
                 qPrintable(f->message));
        // Its DROP TABLE is part of the rebuild, not a lost table.
        QVERIFY(!findingOf(findings, QStringLiteral("sqlite-drop-table")));
        QVERIFY(!findingOf(findings, QStringLiteral("sqlite-rename-table")));
        // On a connection that enforces foreign keys, dropping a parent table deletes its rows first.
        QVERIFY(run(db(),
                    "CREATE TABLE fills (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders(id) "
                    "ON DELETE CASCADE);\nINSERT INTO fills (order_id) VALUES (1), (2);\n"
                    "PRAGMA foreign_keys = ON;"));
        const auto enforced = findingOf(review(db(), sql), QStringLiteral("sqlite-table-rebuild"));
        QVERIFY(enforced);
        QCOMPARE(enforced->severity, ReviewSeverity::Block);
        // Turning them off in the step works only outside its transaction.
        const QByteArray off = "PRAGMA foreign_keys = OFF;\n" + sql;
        auto inside = findingOf(review(db(), off), QStringLiteral("sqlite-table-rebuild"));
        QVERIFY(inside);
        QCOMPARE(inside->severity, ReviewSeverity::Block);
        QVERIFY2(inside->message.contains(QLatin1String("(line 1) runs inside the step's transaction")),
                 qPrintable(inside->message));
        auto outside = findingOf(review(db(), off, sqlite3_libversion_number(), false),
                                 QStringLiteral("sqlite-table-rebuild"));
        QVERIFY(outside);
        QCOMPARE(outside->severity, ReviewSeverity::Warn);
        QVERIFY(run(db(), sql));
        auto fills = db().query(QStringLiteral("SELECT count(*) FROM fills"));
        QVERIFY(fills);
        QCOMPARE(fills->value(0, 0).toInt(), 0); // what the finding said: the cascade emptied fills
    }

    /// `strata-cli review --patch`: the hand-written rebuild is replaced by the recipe, which `patch` applies
    /// to the step's file and SQLite runs, keeping every row.
    void thePatchReplacesAHandWrittenRebuild()
    {
        QTemporaryDir folder;
        QVERIFY(QDir(folder.path()).mkpath(QStringLiteral("002_v2")));
        const QByteArray text =
            "-- Widen orders.price to NOT NULL.\n"
            "CREATE TABLE new_orders (id INTEGER PRIMARY KEY, account_id INTEGER, qty INTEGER "
            "NOT NULL, price REAL NOT NULL DEFAULT 0, note TEXT, venue TEXT);\n"
            "INSERT INTO new_orders SELECT id, account_id, qty, coalesce(price, 0), note, "
            "venue FROM orders;\n"
            "DROP TABLE orders;\n"
            "ALTER TABLE new_orders RENAME TO orders;\n"
            "CREATE INDEX orders_by_account ON orders (account_id);\n";
        QFile file(folder.filePath(QStringLiteral("002_v2/01_change.sql")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        StepReview step;
        step.step.version = 2;
        step.step.step = 1;
        step.step.forwardPath = QStringLiteral("002_v2/01_change.sql");
        step.step.forwardSql = text;
        QVERIFY(run(db(), "CREATE INDEX orders_by_qty ON orders (qty);"));
        TableLoads loads(db());
        ReviewContext context{db(), loads, sqlite3_libversion_number(), std::nullopt};
        QVERIFY(SqliteReview::review(step, context));
        const auto f = findingOf(step.findings, QStringLiteral("sqlite-table-rebuild"));
        QVERIFY(f);
        QVERIFY2(
            f->message.contains(QLatin1String("also drops index orders_by_qty, which this step does not")),
            qPrintable(f->message));
        const QString patch = ReviewPatch::forStep(step, QString::fromUtf8(text));
        QVERIFY2(patch.contains(QLatin1String("+PRAGMA foreign_key_check")), qPrintable(patch));
        QProcess apply;
        apply.start(QStringLiteral("patch"), {QStringLiteral("-p1"), QStringLiteral("-d"), folder.path()});
        QVERIFY(apply.waitForStarted());
        apply.write(patch.toUtf8());
        apply.closeWriteChannel();
        QVERIFY(apply.waitForFinished(10'000));
        QVERIFY2(apply.exitCode() == 0, apply.readAll().constData());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray patched = file.readAll();
        QVERIFY(
            !patched.contains("DROP TABLE orders;\nALTER TABLE new_orders RENAME TO orders;\nCREATE INDEX"));
        QVERIFY(patched.contains("price REAL NOT NULL DEFAULT 0")); // the step's own change is kept
        QVERIFY(run(db(), patched));
        auto count = db().query(QStringLiteral("SELECT count(*) FROM orders"));
        QVERIFY(count);
        QCOMPARE(count->value(0, 0).toInt(), kOrders);
        auto price =
            db().query(QStringLiteral("SELECT \"notnull\" FROM pragma_table_info('orders') WHERE name = "
                                      "'price'"));
        QVERIFY(price);
        QCOMPARE(price->value(0, 0).toInt(), 1);
    }

    void rebuildThatRenamesTheOldTableFirst()
    {
        QVERIFY(run(db(), "CREATE VIEW big_orders AS SELECT id, qty FROM orders WHERE qty > 100;"));
        const QByteArray sql =
            "ALTER TABLE orders RENAME TO orders_old;\n"
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, account_id INTEGER, qty INTEGER NOT "
            "NULL, price REAL, note TEXT, venue TEXT);\n"
            "INSERT INTO orders SELECT * FROM orders_old;\n"
            "DROP TABLE orders_old;\n";
        const auto findings = review(db(), sql);
        const auto f = findingOf(findings, QStringLiteral("sqlite-rebuild-renames-old-table"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY2(f->message.contains(QLatin1String("view big_orders")), qPrintable(f->message));
        // The rewrite (copy first) keeps the view working, and the rule is silent on it.
        QVERIFY(!findingOf(review(db(), f->rewrite.toUtf8(), sqlite3_libversion_number(), false),
                           QStringLiteral("sqlite-rebuild-renames-old-table")));
        QVERIFY(run(db(), f->rewrite.toUtf8()));
        QVERIFY(db().query(QStringLiteral("SELECT count(*) FROM big_orders")).ok());
        // What the finding warns about, on the real file: after the script the view is broken.
        QVERIFY(run(db(), sql));
        QVERIFY(!db().query(QStringLiteral("SELECT count(*) FROM big_orders")).ok());
    }

    void indexBuildOnATableWithRows()
    {
        const auto f = findingOf(review(db(), "CREATE INDEX orders_by_account ON orders (account_id);"),
                                 QStringLiteral("sqlite-index-build"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Warn);
        QVERIFY2(f->message.contains(QLatin1String("20,000 rows of orders")), qPrintable(f->message));
        QVERIFY(f->rewrite.contains(QLatin1String("IF NOT EXISTS")));
        QVERIFY(sqliteAccepts(db(), f->rewrite.toUtf8()));
        // On an empty table, or one the step creates, the build is instant: silent.
        QVERIFY(review(db(), "CREATE INDEX staging_payload ON staging (payload);").isEmpty());
        QVERIFY(review(db(), "CREATE TABLE quotes (id INTEGER PRIMARY KEY, px REAL);\n"
                             "CREATE INDEX quotes_px ON quotes (px);")
                    .isEmpty());
    }

    void updateWithoutWhere()
    {
        const QByteArray sql = "UPDATE orders SET venue = 'XLON';";
        const auto f = findingOf(review(db(), sql), QStringLiteral("sqlite-update-all-rows"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Warn);
        // One run of the batched rewrite changes one batch; silent for both write rules.
        QVERIFY(run(db(), f->rewrite.toUtf8()));
        auto done = db().query(QStringLiteral("SELECT count(*) FROM orders WHERE venue = 'XLON'"));
        QVERIFY(done);
        QCOMPARE(done->value(0, 0).toInt(), 10'000);
        const auto again = review(db(), f->rewrite.toUtf8());
        QVERIFY2(again.isEmpty(), qPrintable(rulesOf(again).join(QLatin1Char(','))));
        QVERIFY(run(db(), f->rewrite.toUtf8()));
        QVERIFY(run(db(), f->rewrite.toUtf8()));
        done = db().query(QStringLiteral("SELECT count(*) FROM orders WHERE venue IS NOT 'XLON'"));
        QCOMPARE(done->value(0, 0).toInt(), 0); // the batches converge
    }

    /// A WITHOUT ROWID table has no rowid to batch by: the batches go by its primary key.
    void batchesOfAWithoutRowidTable()
    {
        QVERIFY(run(
            db(), "CREATE TABLE positions (desk TEXT, symbol TEXT, qty INTEGER, PRIMARY KEY (desk, symbol)) "
                  "WITHOUT ROWID;\n"
                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000)\n"
                  "INSERT INTO positions SELECT 'd' || (i % 7), 's' || i, i FROM n;"));
        const auto f = findingOf(review(db(), "UPDATE positions SET qty = 0;"),
                                 QStringLiteral("sqlite-update-all-rows"));
        QVERIFY(f);
        QVERIFY2(f->rewrite.contains(QLatin1String("(desk, symbol) IN (SELECT desk, symbol FROM positions")),
                 qPrintable(f->rewrite));
        for (int batch = 0; batch < 3; ++batch)
            QVERIFY(run(db(), f->rewrite.toUtf8()));
        auto left = db().query(QStringLiteral("SELECT count(*) FROM positions WHERE qty IS NOT 0"));
        QVERIFY(left);
        QCOMPARE(left->value(0, 0).toInt(), 0);
    }

    void largeWriteCountedOnTheLiveTable()
    {
        const auto f = findingOf(review(db(), "UPDATE orders AS o SET note = NULL WHERE o.qty > 5000;"),
                                 QStringLiteral("sqlite-large-write"));
        QVERIFY(f);
        QVERIFY2(f->message.contains(QLatin1String("matches 15,000 rows")), qPrintable(f->message));
        QVERIFY(review(db(), "UPDATE orders SET note = NULL WHERE qty <= 5000;").isEmpty());
        QVERIFY(run(db(), f->rewrite.toUtf8()));
        QVERIFY(review(db(), f->rewrite.toUtf8()).isEmpty());
    }

    void largeWriteThatScansABigTable()
    {
        QVERIFY(run(db(), "CREATE TABLE ticks (id INTEGER PRIMARY KEY, v INTEGER);\n"
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)\n"
                          "INSERT INTO ticks (v) SELECT i % 1000 FROM n;"));
        const QByteArray sql = "DELETE FROM ticks WHERE v = 7;"; // 150 rows, but found by reading all
        const auto f = findingOf(review(db(), sql), QStringLiteral("sqlite-large-write"));
        QVERIFY(f);
        QVERIFY2(f->message.contains(QLatin1String("No index serves this WHERE")), qPrintable(f->message));
        QVERIFY2(f->message.contains(QLatin1String("all 150,000 rows of ticks")), qPrintable(f->message));
        // With an index the rows are found without the scan, and 150 rows are no long write.
        QVERIFY(run(db(), "CREATE INDEX ticks_v ON ticks (v);"));
        QVERIFY(review(db(), sql).isEmpty());
    }

    void deleteWithoutWhere()
    {
        const auto f =
            findingOf(review(db(), "DELETE FROM orders;"), QStringLiteral("sqlite-delete-all-rows"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY(run(db(), f->rewrite.toUtf8()));
        QVERIFY(review(db(), f->rewrite.toUtf8()).isEmpty());
        QVERIFY(review(db(), "DELETE FROM staging;").isEmpty()); // nothing to lose
    }

    void dropTable()
    {
        auto f = findingOf(review(db(), "DROP TABLE orders;"), QStringLiteral("sqlite-drop-table"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY(sqliteAccepts(db(), f->rewrite.toUtf8()));
        QVERIFY(!findingOf(review(db(), f->rewrite.toUtf8()), QStringLiteral("sqlite-drop-table")));
        f = findingOf(review(db(), "DROP TABLE staging;"), QStringLiteral("sqlite-drop-table"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Warn); // nothing to lose, but clients of staging still break
        QVERIFY(review(db(), "DROP TABLE IF EXISTS never_there;").isEmpty());
    }

    void dropColumnDependsOnTheVersion()
    {
        const QByteArray sql = "ALTER TABLE orders DROP COLUMN venue;";
        QVERIFY(sqliteAccepts(db(), sql));
        auto findings = review(db(), sql);
        QVERIFY(findingOf(findings, QStringLiteral("sqlite-drop-column")));
        QCOMPARE(findingOf(findings, QStringLiteral("sqlite-drop-column"))->severity, ReviewSeverity::Block);
        QVERIFY(!findingOf(findings, QStringLiteral("sqlite-drop-column-unsupported")));
        QVERIFY(!findingOf(findings, QStringLiteral("sqlite-drop-column-refused")));
        findings = review(db(), sql, 3'034'000);
        const auto f = findingOf(findings, QStringLiteral("sqlite-drop-column-unsupported"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY2(f->message.contains(QLatin1String("3.34.0")), qPrintable(f->message));
        QVERIFY2(f->rewrite.contains(QLatin1String("INSERT INTO new_orders")), qPrintable(f->rewrite));
        QVERIFY(!findingOf(review(db(), sql, 3'035'000), QStringLiteral("sqlite-drop-column-unsupported")));
    }

    void dropColumnSqliteRefuses_data()
    {
        QTest::addColumn<QByteArray>("schema");
        QTest::addColumn<QString>("reason");
        QTest::newRow("primary key") << QByteArray("CREATE TABLE t (a, b, c, PRIMARY KEY (a, b));")
                                     << "PRIMARY KEY";
        QTest::newRow("unique") << QByteArray("CREATE TABLE t (a INTEGER PRIMARY KEY, b UNIQUE, c);")
                                << "UNIQUE";
        QTest::newRow("index") << QByteArray("CREATE TABLE t (a INTEGER PRIMARY KEY, b, c);\n"
                                             "CREATE INDEX t_b ON t (b);")
                               << "index t_b";
        QTest::newRow("partial index") << QByteArray("CREATE TABLE t (a INTEGER PRIMARY KEY, b, c);\n"
                                                     "CREATE INDEX t_c ON t (c) WHERE b > 0;")
                                       << "index t_c";
        QTest::newRow("expression index") << QByteArray("CREATE TABLE t (a INTEGER PRIMARY KEY, b, c);\n"
                                                        "CREATE INDEX t_bc ON t (c + \"b\");")
                                          << "index t_bc";
        QTest::newRow("table foreign key")
            << QByteArray("CREATE TABLE p (id INTEGER PRIMARY KEY);\n"
                          "CREATE TABLE t (a INTEGER PRIMARY KEY, b, c, FOREIGN KEY "
                          "(b) REFERENCES p (id));")
            << "FOREIGN KEY (b)";
        QTest::newRow("table check") << QByteArray(
                                            "CREATE TABLE t (a INTEGER PRIMARY KEY, b, c, CHECK (b > 0));")
                                     << "CHECK (b > 0)";
        QTest::newRow("other column's check")
            << QByteArray("CREATE TABLE t (a INTEGER PRIMARY KEY, b, c CHECK (c > b));") << "CHECK (c > b)";
        QTest::newRow("generated column")
            << QByteArray("CREATE TABLE t (a INTEGER PRIMARY KEY, b, c AS (b * 2));") << "generated column c";
        QTest::newRow("view") << QByteArray("CREATE TABLE t (a INTEGER PRIMARY KEY, b, c);\n"
                                            "CREATE VIEW t_view AS SELECT a, [b] FROM t;")
                              << "view t_view";
        QTest::newRow("trigger") << QByteArray("CREATE TABLE t (a INTEGER PRIMARY KEY, b, c);\n"
                                               "CREATE TABLE log (x);\n"
                                               "CREATE TRIGGER t_log AFTER INSERT ON t BEGIN INSERT INTO log "
                                               "VALUES (new.b); END;")
                                 << "trigger t_log";
    }
    void dropColumnSqliteRefuses()
    {
        QFETCH(QByteArray, schema);
        QFETCH(QString, reason);
        QVERIFY(run(db(), schema + "\nINSERT INTO t (a, b) VALUES (1, 2);"));
        const QByteArray sql = "ALTER TABLE t DROP COLUMN b;";
        QString refusal;
        QVERIFY(!sqliteAccepts(db(), sql, &refusal));
        const auto findings = review(db(), sql);
        const auto f = findingOf(findings, QStringLiteral("sqlite-drop-column-refused"));
        QVERIFY2(f, qPrintable(QStringLiteral("SQLite said: ") + refusal));
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY2(f->message.contains(reason), qPrintable(f->message));
    }

    void dropColumnSqliteAccepts_data()
    {
        QTest::addColumn<QByteArray>("schema");
        QTest::newRow("own check") << QByteArray(
            "CREATE TABLE t (a INTEGER PRIMARY KEY, b CHECK (b > 0), c);");
        QTest::newRow("own references")
            << QByteArray("CREATE TABLE p (id INTEGER PRIMARY KEY);\n"
                          "CREATE TABLE t (a INTEGER PRIMARY KEY, b REFERENCES p, c);");
        QTest::newRow("view of another column")
            << QByteArray("CREATE TABLE t (a INTEGER PRIMARY KEY, b, c);\n"
                          "CREATE VIEW t_view AS SELECT c, 'b' FROM t; -- b\n");
        QTest::newRow("index on another column")
            << QByteArray("CREATE TABLE t (a INTEGER PRIMARY KEY, b, c);\n"
                          "CREATE INDEX t_c ON t (c);");
    }
    void dropColumnSqliteAccepts()
    {
        QFETCH(QByteArray, schema);
        QVERIFY(run(db(), schema));
        const QByteArray sql = "ALTER TABLE t DROP COLUMN b;";
        QVERIFY(sqliteAccepts(db(), sql));
        QVERIFY(!findingOf(review(db(), sql), QStringLiteral("sqlite-drop-column-refused")));
    }

    void renameColumnDependsOnTheVersion()
    {
        const QByteArray sql = "ALTER TABLE orders RENAME COLUMN note TO memo;";
        QVERIFY(sqliteAccepts(db(), sql));
        auto f = findingOf(review(db(), sql), QStringLiteral("sqlite-rename-column"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Warn);
        QVERIFY(!findingOf(review(db(), sql), QStringLiteral("sqlite-rename-column-unsupported")));
        const auto older = review(db(), sql, 3'024'000);
        f = findingOf(older, QStringLiteral("sqlite-rename-column-unsupported"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY(!findingOf(older, QStringLiteral("sqlite-rename-column")));
    }

    void renameTable()
    {
        const auto f = findingOf(review(db(), "ALTER TABLE orders RENAME TO trade_orders;"),
                                 QStringLiteral("sqlite-rename-table"));
        QVERIFY(f);
        QVERIFY(sqliteAccepts(db(), "ALTER TABLE orders RENAME TO trade_orders;\n" + f->rewrite.toUtf8()));
    }

    void vacuumSaysTheFileAndTheDisk()
    {
        const qint64 fileBytes = QFileInfo(m_file->path()).size();
        QCOMPARE(SqliteTableLoad::fileBytes(db()), fileBytes);
        auto f = findingOf(review(db(), "VACUUM;"), QStringLiteral("sqlite-vacuum"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Block); // the step runs in a transaction: SQLite refuses it
        QVERIFY2(f->message.contains(
                     QLocale::c().formattedDataSize(fileBytes, 1, QLocale::DataSizeTraditionalFormat)),
                 qPrintable(f->message));
        QVERIFY(f->message.contains(QLatin1String("free")));
        QString refusal;
        QVERIFY(!sqliteAccepts(db(), "VACUUM;", &refusal));
        QVERIFY2(refusal.contains(QLatin1String("transaction")), qPrintable(refusal));
        QVERIFY(f->rewrite.isEmpty()); // auto_vacuum is off: the note says how, no statement replaces it
        QVERIFY(f->rewriteNote.contains(QLatin1String("-- strata:no-transaction")));
        // In a step of its own outside the transaction it runs; still worth a warning for its lock.
        f = findingOf(review(db(), "VACUUM;", sqlite3_libversion_number(), false),
                      QStringLiteral("sqlite-vacuum"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Warn);
        QVERIFY(run(db(), "PRAGMA auto_vacuum = INCREMENTAL;\nVACUUM;"));
        // With incremental auto_vacuum the rewrite frees pages without rewriting the file, and is silent.
        f = findingOf(review(db(), "VACUUM;"), QStringLiteral("sqlite-vacuum"));
        QVERIFY(f);
        QVERIFY2(f->rewrite.startsWith(QLatin1String("PRAGMA incremental_vacuum")), qPrintable(f->rewrite));
        QVERIFY(sqliteAccepts(db(), f->rewrite.toUtf8()));
        QVERIFY(review(db(), f->rewrite.toUtf8()).isEmpty());
        QVERIFY(review(db(), "VACUUM INTO 'copy.db';").isEmpty());
    }

    void tableLoadSaysSizeAndWhoHasTheFileOpen()
    {
        QString problem;
        std::optional<QStringList> holders;
        TableLoad load = SqliteTableLoad::read(db(), QStringLiteral("orders"), problem, holders);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(load.found);
        QCOMPARE(load.rows.value_or(-1), kOrders);
        QVERIFY(load.rowsExact);
        QVERIFY(load.bytes.value_or(0) > 0);
        QVERIFY(load.bytes.value_or(0) <= QFileInfo(m_file->path()).size());
        QVERIFY2(load.sizeSource.contains(QLatin1String("dbstat")), qPrintable(load.sizeSource));
        // A process that has the file open, as the daemon would: named with its pid.
        QProcess writer;
        writer.start(QStringLiteral(STRATA_STEADY_WRITER_PATH), {m_file->path(), QStringLiteral("30")});
        QVERIFY(writer.waitForReadyRead(10'000));
        const qint64 pid = writer.processId();
        holders.reset(); // a new review
        load = SqliteTableLoad::read(db(), QStringLiteral("accounts"), problem, holders);
        writer.write("stop\n");
        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished(10'000));
        QCOMPARE(load.sessions, QStringList{QStringLiteral("pid %1 (steady_writer)").arg(pid)});
        // Within one review the holders are read once for all tables; the next review reads them afresh.
        QCOMPARE(SqliteTableLoad::read(db(), QStringLiteral("orders"), problem, holders).sessions,
                 load.sessions);
        holders.reset();
        load = SqliteTableLoad::read(db(), QStringLiteral("orders"), problem, holders);
        QVERIFY2(load.sessions.isEmpty(), qPrintable(load.sessions.join(QLatin1Char(','))));
        load = SqliteTableLoad::read(db(), QStringLiteral("not_there"), problem, holders);
        QVERIFY(load.read);
        QVERIFY(!load.found);
    }

    void thePlanReviewJoinsAndSuppresses()
    {
        MigrationStep step;
        step.version = 2;
        step.step = 1;
        step.forwardPath = QStringLiteral("002_v2/01_change.sql");
        step.forwardSql = "-- strata:allow sqlite-drop-column the desk stopped reading venue in release 41\n"
                          "ALTER TABLE orders DROP COLUMN venue;\n";
        auto report = PlanReview::review(QList<MigrationStep>{step}, db());
        QVERIFY2(report.ok(), report ? "" : qPrintable(report.error().toText()));
        QCOMPARE(report->steps.size(), 1);
        const auto f = findingOf(report->steps.first().findings, QStringLiteral("sqlite-drop-column"));
        QVERIFY(f);
        QVERIFY(f->suppressed);
        QVERIFY(f->suppressionReason.contains(QLatin1String("release 41")));
        QCOMPARE(f->line, 2);
        QVERIFY(!report->blocked());
        // The plan's review measures the table as SqliteTableLoad does, and says how.
        QCOMPARE(f->load.rows.value_or(-1), kOrders);
        QVERIFY2(f->load.sizeSource.contains(QLatin1String("count(*)")), qPrintable(f->load.sizeSource));
        const QString measured = f->toJson()
                                     .value(QStringLiteral("table_size"))
                                     .toObject()
                                     .value(QStringLiteral("measured_by"))
                                     .toString();
        QVERIFY2(measured.contains(QLatin1String("dbstat")), qPrintable(measured));
    }

    /// strata-cli end to end on a SQLite file: review exits 5 on the block finding, --patch's diff applied
    /// to the folder makes it exit 0, and migrate then runs the patched step on the table with rows.
    void theCommandLineBlocksThenThePatchRuns()
    {
        QTemporaryDir folder;
        QVERIFY(QDir(folder.path()).mkpath(QStringLiteral("001_v1")));
        QFile file(folder.filePath(QStringLiteral("001_v1/01_side.sql")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-- strata:allow sqlite-index-build orders_by_side is built once, before the open\n"
                   "ALTER TABLE orders ADD COLUMN side TEXT NOT NULL;\n"
                   "CREATE INDEX orders_by_side ON orders (side);\n");
        file.close();
        m_db.reset(); // the command line opens the file itself
        const QStringList common{QStringLiteral("--db"), m_file->url(), QStringLiteral("--migrations"),
                                 folder.path()};
        auto reviewed =
            CliProcess::run(common + QStringList{QStringLiteral("--json"), QStringLiteral("review")});
        QCOMPARE(reviewed.exitCode, 5);
        const QJsonObject json = reviewed.json();
        QVERIFY2(json.value(QStringLiteral("blocked")).toBool(), qPrintable(reviewed.out));
        QCOMPARE(json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("block")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("suppressed")).toInt(),
                 1);
        QVERIFY2(reviewed.out.contains(QLatin1String("sqlite-add-column-not-null")),
                 qPrintable(reviewed.out));

        auto patch =
            CliProcess::run(common + QStringList{QStringLiteral("review"), QStringLiteral("--patch")});
        QCOMPARE(patch.exitCode, 5);
        QProcess apply;
        apply.start(QStringLiteral("patch"), {QStringLiteral("-p1"), QStringLiteral("-d"), folder.path()});
        QVERIFY(apply.waitForStarted());
        apply.write(patch.out.toUtf8());
        apply.closeWriteChannel();
        QVERIFY(apply.waitForFinished(10'000));
        QVERIFY2(apply.exitCode() == 0, qPrintable(patch.out));

        reviewed = CliProcess::run(common + QStringList{QStringLiteral("review")});
        QVERIFY2(reviewed.exitCode == 0, qPrintable(reviewed.err));
        auto migrated =
            CliProcess::run(common + QStringList{QStringLiteral("--yes"), QStringLiteral("migrate"),
                                                 QStringLiteral("--no-backup")});
        QVERIFY2(migrated.exitCode == 0, qPrintable(migrated.err));
        m_db = openFile(m_file->path());
        QVERIFY(m_db);
        auto sides = db().query(QStringLiteral("SELECT count(*) FROM orders WHERE side = ''"));
        QVERIFY(sides);
        QCOMPARE(sides->value(0, 0).toInt(), kOrders);
    }

    /// The SQLite folders of the compatibility corpus (tests/compat), reviewed step by step on a database
    /// that has the earlier steps applied, as a plan in the middle of a run would be: no step makes the
    /// review fail, and the findings are what docs/review-rules.md lists.
    void theCorpusIsReviewedWithoutAFailure_data()
    {
        QTest::addColumn<QString>("folder");
        for (const char* tool : {"dbmate", "flyway", "golang-migrate", "goose", "prisma", "sqlx"})
            QTest::newRow(tool)
                << QStringLiteral(STRATA_SOURCE_DIR "/tests/compat/%1/sqlite").arg(QLatin1String(tool));
    }
    void theCorpusIsReviewedWithoutAFailure()
    {
        QFETCH(QString, folder);
        auto set = MigrationSetLoader::load(folder);
        QVERIFY2(set.ok(), set ? "" : qPrintable(set.error().toText()));
        const QList<MigrationStep> steps = set->stepsFor(Dialect::Sqlite);
        QVERIFY(!steps.isEmpty());
        qInfo("corpus %s: %d steps", qPrintable(folder), int(steps.size()));
        ScratchSqlite file;
        {
            sqlite3* raw = nullptr;
            QCOMPARE(sqlite3_open(file.path().toUtf8().constData(), &raw), SQLITE_OK);
            sqlite3_close(raw);
        }
        auto opened = openFile(file.path());
        QVERIFY(opened);
        Database& live = *opened;
        for (const MigrationStep& step : steps) {
            auto report = PlanReview::review(QList<MigrationStep>{step}, live);
            QVERIFY2(report.ok(), report ? "" : qPrintable(report.error().toText()));
            for (const ReviewFinding& f : report->steps.first().findings)
                qInfo("corpus %s:%d %s %s: %s", qPrintable(step.forwardPath), f.line, qPrintable(f.rule),
                      qPrintable(severityName(f.severity)),
                      qPrintable(f.excerpt + QStringLiteral(" | ") + f.load.text()));
            if (step.noOp)
                continue;
            const bool inTransaction = step.transactional() && !step.ownTransaction;
            if (inTransaction)
                QVERIFY(live.begin());
            auto ran = live.runScript(step.forwardScript(), inTransaction);
            QVERIFY2(ran.ok(), ran ? "" : qPrintable(ran.error().toText()));
            if (inTransaction)
                QVERIFY(live.commit());
        }
    }
};

QTEST_GUILESS_MAIN(TestReviewSqlite)
#include "tst_review_sqlite.moc"
