#include <atomic>
#include <thread>

#include <QElapsedTimer>
#include <QtTest>

#include "ScratchDatabases.h"
#include "connection/DatabaseOpener.h"
#include "schema/SchemaReader.h"

using namespace strata;
using namespace strata::test;

namespace {

std::unique_ptr<Database> openUrl(const QString& url)
{
    auto parsed = ConnectionUrl::parse(url);
    if (!parsed)
        return nullptr;
    auto db = DatabaseOpener::open(*parsed);
    return db ? std::move(db).value() : nullptr;
}

bool run(Database& db, const QByteArray& script)
{
    auto ran = db.runScript({QStringLiteral("fixture.sql"), script, 1}, false);
    if (!ran)
        qWarning("%s", qPrintable(ran.error().toText()));
    return ran.ok();
}

const IndexInfo* indexNamed(const TableInfo& table, const QString& name)
{
    for (const IndexInfo& index : table.indexes)
        if (index.name == name)
            return &index;
    return nullptr;
}

QStringList names(const QList<TableInfo>& tables)
{
    QStringList list;
    for (const TableInfo& t : tables)
        list << t.qualifiedName();
    return list;
}

QStringList columnNames(const TableInfo& table)
{
    QStringList list;
    for (const ColumnInfo& c : table.columns)
        list << c.name;
    return list;
}

const ConstraintInfo* constraintOf(const TableInfo& table, const QString& kind, int nth = 0)
{
    for (const ConstraintInfo& c : table.constraints)
        if (c.kind == kind && nth-- == 0)
            return &c;
    return nullptr;
}

/// Counting `view` takes far longer than the test: cancelling 50 ms in must stop it within moments, and
/// the connection must answer the next question.
void checkCountCancels(Database& db, const QString& schema, const QString& view)
{
    SchemaReader reader(db);
    std::atomic_bool cancel{false};
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        cancel = true;
    });
    QElapsedTimer clock;
    clock.start();
    auto count = reader.exactRowCount(schema, view, Progress({}, &cancel));
    canceller.join();
    QVERIFY(!count.ok());
    QVERIFY2(count.error().what.startsWith(QStringLiteral("The exact count of ")),
             qPrintable(count.error().what));
    QVERIFY(count.error().what.endsWith(QStringLiteral(" was cancelled.")));
    QVERIFY(count.error().next.contains(QStringLiteral("estimate")));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    auto after = db.query(QStringLiteral("SELECT 41 + 1"));
    QVERIFY(after.ok());
    QCOMPARE(after->value(0, 0).toString(), QStringLiteral("42"));
}

const QByteArray kSqliteFixture = R"sql(
CREATE TABLE accounts (
    account_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    balance NUMERIC(12, 2) DEFAULT 0
);
CREATE TABLE positions (
    account_id INTEGER NOT NULL,
    symbol TEXT NOT NULL,
    qty INTEGER NOT NULL,
    notional REAL GENERATED ALWAYS AS (qty * 2.5) STORED,
    CONSTRAINT positions_pk PRIMARY KEY (account_id, symbol),
    CONSTRAINT positions_account_fk FOREIGN KEY (account_id) REFERENCES accounts (account_id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT qty_nonzero CHECK (qty <> 0)
);
CREATE TABLE orders (
    order_id INTEGER PRIMARY KEY,
    account_id INTEGER REFERENCES accounts ON DELETE SET NULL,
    client_ref TEXT UNIQUE, -- a comment, with a comma
    placed_at TEXT,
    state TEXT
);
CREATE INDEX orders_open ON orders (placed_at DESC) WHERE state = 'open';
CREATE INDEX orders_ref_lower ON orders (lower(client_ref) COLLATE NOCASE, account_id);
CREATE UNIQUE INDEX orders_acct_time ON orders (account_id, placed_at DESC);
CREATE TABLE "fills ""2024"" Q1" ("fill id" INTEGER PRIMARY KEY, "order" INTEGER);
CREATE TABLE symbols (code TEXT PRIMARY KEY, venue TEXT) WITHOUT ROWID;
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, success INTEGER NOT NULL);
CREATE VIEW open_orders AS SELECT * FROM orders WHERE state = 'open';
CREATE TRIGGER orders_touch AFTER UPDATE ON orders BEGIN SELECT 1; END;
INSERT INTO "fills ""2024"" Q1" VALUES (1, 10), (2, 20), (3, 30);
)sql";

