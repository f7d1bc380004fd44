#include <QCryptographicHash>
#include <QFile>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "drift/DefinitionText.h"
#include "drift/DriftCheck.h"
#include "drift/SchemaDiff.h"
#include "schema/SchemaReader.h"

using namespace strata;
using namespace strata::test;

namespace {

/// A desk's set that runs unchanged on both engines: two tables with a foreign key and an index (v1), then
/// a CHECK'd table, a unique index and a view (v2).
const QByteArray kDeskTables = "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                               "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                               "    account_id INTEGER NOT NULL REFERENCES accounts (id),\n"
                               "    qty INTEGER NOT NULL DEFAULT 0, note TEXT);\n"
                               "CREATE INDEX idx_orders_account ON orders (account_id);\n";
const QByteArray kDeskLimits =
    "CREATE TABLE limits (account_id INTEGER NOT NULL REFERENCES accounts (id),\n"
    "    max_qty INTEGER NOT NULL CHECK (max_qty > 0));\n"
    "CREATE UNIQUE INDEX idx_accounts_name ON accounts (name);\n"
    "CREATE VIEW open_orders AS SELECT id, account_id, qty FROM orders WHERE qty > 0;\n";

struct Desk
{
    SetBuilder set;
    Desk()
    {
        set.file(QStringLiteral("strata.yaml"), "name: desk\ndialects: [sqlite, postgresql]\n")
            .file(QStringLiteral("001_desk/01_tables.sql"), kDeskTables)
            .file(QStringLiteral("002_limits/01_limits.sql"), kDeskLimits);
    }
};

QString fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unreadable");
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

/// "kind object table.name" of each difference, in report order.
QStringList lines(const DriftReport& report)
{
    QStringList out;
    for (const DriftItem& item : report.items)
        out << QStringLiteral("%1 %2 %3.%4").arg(item.kindName(), item.objectName(), item.table, item.name);
    return out;
}

QStringList driftDatabases()
{
    auto server = ConnectionUrl::parse(postgresServerUrl());
    if (!server)
        return {QStringLiteral("ERROR no server")};
    auto db = MigrationHarness::open(server->display());
    if (!db)
        return {QStringLiteral("ERROR ") + db.error().toText()};
    auto rows = (*db)->query(
        QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE 'strata\\_drift\\_%'"));
    QStringList names;
    for (const auto& row : rows->rows)
        names << row.value(0).toString();
    return names;
}

ColumnInfo column(const QString& name, const QString& type, bool notNull = false, const QString& def = {})
{
    ColumnInfo c;
    c.name = name;
    c.type = type;
    c.notNull = notNull;
    c.hasDefault = !def.isEmpty();
    c.defaultValue = def;
    return c;
}

SchemaSnapshot handBuilt()
{
    SchemaSnapshot s;
    s.schemas = {QStringLiteral("main")};
    TableInfo orders;
    orders.schema = QStringLiteral("main");
    orders.name = QStringLiteral("orders");
    orders.columns = {column(QStringLiteral("id"), QStringLiteral("INTEGER")),
                      column(QStringLiteral("qty"), QStringLiteral("INTEGER"), true, QStringLiteral("0"))};
    orders.columns[0].primaryKeyPosition = 1;
    IndexInfo index;
    index.schema = orders.schema;
    index.table = orders.name;
    index.name = QStringLiteral("idx_orders_qty");
    index.parts = {IndexKeyPart{QStringLiteral("qty"), {}, true, false, {}}};
    index.method = QStringLiteral("btree");
    orders.indexes = {index};
    TableInfo history;
    history.schema = QStringLiteral("main");
    history.name = QStringLiteral("schema_version");
    history.columns = {column(QStringLiteral("version"), QStringLiteral("INTEGER"))};
    s.tables = {history, orders};
    return s;
}

} // namespace

class TestSchemaDrift : public QObject
{
    Q_OBJECT

    Result<DriftReport> check(const QString& url, const QString& setPath, const Progress& progress = {})
    {
        auto db = MigrationHarness::open(url);
        if (!db)
            return db.error();
        auto set = MigrationHarness::load(setPath);
        if (!set)
            return set.error();
        return DriftCheck(**db, *set).run(progress);
    }

