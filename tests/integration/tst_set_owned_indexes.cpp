// The indexes a migration set creates without naming them are the set's under the names PostgreSQL gives
// them: PgIndexNames follows PostgreSQL 15's ChooseIndexName (the table and column part cut to 63 bytes,
// never inside a character; "_idx", "_key", "_pkey", "_excl"; expression columns after their function or
// "expr"; a clash numbered), checked name by name here and against a real server's catalog after the set's
// steps ran; and the index advice then never offers a raw DROP of such an index, only a new migration step.

#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "schema/IndexAdvisor.h"
#include "schema/PgIndexNames.h"
#include "schema/SchemaReader.h"
#include "schema/SetOwnedIndexes.h"

using namespace strata;
using namespace strata::test;
using Kind = PgIndexNames::Kind;

namespace {

QString repeated(const QString& text, int times)
{
    return text.repeated(times);
}

/// The names of the indexes of the public schema, as the server's catalog has them (Strata's own history
/// tables aside: the set does not create them).
QStringList catalogIndexes(Database& db)
{
    auto rows = db.query(QStringLiteral("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND "
                                        "tablename NOT LIKE 'schema\\_version%' ORDER BY indexname"));
    QStringList names;
    if (rows)
        for (const QVariantList& row : rows->rows)
            names << row.at(0).toString();
    return names;
}

const QByteArray kLongTable = "trading_positions_by_account_and_venue_for_the_risk_daemon_v2"; // 61 bytes
const QByteArray kLongColumn = "account_identifier_of_the_counterparty_in_the_clearing_house"; // 60 bytes

/// A step that creates every kind of unnamed index, and two that clash.
const QByteArray kUnnamed =
    "CREATE TABLE orders (id bigint PRIMARY KEY, state text NOT NULL, account_id bigint NOT NULL, "
    "venue text UNIQUE, note text, qty bigint);\n"
    "CREATE INDEX ON orders (state);\n"
    "CREATE INDEX ON orders (state);\n"
    "CREATE INDEX ON orders (lower(note), lower(venue));\n"
    "CREATE INDEX ON orders ((qty + 1), (qty * 2));\n"
    "CREATE INDEX ON orders ((qty::text));\n"
    "CREATE UNIQUE INDEX ON orders (account_id) INCLUDE (state);\n"
    "ALTER TABLE orders ADD UNIQUE (account_id, state);\n"
    "CREATE TABLE slots (during tstzrange, EXCLUDE USING gist (during WITH &&));\n"
    "CREATE TABLE " +
    kLongTable + " (id bigint, " + kLongColumn +
    " bigint, venue text, PRIMARY KEY (id));\n"
    "CREATE INDEX ON " +
    kLongTable + " (" + kLongColumn +
    ", venue);\n"
    "CREATE INDEX ON " +
    kLongTable + " (" + kLongColumn +
    ", venue);\n"
    "CREATE TABLE "
    "\"b\xc3\xb6rse_\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc"
    "\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc"
    "\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\" (symbol text, venue text);\n"
    "CREATE INDEX ON \"b\xc3\xb6rse_\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc"
    "\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc"
    "\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\" (symbol, venue);\n";

} // namespace