const QByteArray kPostgresFixture = R"sql(
CREATE SCHEMA trading;
CREATE TYPE trading.order_side AS ENUM ('buy', 'sell', 'short');
CREATE SEQUENCE trading.ticket_seq START 1000 INCREMENT 5;
CREATE TABLE trading.accounts (
    account_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(80) NOT NULL,
    status text NOT NULL DEFAULT 'open' CONSTRAINT status_known CHECK (status IN ('open', 'closed')),
    balance numeric(12, 2) DEFAULT 0
);
CREATE TABLE trading.positions (
    account_id bigint NOT NULL,
    symbol text NOT NULL,
    qty integer NOT NULL,
    notional numeric GENERATED ALWAYS AS (qty * 2.5) STORED,
    CONSTRAINT positions_pk PRIMARY KEY (account_id, symbol),
    CONSTRAINT positions_account_fk FOREIGN KEY (account_id) REFERENCES trading.accounts (account_id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT qty_nonzero CHECK (qty <> 0)
);
CREATE TABLE trading.orders (
    order_id bigserial PRIMARY KEY,
    account_id bigint REFERENCES trading.accounts ON DELETE SET NULL,
    client_ref text CONSTRAINT orders_client_ref_key UNIQUE,
    side trading.order_side NOT NULL,
    placed_at timestamptz,
    state text
);
CREATE INDEX orders_open ON trading.orders (placed_at DESC) WHERE state = 'open';
CREATE INDEX orders_ref_lower ON trading.orders (lower(client_ref), account_id);
CREATE UNIQUE INDEX orders_acct_time ON trading.orders (account_id, placed_at DESC) INCLUDE (state);
CREATE INDEX orders_state_hash ON trading.orders USING hash (state);
CREATE TABLE public."Fills ""2024"" Q1" ("Fill Id" integer PRIMARY KEY, "order" bigint);
CREATE TABLE public.schema_version (version integer PRIMARY KEY, success smallint NOT NULL);
CREATE VIEW trading.open_orders AS SELECT * FROM trading.orders WHERE state = 'open';
CREATE FUNCTION trading.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON trading.orders FOR EACH ROW EXECUTE FUNCTION trading.touch();
INSERT INTO public."Fills ""2024"" Q1" VALUES (1, 10), (2, 20);
)sql";

} // namespace

class TestSchemaReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteSnapshotHasEveryField()
    {
        ScratchSqlite file;
        auto db = openUrl(file.url());
        QVERIFY(db && run(*db, kSqliteFixture));
        qsizetype reports = 0;
        auto snapshot = SchemaReader(*db).read(Progress([&](qint64, qint64, const QString&) { ++reports; }));
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : snapshot.error().toText()));
        QCOMPARE(reports, SchemaReader::catalogQueries(Dialect::Sqlite).size());
        QVERIFY(snapshot->dialect == Dialect::Sqlite);
        QCOMPARE(snapshot->schemas, QStringList{QStringLiteral("main")});
        QCOMPARE(names(snapshot->tables),
                 QStringList({"main.accounts", "main.fills \"2024\" Q1", "main.orders", "main.positions",
                              "main.schema_version", "main.symbols"}));

        const TableInfo& accounts = *snapshot->table(QStringLiteral("accounts"));
        QCOMPARE(columnNames(accounts), QStringList({"account_id", "name", "status", "balance"}));
        QCOMPARE(accounts.columns[0].primaryKeyPosition, 1);
        QVERIFY(accounts.columns[1].notNull && !accounts.columns[1].hasDefault);
        QCOMPARE(accounts.columns[2].defaultValue, QStringLiteral("'open'"));
        QCOMPARE(accounts.columns[3].type, QStringLiteral("NUMERIC(12, 2)"));
        QCOMPARE(accounts.columns[3].defaultValue, QStringLiteral("0"));
        QCOMPARE(constraintOf(accounts, "PRIMARY KEY")->definition,
                 QStringLiteral("PRIMARY KEY (account_id)"));
        QCOMPARE(constraintOf(accounts, "CHECK")->definition,
                 QStringLiteral("CHECK (status IN ('open', 'closed'))"));
        QVERIFY(accounts.ddl.startsWith(QStringLiteral("CREATE TABLE accounts (")));
        QCOMPARE(accounts.estimatedRows, qint64(-1)); // no ANALYZE yet

        const TableInfo& positions = *snapshot->table(QStringLiteral("main.positions"));
        QCOMPARE(positions.primaryKey(), QStringList({"account_id", "symbol"}));
        QCOMPARE(positions.column(QStringLiteral("notional"))->generated, QStringLiteral("qty * 2.5"));
        QCOMPARE(positions.foreignKeys.size(), 1);
        const ForeignKeyInfo& fk = positions.foreignKeys[0];
        QCOMPARE(fk.name, QStringLiteral("positions_account_fk"));
        QCOMPARE(fk.columns, QStringList{"account_id"});
        QCOMPARE(fk.referencedTable, QStringLiteral("accounts"));
        QCOMPARE(fk.referencedColumns, QStringList{"account_id"});
        QCOMPARE(fk.onDelete, QStringLiteral("CASCADE"));
        QCOMPARE(fk.onUpdate, QStringLiteral("RESTRICT"));
        QCOMPARE(constraintOf(positions, "PRIMARY KEY")->name, QStringLiteral("positions_pk"));
        QCOMPARE(constraintOf(positions, "FOREIGN KEY")->definition,
                 QStringLiteral("FOREIGN KEY (account_id) REFERENCES accounts(account_id) ON UPDATE RESTRICT "
                                "ON DELETE CASCADE"));
        QCOMPARE(constraintOf(positions, "CHECK")->name, QStringLiteral("qty_nonzero"));
        QCOMPARE(constraintOf(positions, "CHECK")->definition, QStringLiteral("CHECK (qty <> 0)"));
        const IndexInfo* pk = indexNamed(positions, QStringLiteral("sqlite_autoindex_positions_1"));
        QVERIFY(pk && pk->primaryKey && pk->constraint && pk->unique && pk->definition.isEmpty());
        QCOMPARE(pk->parts.size(), 2);
        QCOMPARE(pk->parts[1].column, QStringLiteral("symbol"));

        const TableInfo& orders = *snapshot->table(QStringLiteral("orders"));
        QCOMPARE(orders.foreignKeys[0].referencedColumns, QStringList()); // the parent's primary key
        QCOMPARE(orders.foreignKeys[0].onDelete, QStringLiteral("SET NULL"));
        QCOMPARE(orders.foreignKeys[0].onUpdate, QStringLiteral("NO ACTION"));
        QVERIFY(orders.foreignKeys[0].name.isEmpty());
        QStringList indexNames;
        for (const IndexInfo& index : orders.indexes) {
            indexNames << index.name;
            QCOMPARE(index.method, QStringLiteral("btree"));
            QVERIFY(index.valid);
            QCOMPARE(index.sizeBytes, qint64(-1)); // dbstat reads every page: only readTable() pays for it
            QCOMPARE(index.scans, qint64(-1));
        }
        QCOMPARE(indexNames, QStringList({"orders_acct_time", "orders_open", "orders_ref_lower",
                                          "sqlite_autoindex_orders_1"}));
        const IndexInfo& open = *indexNamed(orders, QStringLiteral("orders_open"));
        QCOMPARE(open.predicate, QStringLiteral("state = 'open'"));
        QCOMPARE(open.parts.size(), 1);
        QVERIFY(open.parts[0].descending && !open.unique && !open.constraint);
        QVERIFY(open.definition.startsWith(QStringLiteral("CREATE INDEX orders_open ON orders")));
        const IndexInfo& lower = *indexNamed(orders, QStringLiteral("orders_ref_lower"));
        QCOMPARE(lower.parts[0].expression, QStringLiteral("lower(client_ref)"));
        QVERIFY(lower.parts[0].column.isEmpty());
        QCOMPARE(lower.parts[0].collation, QStringLiteral("NOCASE"));
        QCOMPARE(lower.parts[1].column, QStringLiteral("account_id"));
        QVERIFY(!lower.parts[1].descending && lower.predicate.isEmpty());
        const IndexInfo& acctTime = *indexNamed(orders, QStringLiteral("orders_acct_time"));
        QVERIFY(acctTime.unique && !acctTime.constraint && acctTime.parts[1].descending);
        const IndexInfo& unique = *indexNamed(orders, QStringLiteral("sqlite_autoindex_orders_1"));
        QVERIFY(unique.unique && unique.constraint && !unique.primaryKey);
        QCOMPARE(constraintOf(orders, "UNIQUE")->definition, QStringLiteral("UNIQUE (client_ref)"));

        const TableInfo& fills = *snapshot->table(QStringLiteral("fills \"2024\" Q1"));
        QCOMPARE(columnNames(fills), QStringList({"fill id", "order"}));
        QVERIFY(snapshot->table(QStringLiteral("symbols"))->withoutRowid);
        QVERIFY(!orders.withoutRowid);
        QVERIFY(snapshot->table(QStringLiteral("schema_version")));

        const auto views = snapshot->objectsOf(SchemaObject::Kind::View);
        const auto triggers = snapshot->objectsOf(SchemaObject::Kind::Trigger);
        QCOMPARE(views.size(), 1);
        QCOMPARE(views[0].name, QStringLiteral("open_orders"));
        QVERIFY(views[0].definition.startsWith(QStringLiteral("CREATE VIEW open_orders")));
        QCOMPARE(triggers.size(), 1);
        QCOMPARE(triggers[0].table, QStringLiteral("orders"));
    }

    void sqliteTableSizesEstimatesAndCounts()
    {
        ScratchSqlite file;
        auto db = openUrl(file.url());
        QVERIFY(db && run(*db, kSqliteFixture));
        QVERIFY(run(*db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                         "INSERT INTO orders SELECT i, NULL, 'ref-' || i, datetime(i, 'unixepoch'), "
                         "CASE WHEN i % 2 THEN 'open' ELSE 'done' END FROM n;\nANALYZE;"));
        SchemaReader reader(*db);
        auto snapshot = reader.read();
        QVERIFY(snapshot.ok());
        QCOMPARE(snapshot->table(QStringLiteral("orders"))->estimatedRows, qint64(5000));
        QCOMPARE(snapshot->table(QStringLiteral("fills \"2024\" Q1"))->estimatedRows, qint64(3));

        auto size = reader.tableSize(QStringLiteral("main"), QStringLiteral("orders"));
        QVERIFY(size.ok());
        // Debian's libsqlite3 has dbstat; a build without it must say so instead.
        auto dbstat = db->query(QStringLiteral("SELECT count(*) FROM pragma_compile_options "
                                               "WHERE compile_options = 'ENABLE_DBSTAT_VTAB'"));
        if (dbstat->value(0, 0).toInt() == 1) {
            QVERIFY(size->unavailable.isEmpty());
            QVERIFY(size->tableBytes > 4096 && size->indexBytes > 4096);
            QCOMPARE(size->totalBytes, size->tableBytes + size->indexBytes);
        } else {
            QCOMPARE(size->totalBytes, qint64(-1));
            QVERIFY(size->unavailable.contains(QStringLiteral("without the dbstat table")));
        }
        auto orders = reader.readTable(QStringLiteral("main"), QStringLiteral("orders"));
        QVERIFY(orders.ok());
        QCOMPARE(orders->indexes.size(), 4);
        qint64 indexBytes = 0;
        for (const IndexInfo& index : orders->indexes) {
            QVERIFY2(size->unavailable.isEmpty() ? index.sizeBytes > 0 : index.sizeBytes == -1,
                     qPrintable(index.name));
            indexBytes += index.sizeBytes;
        }
        if (size->unavailable.isEmpty())
            QCOMPARE(indexBytes, size->indexBytes);
        QCOMPARE(orders->estimatedRows, qint64(5000));
        QCOMPARE(orders->constraints.size(), 3); // PRIMARY KEY, UNIQUE, FOREIGN KEY

        QCOMPARE(*reader.exactRowCount(QStringLiteral("main"), QStringLiteral("orders")), qint64(5000));
        QCOMPARE(*reader.exactRowCount(QStringLiteral("main"), QStringLiteral("fills \"2024\" Q1")),
                 qint64(3));

        // Bad input: a table that is not there, in every call.
        QVERIFY(!reader.readTable(QStringLiteral("main"), QStringLiteral("nope")).ok());
        QVERIFY(
            reader.readTable(QStringLiteral("main"), QStringLiteral("nope")).error().what.contains("nope"));
        QVERIFY(!reader.readTable(QStringLiteral("other"), QStringLiteral("orders")).ok());
        QVERIFY(!reader.tableSize(QStringLiteral("main"), QStringLiteral("nope")).ok() ||
                !size->unavailable.isEmpty());
        auto missing = reader.exactRowCount(QStringLiteral("main"), QStringLiteral("nope"));
        QVERIFY(!missing.ok());
        QVERIFY(!missing.error().what.contains(QStringLiteral("cancelled")));
    }

    void sqliteCountAndReadCancel()
    {
        ScratchSqlite file;
        auto db = openUrl(file.url());
        QVERIFY(db);
        // 3,000 rows crossed three times: 27 billion rows to count.
        QVERIFY(run(*db, "CREATE TABLE n (i INTEGER);\n"
                         "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 3000) "
                         "INSERT INTO n SELECT i FROM s;\n"
                         "CREATE VIEW huge AS SELECT 1 FROM n a, n b, n c;"));
        checkCountCancels(*db, QStringLiteral("main"), QStringLiteral("huge"));
        std::atomic_bool cancelled{true};
        auto read = SchemaReader(*db).read(Progress({}, &cancelled));
        QVERIFY(!read.ok());
        QVERIFY(read.error().what.contains(QStringLiteral("cancelled")));
    }

    void postgresSnapshotHasEveryField()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db && run(*db, kPostgresFixture));
        qsizetype reports = 0;
        auto snapshot = SchemaReader(*db).read(Progress([&](qint64, qint64, const QString&) { ++reports; }));
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : snapshot.error().toText()));
        QCOMPARE(reports, SchemaReader::catalogQueries(Dialect::Postgres).size());
        QVERIFY(snapshot->dialect == Dialect::Postgres);
        QCOMPARE(snapshot->schemas, QStringList({"public", "trading"}));
        QCOMPARE(names(snapshot->tables),
                 QStringList({"public.Fills \"2024\" Q1", "public.schema_version", "trading.accounts",
                              "trading.orders", "trading.positions"}));

        const TableInfo& accounts = *snapshot->table(QStringLiteral("trading"), QStringLiteral("accounts"));
        QCOMPARE(columnNames(accounts), QStringList({"account_id", "name", "status", "balance"}));
        const ColumnInfo& id = accounts.columns[0];
        QVERIFY(id.notNull && !id.hasDefault && id.primaryKeyPosition == 1);
        QCOMPARE(id.type, QStringLiteral("bigint"));
        QCOMPARE(id.identity, QStringLiteral("ALWAYS"));
        QCOMPARE(accounts.columns[1].type, QStringLiteral("character varying(80)"));
        QCOMPARE(accounts.columns[2].defaultValue, QStringLiteral("'open'::text"));
        QCOMPARE(accounts.columns[3].type, QStringLiteral("numeric(12,2)"));
        QCOMPARE(accounts.estimatedRows, qint64(-1)); // never analyzed
        QCOMPARE(constraintOf(accounts, "PRIMARY KEY")->name, QStringLiteral("accounts_pkey"));
        const ConstraintInfo* check = constraintOf(accounts, "CHECK");
        QCOMPARE(check->name, QStringLiteral("status_known"));
        QVERIFY2(check->definition.startsWith(QStringLiteral("CHECK ((status = ANY")),
                 qPrintable(check->definition));

        const TableInfo& positions = *snapshot->table(QStringLiteral("trading.positions"));
        QCOMPARE(positions.primaryKey(), QStringList({"account_id", "symbol"}));
        QVERIFY(positions.column(QStringLiteral("notional"))->generated.contains(QStringLiteral("2.5")));
        QVERIFY(!positions.column(QStringLiteral("notional"))->hasDefault);
        const ForeignKeyInfo& fk = positions.foreignKeys.value(0);
        QCOMPARE(fk.name, QStringLiteral("positions_account_fk"));
        QCOMPARE(fk.columns, QStringList{"account_id"});
        QCOMPARE(fk.referencedSchema, QStringLiteral("trading"));
        QCOMPARE(fk.referencedTable, QStringLiteral("accounts"));
        QCOMPARE(fk.referencedColumns, QStringList{"account_id"});
        QCOMPARE(fk.onDelete, QStringLiteral("CASCADE"));
        QCOMPARE(fk.onUpdate, QStringLiteral("RESTRICT"));
        QCOMPARE(constraintOf(positions, "FOREIGN KEY")->definition,
                 QStringLiteral(
                     "FOREIGN KEY (account_id) REFERENCES trading.accounts(account_id) ON UPDATE RESTRICT "
                     "ON DELETE CASCADE"));
        QCOMPARE(constraintOf(positions, "CHECK")->definition, QStringLiteral("CHECK ((qty <> 0))"));
        // The reconstructed DDL runs: it makes the same table in another schema.
        QVERIFY2(positions.ddl.startsWith(QStringLiteral("CREATE TABLE trading.positions (\n")),
                 qPrintable(positions.ddl));
        QVERIFY(positions.ddl.contains(
            QStringLiteral("CONSTRAINT positions_pk PRIMARY KEY (account_id, symbol)")));
        QString copy = positions.ddl;
        copy.replace(QStringLiteral("CREATE TABLE trading.positions"),
                     QStringLiteral("CREATE TABLE copy.positions"));
        QVERIFY(run(*db, "CREATE SCHEMA copy;\n" + copy.toUtf8()));
        auto copied = SchemaReader(*db).readTable(QStringLiteral("copy"), QStringLiteral("positions"));
        QVERIFY(copied.ok());
        QCOMPARE(copied->columns.size(), positions.columns.size());
        QCOMPARE(copied->constraints.size(), positions.constraints.size());

        const TableInfo& orders = *snapshot->table(QStringLiteral("trading.orders"));
        QVERIFY(orders.columns[0].defaultValue.startsWith(QStringLiteral("nextval(")));
        QCOMPARE(orders.column(QStringLiteral("side"))->type, QStringLiteral("trading.order_side"));
        QCOMPARE(orders.foreignKeys[0].onDelete, QStringLiteral("SET NULL"));
        QCOMPARE(orders.foreignKeys[0].referencedColumns, QStringList{"account_id"});
        QStringList indexNames;
        for (const IndexInfo& index : orders.indexes) {
            indexNames << index.name;
            QVERIFY(index.valid);
            QVERIFY2(index.sizeBytes >= 8192, qPrintable(index.name));
            QCOMPARE(index.scans, qint64(0));
            QVERIFY(index.definition.startsWith(QStringLiteral("CREATE ")));
        }
        QCOMPARE(indexNames, QStringList({"orders_acct_time", "orders_client_ref_key", "orders_open",
                                          "orders_pkey", "orders_ref_lower", "orders_state_hash"}));
        const IndexInfo& acctTime = *indexNamed(orders, QStringLiteral("orders_acct_time"));
        QVERIFY(acctTime.unique && !acctTime.constraint && !acctTime.primaryKey);
        QCOMPARE(acctTime.parts.size(), 3);
        QCOMPARE(acctTime.keyParts().size(), 2);
        QVERIFY(acctTime.parts[1].descending && !acctTime.parts[0].descending);
        QCOMPARE(acctTime.parts[2].column, QStringLiteral("state"));
        QVERIFY(acctTime.parts[2].included);
        QVERIFY(indexNamed(orders, QStringLiteral("orders_client_ref_key"))->constraint);
        QVERIFY(indexNamed(orders, QStringLiteral("orders_pkey"))->primaryKey);
        const IndexInfo& open = *indexNamed(orders, QStringLiteral("orders_open"));
        QCOMPARE(open.predicate, QStringLiteral("(state = 'open'::text)"));
        QVERIFY(open.parts[0].descending);
        QVERIFY(open.definition.startsWith(QStringLiteral("CREATE INDEX orders_open ON trading.orders")));
        const IndexInfo& lower = *indexNamed(orders, QStringLiteral("orders_ref_lower"));
        QCOMPARE(lower.parts[0].expression, QStringLiteral("lower(client_ref)"));
        QVERIFY(lower.parts[0].column.isEmpty());
        QCOMPARE(lower.parts[1].column, QStringLiteral("account_id"));
        QCOMPARE(indexNamed(orders, QStringLiteral("orders_state_hash"))->method, QStringLiteral("hash"));
        QCOMPARE(indexNamed(orders, QStringLiteral("orders_pkey"))->method, QStringLiteral("btree"));

        const TableInfo& fills =
            *snapshot->table(QStringLiteral("public"), QStringLiteral("Fills \"2024\" Q1"));
        QCOMPARE(columnNames(fills), QStringList({"Fill Id", "order"}));
        QVERIFY(fills.ddl.startsWith(QStringLiteral("CREATE TABLE public.\"Fills \"\"2024\"\" Q1\" (\n    "
                                                    "\"Fill Id\" integer NOT NULL,\n    \"order\" bigint")));

        const auto enums = snapshot->objectsOf(SchemaObject::Kind::EnumType);
        QCOMPARE(enums.size(), 1);
        QCOMPARE(enums[0].labels, QStringList({"buy", "sell", "short"}));
        QCOMPARE(enums[0].definition, QStringLiteral("buy, sell, short"));
        QStringList sequences;
        for (const SchemaObject& s : snapshot->objectsOf(SchemaObject::Kind::Sequence))
            sequences << s.schema + QLatin1Char('.') + s.name;
        // The identity column's sequence is the column's own; the bigserial's is an ordinary sequence.
        QCOMPARE(sequences, QStringList({"trading.orders_order_id_seq", "trading.ticket_seq"}));
        const SchemaObject ticket = snapshot->objectsOf(SchemaObject::Kind::Sequence).last();
        QVERIFY2(ticket.definition.contains(QStringLiteral("INCREMENT BY 5")) &&
                     ticket.definition.contains(QStringLiteral("START WITH 1000")),
                 qPrintable(ticket.definition));
        const auto views = snapshot->objectsOf(SchemaObject::Kind::View);
        QCOMPARE(views.size(), 1);
        QVERIFY(views[0].definition.startsWith(QStringLiteral("CREATE VIEW trading.open_orders AS")));
        const auto triggers = snapshot->objectsOf(SchemaObject::Kind::Trigger);
        QCOMPARE(triggers.size(), 1);
        QCOMPARE(triggers[0].name, QStringLiteral("orders_touch"));
        QCOMPARE(triggers[0].table, QStringLiteral("orders"));
        QVERIFY(
            triggers[0].definition.startsWith(QStringLiteral("CREATE TRIGGER orders_touch BEFORE UPDATE")));
    }

    void postgresEstimatesSizesCountsAndInvalidIndex()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db && run(*db, kPostgresFixture));
        QVERIFY(run(*db,
                    "INSERT INTO trading.accounts (name) VALUES ('desk');\n"
                    "INSERT INTO trading.orders (account_id, client_ref, side, placed_at, state) "
                    "SELECT 1, 'ref-' || i, 'buy', now() - i * interval '1 second', 'open' FROM "
                    "generate_series(1, 5000) i;\n"
                    "ANALYZE trading.orders;\n"
                    "CREATE TABLE public.dupes (v integer);\nINSERT INTO public.dupes VALUES (1), (1);"));
        // A unique index built CONCURRENTLY over duplicates fails and stays behind INVALID.
        QVERIFY(!db->execute(QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY dupes_v ON public.dupes (v)"))
                     .ok());
        SchemaReader reader(*db);
        auto dupes = reader.readTable(QStringLiteral("public"), QStringLiteral("dupes"));
        QVERIFY(dupes.ok());
        QCOMPARE(dupes->indexes.size(), 1);
        QCOMPARE(dupes->indexes[0].name, QStringLiteral("dupes_v"));
        QVERIFY(!dupes->indexes[0].valid);
        QVERIFY(dupes->indexes[0].unique);

        auto orders = reader.readTable(QStringLiteral("trading"), QStringLiteral("orders"));
        QVERIFY(orders.ok());
        QCOMPARE(orders->estimatedRows, qint64(5000));
        QCOMPARE(orders->indexes.size(), 6);
        QVERIFY(orders->ddl.contains(QStringLiteral("CONSTRAINT orders_account_id_fkey FOREIGN KEY")));
        auto size = reader.tableSize(QStringLiteral("trading"), QStringLiteral("orders"));
        QVERIFY(size.ok());
        QVERIFY(size->unavailable.isEmpty());
        QVERIFY(size->tableBytes > 8192 && size->indexBytes > 8192);
        QCOMPARE(size->totalBytes, size->tableBytes + size->indexBytes);
        QCOMPARE(*reader.exactRowCount(QStringLiteral("trading"), QStringLiteral("orders")), qint64(5000));
        QCOMPARE(*reader.exactRowCount(QStringLiteral("public"), QStringLiteral("Fills \"2024\" Q1")),
                 qint64(2));

        QVERIFY(!reader.readTable(QStringLiteral("trading"), QStringLiteral("Orders")).ok()); // case matters
        QVERIFY(!reader.tableSize(QStringLiteral("nowhere"), QStringLiteral("orders")).ok());
        auto missing = reader.exactRowCount(QStringLiteral("trading"), QStringLiteral("nope"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().what.contains(QStringLiteral("does not exist")));

        // 10^10 rows that are never stored: each side of the join is 100,000 rows in memory. The timeout only
        // keeps a count that failed to cancel from running on after the test.
        QVERIFY(run(*db, "CREATE VIEW public.huge AS SELECT 1 AS one FROM generate_series(1, 100000) a, "
                         "generate_series(1, 100000) b;\n"
                         "SET statement_timeout = '20s';"));
        checkCountCancels(*db, QStringLiteral("public"), QStringLiteral("huge"));
    }
};

QTEST_GUILESS_MAIN(TestSchemaReader)
#include "tst_schema_reader.moc"