    /// Migrates a new database of the engine to the desk's head; `url` is where it is.
    void migrated(const QString& url, const Desk& desk)
    {
        auto db = MigrationHarness::open(url);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toText()));
        auto up = MigrationHarness::migrate(**db, *MigrationHarness::load(desk.set.path()));
        QVERIFY2(up.ok(), qPrintable(up.ok() ? QString() : up.error().toText()));
    }

    void execute(const QString& url, const QStringList& statements)
    {
        auto db = MigrationHarness::open(url);
        QVERIFY(db.ok());
        for (const QString& sql : statements) {
            auto done = (*db)->execute(sql);
            QVERIFY2(done.ok(),
                     qPrintable(sql + QLatin1Char('\n') + (done ? QString() : done.error().toText())));
        }
    }

    void noDriftRightAfterMigrate(const QString& url)
    {
        Desk desk;
        migrated(url, desk);
        auto report = check(url, desk.set.path());
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toText()));
        QVERIFY2(!report->drift(), qPrintable(lines(*report).join(QLatin1Char('\n'))));
        QCOMPARE(report->replayedVersions, (QList<qint64>{1, 2}));
        QCOMPARE(report->replayedSteps, (QStringList{QStringLiteral("1.1"), QStringLiteral("2.1")}));
        QVERIFY(report->notes.isEmpty());
    }

    void columnAddedAndIndexDroppedByHand(const QString& url)
    {
        Desk desk;
        migrated(url, desk);
        execute(url, {QStringLiteral("ALTER TABLE orders ADD COLUMN desk_code TEXT"),
                      QStringLiteral("DROP INDEX idx_orders_account")});
        auto report = check(url, desk.set.path());
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toText()));
        QCOMPARE(lines(*report), (QStringList{QStringLiteral("extra column orders.desk_code"),
                                              QStringLiteral("missing index orders.idx_orders_account")}));
        const DriftItem& added = report->items.at(0);
        QCOMPARE(added.actual.toLower(), QStringLiteral("text"));
        QVERIFY(added.expected.isEmpty());
        QVERIFY(added.advice.contains(QStringLiteral("migration that adds it")));
        const DriftItem& dropped = report->items.at(1);
        QCOMPARE(dropped.expected, QStringLiteral("btree (account_id)"));
        QVERIFY(dropped.advice.contains(QStringLiteral("Create it again")));
        QCOMPARE(report->summary(), QStringLiteral("2 differences: 1 missing, 1 extra"));
    }