class TestSetOwnedIndexes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    /// makeObjectName and ChooseRelationName, worked out by hand from PostgreSQL 15's loop.
    void namesAreCutAsPostgresCutsThem()
    {
        QCOMPARE(PgIndexNames::objectName(QStringLiteral("orders"), QStringLiteral("state"),
                                          QStringLiteral("idx")),
                 QStringLiteral("orders_state_idx"));
        QCOMPARE(PgIndexNames::objectName(QStringLiteral("orders"), QString(), QStringLiteral("pkey")),
                 QStringLiteral("orders_pkey"));
        // 40 + 40 bytes for 58: equal lengths lose from the second first, so 29 and 29.
        const QString a40 = repeated(QStringLiteral("a"), 40);
        const QString b40 = repeated(QStringLiteral("b"), 40);
        const QString cut = PgIndexNames::objectName(a40, b40, QStringLiteral("idx"));
        QCOMPARE(cut, repeated(QStringLiteral("a"), 29) + QLatin1Char('_') +
                          repeated(QStringLiteral("b"), 29) + QStringLiteral("_idx"));
        QCOMPARE(cut.toUtf8().size(), 63);
        // The longer name loses alone while it is longer.
        QCOMPARE(PgIndexNames::objectName(repeated(QStringLiteral("t"), 62), QStringLiteral("state"),
                                          QStringLiteral("idx")),
                 repeated(QStringLiteral("t"), 53) + QStringLiteral("_state_idx"));
        QCOMPARE(
            PgIndexNames::objectName(repeated(QStringLiteral("p"), 62), QString(), QStringLiteral("pkey")),
            repeated(QStringLiteral("p"), 58) + QStringLiteral("_pkey"));
        // Never inside a character: 30 two-byte letters cut to 57 bytes keep 28 letters (56 bytes).
        const QString umlauts = repeated(QStringLiteral("\u00fc"), 30);
        QCOMPARE(PgIndexNames::objectName(umlauts, QStringLiteral("x"), QStringLiteral("idx")),
                 repeated(QStringLiteral("\u00fc"), 28) + QStringLiteral("_x_idx"));
        // A clash numbers the label, and a longer label cuts the names one byte more (29 + 28).
        QCOMPARE(PgIndexNames::relationName(a40, b40, QStringLiteral("idx"),
                                            [&cut](const QString& name) { return name == cut; }),
                 repeated(QStringLiteral("a"), 29) + QLatin1Char('_') + repeated(QStringLiteral("b"), 28) +
                     QStringLiteral("_idx1"));
        const QStringList taken{QStringLiteral("orders_state_idx"), QStringLiteral("orders_state_idx1")};
        QCOMPARE(PgIndexNames::choose(QStringLiteral("orders"), {QStringLiteral("state")}, Kind::Index,
                                      [&taken](const QString& name) { return taken.contains(name); }),
                 QStringLiteral("orders_state_idx2"));
        QCOMPARE(PgIndexNames::choose(QStringLiteral("orders"), {QStringLiteral("a"), QStringLiteral("b")},
                                      Kind::Unique, {}),
                 QStringLiteral("orders_a_b_key"));
        QCOMPARE(PgIndexNames::choose(QStringLiteral("orders"), {QStringLiteral("a")}, Kind::PrimaryKey, {}),
                 QStringLiteral("orders_pkey"));
        QCOMPARE(
            PgIndexNames::choose(QStringLiteral("slots"), {QStringLiteral("during")}, Kind::Exclusion, {}),
            QStringLiteral("slots_during_excl"));
        // ChooseIndexNameAddition stops once 64 bytes are joined: the third name is never added.
        const QString c40 = repeated(QStringLiteral("c"), 40);
        QCOMPARE(PgIndexNames::addition({a40, b40, c40}), a40 + QLatin1Char('_') + b40);
    }

    /// The columns of an index as ChooseIndexColumnNames names them, from libpg_query's own parse.
    void expressionColumnsAreNamedAsPostgresNamesThem()
    {
        SetBuilder set;
        set.file(QStringLiteral("001_v1/01_indexes.sql"),
                 "CREATE TABLE t (a int, b int, c text);\n"
                 "CREATE INDEX ON t (a, a);\n"
                 "CREATE INDEX ON t (lower(c), lower(c));\n"
                 "CREATE INDEX ON t ((a + b), (a - b));\n"
                 "CREATE INDEX ON t ((a::text), ((a + b)::text));\n"
                 "CREATE INDEX ON t (coalesce(a, b), (CASE WHEN a > 0 THEN c END));\n");
        auto loaded = MigrationHarness::load(set.path());
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toText()));
        const SetOwnedIndexes owned = SetOwnedIndexes::read(*loaded, Dialect::Postgres);
        for (const char* name :
             {"t_a_a1_idx", "t_lower_lower1_idx", "t_expr_expr1_idx", "t_a_text_idx", "t_coalesce_case_idx"})
            QVERIFY2(owned.owns(QString::fromLatin1(name)), name);
        QCOMPARE(owned.size(), 5);
    }

    /// Every index the steps create, named or not, is the set's under the name the server gave it: the
    /// catalog after the run and the set's reading list the same indexes; a dropped one and a dropped
    /// table's go.
    void unnamedIndexesAreTheSetsUnderTheServersNames()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder set;
        set.file(QStringLiteral("001_v1/01_unnamed.sql"), kUnnamed);
        auto db = MigrationHarness::open(scratch.url());
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toText()));
        auto loaded = MigrationHarness::load(set.path());
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toText()));
        auto migrated = MigrationHarness::migrate(**db, *loaded);
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().toText()));

        const QStringList catalog = catalogIndexes(**db);
        const SetOwnedIndexes owned = SetOwnedIndexes::read(*loaded, Dialect::Postgres);
        QStringList notOwned;
        for (const QString& index : catalog)
            if (!owned.owns(index))
                notOwned << index;
        QVERIFY2(notOwned.isEmpty(), qPrintable(QStringLiteral("the set does not know %1 of %2")
                                                    .arg(notOwned.join(QStringLiteral(", ")),
                                                         catalog.join(QStringLiteral(", ")))));
        QCOMPARE(owned.size(), catalog.size());
        // The names this test expects the server to give (and the catalog confirms above).
        for (const char* name :
             {"orders_pkey", "orders_venue_key", "orders_state_idx", "orders_state_idx1",
              "orders_lower_lower1_idx", "orders_expr_expr1_idx", "orders_qty_idx",
              "orders_account_id_state_idx", "orders_account_id_state_key", "slots_during_excl"})
            QVERIFY2(catalog.contains(QString::fromLatin1(name)), name);
        for (const QString& index : catalog)
            QVERIFY2(index.toUtf8().size() <= PgIndexNames::kMaxNameBytes, qPrintable(index));

        // A later step drops one unnamed index and a whole table: they are the set's no longer.
        set.file(QStringLiteral("002_v2/01_drop.sql"),
                 "DROP INDEX orders_state_idx1;\nDROP TABLE " + kLongTable + ";\n");
        auto reloaded = MigrationHarness::load(set.path());
        QVERIFY(reloaded);
        QVERIFY(MigrationHarness::migrate(**db, *reloaded));
        const QStringList after = catalogIndexes(**db);
        const SetOwnedIndexes ownedAfter = SetOwnedIndexes::read(*reloaded, Dialect::Postgres);
        for (const QString& index : after)
            QVERIFY2(ownedAfter.owns(index), qPrintable(index));
        QCOMPARE(ownedAfter.size(), after.size());
        QVERIFY(!ownedAfter.owns(QStringLiteral("orders_state_idx1")));
    }

    /// Two unnamed indexes on one column are a duplicate pair the set made: the advice drops one only
    /// through a new migration step (Write migration step…), never with a raw DROP.
    void theAdviceForAnUnnamedIndexIsANewStep()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder set;
        set.file(QStringLiteral("001_v1/01_orders.sql"),
                 "CREATE TABLE orders (id bigint PRIMARY KEY, state text NOT NULL);\n"
                 "CREATE INDEX ON orders (state);\n")
            .file(QStringLiteral("002_v2/01_again.sql"), "CREATE INDEX ON orders (state);\n");
        auto db = MigrationHarness::open(scratch.url());
        QVERIFY(db);
        auto loaded = MigrationHarness::load(set.path());
        QVERIFY(loaded);
        QVERIFY(MigrationHarness::migrate(**db, *loaded));
        auto snapshot = SchemaReader(**db).read();
        QVERIFY2(snapshot, qPrintable(snapshot ? QString() : snapshot.error().toText()));
        IndexAdviceContext context;
        context.owned = SetOwnedIndexes::read(*loaded, Dialect::Postgres);
        const QList<IndexAdvice> advice = IndexAdvisor::advise(*snapshot, context);
        int duplicates = 0;
        for (const IndexAdvice& a : advice) {
            if (a.kind != IndexAdvice::Kind::Duplicate)
                continue;
            ++duplicates;
            QCOMPARE(
                QSet<QString>({a.index, a.otherIndex}),
                QSet<QString>({QStringLiteral("orders_state_idx"), QStringLiteral("orders_state_idx1")}));
            QVERIFY2(!a.ownerStep.isEmpty(), qPrintable(a.message + QLatin1Char('\n') + a.sql));
            // The advice is shared with strata-cli indexes: it names the command, not the app's menu.
            QVERIFY2(a.message.contains(QStringLiteral("strata-cli migrate")) &&
                         !a.message.contains(QStringLiteral("Migrations >")),
                     qPrintable(a.message));
            QVERIFY2(a.ownerStep.contains(QStringLiteral("01_again.sql")) ||
                         a.ownerStep.contains(QStringLiteral("01_orders.sql")),
                     qPrintable(a.ownerStep));
        }
        QCOMPARE(duplicates, 1);
    }
};

QTEST_MAIN(TestSetOwnedIndexes)
#include "tst_set_owned_indexes.moc"