private Q_SLOTS:
    void definitionsCompareWithoutTheirSpelling()
    {
        QCOMPARE(DefinitionText::normalise(QStringLiteral("  DEFAULT  ( 0 ) ;")),
                 QStringLiteral("default(0)"));
        QCOMPARE(DefinitionText::normalise(QStringLiteral("(\"qty\" > 0)")), QStringLiteral("qty>0"));
        QCOMPARE(DefinitionText::normalise(QStringLiteral("'Rates  Desk'")), QStringLiteral("'Rates  Desk'"));
        QVERIFY(DefinitionText::normalise(QStringLiteral("'A'")) !=
                DefinitionText::normalise(QStringLiteral("'a'")));
        QVERIFY(DefinitionText::normalise(QStringLiteral("integer[]")) !=
                DefinitionText::normalise(QStringLiteral("integer")));
    }

    void handBuiltSnapshotsCompareFieldByField()
    {
        const SchemaSnapshot expected = handBuilt();
        SchemaSnapshot same = handBuilt();
        same.tables[1].columns[1].type = QStringLiteral("integer");     // SQLite keeps the spelling typed
        same.tables[1].columns[1].defaultValue = QStringLiteral("(0)"); // …and the parentheses
        same.tables[1].indexes[0].sizeBytes = 1 << 20;                  // physical facts are never drift
        same.tables[1].indexes[0].scans = 0;
        same.tables[1].estimatedRows = 10'000'000;
        same.tables[0].columns << column(QStringLiteral("note"), QStringLiteral("TEXT")); // Strata's own
        QVERIFY(SchemaDiff::compare(expected, same).isEmpty());

        SchemaSnapshot actual = handBuilt();
        actual.tables[1].columns[1].type = QStringLiteral("REAL");
        actual.tables[1].columns[1].defaultValue = QStringLiteral("1");
        actual.tables[1].indexes[0].parts[0].descending = false;
        TableInfo extra;
        extra.schema = QStringLiteral("main");
        extra.name = QStringLiteral("audit");
        extra.columns = {column(QStringLiteral("at"), QStringLiteral("TEXT"))};
        actual.tables.prepend(extra);
        SchemaObject view{SchemaObject::Kind::View,
                          QStringLiteral("main"),
                          QStringLiteral("big_orders"),
                          {},
                          QStringLiteral("CREATE VIEW big_orders AS SELECT 1"),
                          {}};
        actual.objects << view;
        const QList<DriftItem> items = SchemaDiff::compare(expected, actual);
        QStringList got;
        for (const DriftItem& i : items)
            got << QStringLiteral("%1 %2 %3").arg(i.kindName(), i.objectName(), i.name);
        QCOMPARE(got,
                 (QStringList{QStringLiteral("extra table audit"), QStringLiteral("extra view big_orders"),
                              QStringLiteral("changed column qty"),
                              QStringLiteral("changed index idx_orders_qty")}));
        QCOMPARE(items.at(2).message, QStringLiteral("Column main.orders.qty differs: type INTEGER in the "
                                                     "migrations, REAL in the database; default 0 in the "
                                                     "migrations, 1 in the database."));
        QCOMPARE(items.at(3).expected, QStringLiteral("btree (qty DESC)"));
        QCOMPARE(items.at(3).actual, QStringLiteral("btree (qty)"));
        // The same comparison twice gives the same report, in the same order.
        QCOMPARE(SchemaDiff::compare(expected, actual).size(), items.size());
        QCOMPARE(SchemaDiff::compare(expected, actual).at(0).name, items.at(0).name);
    }

    void renamedIndexIsOneChange()
    {
        const SchemaSnapshot expected = handBuilt();
        SchemaSnapshot actual = handBuilt();
        actual.tables[1].indexes[0].name = QStringLiteral("orders_qty_idx");
        const QList<DriftItem> items = SchemaDiff::compare(expected, actual);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().kind, DriftItem::Kind::Changed);
        QCOMPARE(items.first().actual, QStringLiteral("orders_qty_idx"));
    }

    void noDriftRightAfterMigrateOnSqlite()
    {
        ScratchSqlite file;
        noDriftRightAfterMigrate(file.url());
    }

    void noDriftRightAfterMigrateOnPostgres()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        noDriftRightAfterMigrate(scratch.url());
    }

    void columnAddedAndIndexDroppedOnSqliteLeavesTheFileAsItWas()
    {
        ScratchSqlite file;
        columnAddedAndIndexDroppedByHand(file.url());
        const QString before = fileHash(file.path());
        Desk desk;
        auto again = check(file.url(), desk.set.path());
        QVERIFY(again.ok());
        QCOMPARE(fileHash(file.path()), before);
        QCOMPARE(again->scratch, QStringLiteral("a temporary SQLite file"));
    }

    void columnAddedAndIndexDroppedOnPostgresDropsTheScratchDatabase()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        columnAddedAndIndexDroppedByHand(scratch.url());
        Desk desk;
        auto again = check(scratch.url(), desk.set.path());
        QVERIFY(again.ok());
        QVERIFY(again->scratch.startsWith(QStringLiteral("the temporary database strata_drift_")));
        const QString name = again->scratch.section(QLatin1Char(' '), -1);
        QVERIFY2(!driftDatabases().contains(name), qPrintable(driftDatabases().join(QLatin1Char(','))));
    }

    void changedTypeDefaultAndExtraTableOnSqlite()
    {
        ScratchSqlite file;
        Desk desk;
        migrated(file.url(), desk);
        // SQLite cannot alter a column: operators rebuild the table by hand.
        execute(
            file.url(),
            {QStringLiteral("DROP VIEW open_orders"), // a view on a missing table would stop the rename
             QStringLiteral("CREATE TABLE orders_new (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL "
                            "REFERENCES accounts (id), qty REAL NOT NULL DEFAULT 1, note TEXT)"),
             QStringLiteral("INSERT INTO orders_new SELECT * FROM orders"),
             QStringLiteral("DROP TABLE orders"), QStringLiteral("ALTER TABLE orders_new RENAME TO orders"),
             QStringLiteral("CREATE INDEX idx_orders_account ON orders (account_id)"),
             QStringLiteral(
                 "CREATE VIEW open_orders AS SELECT id, account_id, qty FROM orders WHERE qty > 0"),
             QStringLiteral("CREATE TABLE scratchpad (line TEXT)")});
        auto report = check(file.url(), desk.set.path());
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toText()));
        QCOMPARE(lines(*report), (QStringList{QStringLiteral("changed column orders.qty"),
                                              QStringLiteral("extra table scratchpad.scratchpad")}));
        QVERIFY(
            report->items.first().message.contains(QStringLiteral("type INTEGER in the migrations, REAL")));
        QVERIFY(report->items.first().message.contains(QStringLiteral("default 0 in the migrations, 1")));
    }

    void changedTypeDefaultExtraTableAndInvalidIndexOnPostgres()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        Desk desk;
        migrated(scratch.url(), desk);
        execute(scratch.url(),
                {QStringLiteral("DROP VIEW open_orders"),
                 QStringLiteral("ALTER TABLE orders ALTER COLUMN qty TYPE numeric(12,2)"),
                 QStringLiteral("ALTER TABLE orders ALTER COLUMN qty SET DEFAULT 1"),
                 QStringLiteral(
                     "CREATE VIEW open_orders AS SELECT id, account_id, qty FROM orders WHERE qty > 0"),
                 QStringLiteral("CREATE TABLE scratchpad (line text)"),
                 // A failed CREATE INDEX CONCURRENTLY leaves the index behind, INVALID.
                 QStringLiteral("DROP INDEX idx_accounts_name"),
                 QStringLiteral("INSERT INTO accounts (id, name) VALUES (1, 'rates'), (2, 'rates')")});
        auto db = MigrationHarness::open(scratch.url());
        QVERIFY(
            !(*db)
                 ->execute(QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY idx_accounts_name ON accounts "
                                          "(name)"))
                 .ok());
        db->reset();
        auto report = check(scratch.url(), desk.set.path());
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toText()));
        QCOMPARE(lines(*report), (QStringList{QStringLiteral("changed index accounts.idx_accounts_name"),
                                              QStringLiteral("changed view .open_orders"),
                                              QStringLiteral("changed column orders.qty"),
                                              QStringLiteral("extra table scratchpad.scratchpad")}));
        QVERIFY(report->items.at(0).message.contains(QStringLiteral("INVALID")));
        QVERIFY(report->items.at(2).message.contains(
            QStringLiteral("type integer in the migrations, numeric(12,2)")));
    }

    void untrackedDatabaseCannotBeJudged()
    {
        ScratchSqlite file;
        Desk desk;
        auto report = check(file.url(), desk.set.path());
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, ExitCode::BadInput);
        QVERIFY(report.error().what.contains(QStringLiteral("not tracked")));
        QVERIFY(report.error().next.contains(QStringLiteral("baseline")));
    }

    void aSetThatDoesNotReplayFailsAndDropsTheScratchDatabase()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        Desk desk;
        // v3 uses a table made by hand before it ran: it cannot be replayed into an empty database.
        execute(scratch.url(), {QStringLiteral("CREATE TABLE handmade (id integer)")});
        desk.set.file(QStringLiteral("003_handmade/01_index.sql"),
                      "CREATE INDEX idx_handmade ON handmade (id);\n");
        migrated(scratch.url(), desk);
        const QStringList before = driftDatabases();
        auto report = check(scratch.url(), desk.set.path());
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, ExitCode::Failed);
        QVERIFY2(report.error().what.contains(QStringLiteral("3.1")), qPrintable(report.error().toText()));
        QVERIFY(report.error().unchanged.contains(QStringLiteral("only read")));
        QCOMPARE(driftDatabases(), before);
    }

    void cancelStopsAndDropsTheScratchDatabase()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        Desk desk;
        migrated(scratch.url(), desk);
        const QStringList before = driftDatabases();
        std::atomic_bool cancel{false};
        QStringList stages;
        Progress progress(
            [&](qint64, qint64, const QString& stage) {
                stages << stage;
                if (stage.startsWith(QStringLiteral("replaying")))
                    cancel = true;
            },
            &cancel);
        auto report = check(scratch.url(), desk.set.path(), progress);
        QVERIFY(!report.ok());
        QVERIFY2(report.error().what.contains(QStringLiteral("cancelled")),
                 qPrintable(report.error().toText()));
        QVERIFY(stages.contains(QStringLiteral("creating the scratch database")));
        QCOMPARE(driftDatabases(), before);
    }

    void stepsChangedOrPendingAreNoted()
    {
        ScratchSqlite file;
        Desk desk;
        migrated(file.url(), desk);
        desk.set.file(QStringLiteral("001_desk/01_tables.sql"), kDeskTables + "-- reviewed\n")
            .file(QStringLiteral("003_more/01_more.sql"), "CREATE TABLE more (id INTEGER);\n");
        auto report = check(file.url(), desk.set.path());
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toText()));
        QVERIFY(!report->drift());
        QCOMPARE(report->notes.size(), 2);
        QVERIFY(report->notes.at(0).contains(QStringLiteral("changed after it was applied")));
        QVERIFY(report->notes.at(1).contains(QStringLiteral("strata-cli migrate")));
    }
};

QTEST_GUILESS_MAIN(TestSchemaDrift)
#include "tst_schema_drift.moc"
