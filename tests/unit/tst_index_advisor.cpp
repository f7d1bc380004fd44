// IndexAdvisor's rules on hand-built tables: the edge cases a DBA would check before trusting the advice
// (which index of a duplicate pair stays, what is not a duplicate or a prefix, where "unused" is never said,
// what covers a foreign key), the SQL it suggests and its order. Real catalogs: integration/tst_index_advice.

#include <QtTest>

#include "schema/IndexAdvisor.h"

using namespace strata;

namespace {

IndexKeyPart part(const QString& column, bool descending = false)
{
    IndexKeyPart p;
    p.column = column;
    p.descending = descending;
    return p;
}

IndexInfo hand(const QString& name, QList<IndexKeyPart> parts, qint64 scans = 5)
{
    IndexInfo index;
    index.schema = QStringLiteral("public");
    index.table = QStringLiteral("fills");
    index.name = name;
    index.parts = std::move(parts);
    index.method = QStringLiteral("btree");
    index.scans = scans;
    return index;
}

TableInfo fills(QList<IndexInfo> indexes, QList<ForeignKeyInfo> foreignKeys = {})
{
    TableInfo table;
    table.schema = QStringLiteral("public");
    table.name = QStringLiteral("fills");
    for (const QString& name :
         {QStringLiteral("id"), QStringLiteral("account_id"), QStringLiteral("venue_id"),
          QStringLiteral("symbol"), QStringLiteral("qty")}) {
        ColumnInfo column;
        column.name = name;
        table.columns << column;
    }
    table.indexes = std::move(indexes);
    table.foreignKeys = std::move(foreignKeys);
    return table;
}

ForeignKeyInfo foreignKey(const QStringList& columns)
{
    ForeignKeyInfo fk;
    fk.name = QStringLiteral("fills_fk");
    fk.columns = columns;
    fk.referencedSchema = QStringLiteral("public");
    fk.referencedTable = QStringLiteral("parents");
    return fk;
}

QStringList summary(const QList<IndexAdvice>& advice)
{
    QStringList lines;
    for (const IndexAdvice& a : advice)
        lines << QStringLiteral("%1 %2%3").arg(
            a.kindName(), a.index.isEmpty() ? a.columns.join(QLatin1Char(',')) : a.index,
            a.otherIndex.isEmpty() ? QString() : QLatin1Char('>') + a.otherIndex);
    return lines;
}

/// Usage statistics that have counted for a day more than the advisor waits for.
IndexAdviceContext weekOfStatistics()
{
    IndexAdviceContext context;
    context.usage = UsageStatistics{};
    context.usage->now = QDateTime(QDate(2026, 12, 7), QTime(1, 0), Qt::UTC);
    context.usage->reset = context.usage->now.addDays(-UsageStatistics::kMinimumCoverageDays - 1);
    return context;
}

} // namespace

class TestIndexAdvisor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void duplicateKeepsTheOneThatEnforces()
    {
        IndexInfo plain = hand(QStringLiteral("fills_symbol_idx"), {part(QStringLiteral("symbol"))}, 900);
        IndexInfo unique = hand(QStringLiteral("fills_symbol_key"), {part(QStringLiteral("symbol"))}, 0);
        unique.unique = unique.constraint = true;
        const auto advice = IndexAdvisor::advise(fills({plain, unique}), Dialect::Postgres);
        // Kept even though the plain one is the one scanned: uniqueness is what matters.
        QCOMPARE(summary(advice), QStringList{QStringLiteral("duplicate fills_symbol_idx>fills_symbol_key")});
        QCOMPARE(advice.first().sql, QStringLiteral("DROP INDEX CONCURRENTLY public.fills_symbol_idx;"));
        QVERIFY(advice.first().message.contains(QStringLiteral("enforces uniqueness")));

        // Two constraints with the same key: the one behind the primary key stays; the other is dropped with
        // its constraint on PostgreSQL; SQLite has no statement for it and says so.
        IndexInfo pkey = hand(QStringLiteral("fills_pkey"), {part(QStringLiteral("id"))});
        pkey.unique = pkey.primaryKey = pkey.constraint = true;
        IndexInfo idKey = hand(QStringLiteral("fills_id_key"), {part(QStringLiteral("id"))});
        idKey.unique = idKey.constraint = true;
        const auto constraints = IndexAdvisor::advise(fills({idKey, pkey}), Dialect::Postgres);
        QCOMPARE(summary(constraints), QStringList{QStringLiteral("duplicate fills_id_key>fills_pkey")});
        QCOMPARE(constraints.first().sql,
                 QStringLiteral("ALTER TABLE public.fills DROP CONSTRAINT fills_id_key;"));
        const auto onSqlite = IndexAdvisor::advise(fills({idKey, pkey}), Dialect::Sqlite);
        QCOMPARE(onSqlite.size(), 1);
        QVERIFY(onSqlite.first().sql.isEmpty());
        QVERIFY(onSqlite.first().message.contains(QStringLiteral("rebuilding")));
    }

    void differentShapesAreNotDuplicates()
    {
        const IndexInfo base = hand(QStringLiteral("a_idx"), {part(QStringLiteral("symbol"))});
        IndexInfo descending = hand(QStringLiteral("b_desc"), {part(QStringLiteral("symbol"), true)});
        IndexInfo partial = hand(QStringLiteral("c_partial"), {part(QStringLiteral("symbol"))});
        partial.predicate = QStringLiteral("qty > 0");
        IndexInfo hash = hand(QStringLiteral("d_hash"), {part(QStringLiteral("symbol"))});
        hash.method = QStringLiteral("hash");
        IndexInfo collated = hand(QStringLiteral("e_collated"), {part(QStringLiteral("symbol"))});
        collated.parts[0].collation = QStringLiteral("C");
        IndexInfo including = hand(QStringLiteral("f_including"), {part(QStringLiteral("symbol"))});
        IndexKeyPart qty = part(QStringLiteral("qty"));
        qty.included = true;
        including.parts << qty;
        QCOMPARE(summary(IndexAdvisor::advise(fills({base, descending, partial, hash, collated, including}),
                                              Dialect::Postgres)),
                 QStringList());
        // Same predicate up to whitespace, as SQLite stores what was typed: a duplicate.
        IndexInfo partial2 = partial;
        partial2.name = QStringLiteral("g_partial");
        partial2.predicate = QStringLiteral("qty  >  0");
        QCOMPARE(summary(IndexAdvisor::advise(fills({partial, partial2}), Dialect::Sqlite)),
                 QStringList{QStringLiteral("duplicate g_partial>c_partial")});
    }

    void prefixRules()
    {
        const IndexInfo longer = hand(QStringLiteral("fills_account_symbol_idx"),
                                      {part(QStringLiteral("account_id")), part(QStringLiteral("symbol"))});
        const IndexInfo prefix =
            hand(QStringLiteral("fills_account_idx"), {part(QStringLiteral("account_id"))});
        QCOMPARE(summary(IndexAdvisor::advise(fills({prefix, longer}), Dialect::Sqlite)),
                 QStringList{QStringLiteral("prefix fills_account_idx>fills_account_symbol_idx")});
        // Not a prefix: unique, another direction, another predicate, or a column carried that the longer
        // lacks.
        IndexInfo unique = prefix;
        unique.unique = true;
        IndexInfo descending =
            hand(QStringLiteral("fills_account_desc"), {part(QStringLiteral("account_id"), true)});
        IndexInfo partial = prefix;
        partial.predicate = QStringLiteral("qty > 0");
        IndexInfo carrying = prefix;
        IndexKeyPart qty = part(QStringLiteral("qty"));
        qty.included = true;
        carrying.parts << qty;
        for (const IndexInfo& candidate : {unique, descending, partial, carrying})
            QVERIFY2(IndexAdvisor::advise(fills({candidate, longer}), Dialect::Sqlite).isEmpty(),
                     qPrintable(candidate.name));
        // An index that equals a longer one's whole key is a duplicate, not a prefix.
        IndexInfo same = longer;
        same.name = QStringLiteral("fills_z_copy");
        QCOMPARE(summary(IndexAdvisor::advise(fills({longer, same}), Dialect::Sqlite)),
                 QStringList{QStringLiteral("duplicate fills_z_copy>fills_account_symbol_idx")});
    }

    void unusedOnlyWhereTheEngineCounts()
    {
        IndexInfo unused = hand(QStringLiteral("fills_qty_idx"), {part(QStringLiteral("qty"))}, 0);
        IndexInfo uniqueUnused =
            hand(QStringLiteral("fills_symbol_key"), {part(QStringLiteral("symbol"))}, 0);
        uniqueUnused.unique = true;
        IndexInfo invalid = hand(QStringLiteral("fills_venue_idx"), {part(QStringLiteral("venue_id"))}, 0);
        invalid.valid = false;
        const TableInfo table = fills({unused, uniqueUnused, invalid});
        // Statistics reset a week and a minute ago: zero scans mean unused.
        IndexAdviceContext week;
        week.usage = UsageStatistics{};
        week.usage->now = QDateTime(QDate(2026, 12, 7), QTime(1, 0), Qt::UTC);
        week.usage->reset = week.usage->now.addSecs(-UsageStatistics::kMinimumCoverageDays * 24 * 3600 - 60);
        QCOMPARE(
            summary(IndexAdvisor::advise(table, Dialect::Postgres, week)),
            (QStringList{QStringLiteral("invalid fills_venue_idx"), QStringLiteral("unused fills_qty_idx")}));
        QCOMPARE(IndexAdvisor::advise(table, Dialect::Postgres, week).first().sql,
                 QStringLiteral("REINDEX INDEX CONCURRENTLY public.fills_venue_idx;"));
        QVERIFY(IndexAdvisor::advise(table, Dialect::Postgres, week)
                    .last()
                    .message.contains(QStringLiteral("7 days since 2026-11-30 00:59 UTC")));
        // Reset two minutes short of a week ago, or never with no creation time known, or not read at all:
        // not enough statistics, so nothing is unused.
        IndexAdviceContext short_ = week;
        short_.usage->reset =
            week.usage->now.addSecs(-UsageStatistics::kMinimumCoverageDays * 24 * 3600 + 120);
        QVERIFY(!short_.usage->enough());
        QVERIFY(short_.usage->describe().contains(QStringLiteral("not enough statistics yet")));
        IndexAdviceContext unknown = week;
        unknown.usage->reset = {};
        unknown.usage->serverStarted = week.usage->now.addDays(-30);
        QVERIFY(!unknown.usage->since().isValid());
        for (const IndexAdviceContext& context : {short_, unknown, IndexAdviceContext{}})
            QCOMPARE(summary(IndexAdvisor::advise(table, Dialect::Postgres, context)),
                     QStringList{QStringLiteral("invalid fills_venue_idx")});
        // Created after the server's start: the counters count from the creation.
        unknown.usage->created = week.usage->now.addDays(-2);
        QCOMPARE(unknown.usage->since(), week.usage->now.addDays(-2));
        QVERIFY(!unknown.usage->enough());
        // SQLite: no statistics, so never unused (and SQLite has no invalid indexes to begin with).
        TableInfo sqlite = fills({unused, uniqueUnused});
        QCOMPARE(summary(IndexAdvisor::advise(sqlite, Dialect::Sqlite, week)), QStringList());
    }

    /// How long the statistics cover, as the index map says it: never "only 0 seconds".
    void theStatisticsSpanReadsAsTheOperatorSaysIt()
    {
        QCOMPARE(UsageStatistics::span(0), QStringLiteral("less than a minute"));
        QCOMPARE(UsageStatistics::span(59), QStringLiteral("less than a minute"));
        QCOMPARE(UsageStatistics::span(60), QStringLiteral("1 minute"));
        QCOMPARE(UsageStatistics::span(3 * 3600 + 5 * 60), QStringLiteral("3 hours 5 minutes"));
        QCOMPARE(UsageStatistics::span(2 * 24 * 3600 + 4 * 3600), QStringLiteral("2 days 4 hours"));
    }

    void theSetsIndexIsKeptAndDroppedOnlyByAStep()
    {
        MigrationSet set;
        MigrationStep step;
        step.version = 2;
        step.step = 2;
        step.name = QStringLiteral("indexes");
        step.forwardPath = QStringLiteral("002_v2/02_indexes.sql");
        step.forwardSql = "-- CREATE INDEX fills_in_a_comment ON fills(qty);\n"
                          "CREATE INDEX IF NOT EXISTS fills_symbol_idx ON fills(symbol);\n"
                          "CREATE INDEX fills_gone_idx ON fills(qty);\n"
                          "CREATE INDEX fills_account_idx ON fills(account_id);\n"
                          "DROP INDEX fills_gone_idx;\n";
        set.steps << step;
        for (const Dialect dialect : {Dialect::Sqlite, Dialect::Postgres}) {
            IndexAdviceContext context;
            context.owned = SetOwnedIndexes::read(set, dialect);
            QVERIFY(context.owned.owns(QStringLiteral("fills_symbol_idx")));
            QVERIFY(!context.owned.owns(QStringLiteral("fills_gone_idx")));
            QVERIFY(!context.owned.owns(QStringLiteral("fills_in_a_comment")));
            QCOMPARE(context.owned.step(QStringLiteral("fills_symbol_idx")),
                     QStringLiteral("2.2 indexes (002_v2/02_indexes.sql)"));
            // A hand-made duplicate that sorts first by name and has more scans: the set's index stays.
            const IndexInfo setIndex =
                hand(QStringLiteral("fills_symbol_idx"), {part(QStringLiteral("symbol"))}, 3);
            const IndexInfo manual =
                hand(QStringLiteral("fills_manual_symbol2"), {part(QStringLiteral("symbol"))}, 900);
            const auto duplicate = IndexAdvisor::advise(fills({setIndex, manual}), dialect, context);
            QCOMPARE(summary(duplicate),
                     QStringList{QStringLiteral("duplicate fills_manual_symbol2>fills_symbol_idx")});
            QVERIFY(duplicate.first().ownerStep.isEmpty()); // the hand-made one goes by a plain DROP
            // Without the set, the more used one would stay: the old advice that made drift.
            QCOMPARE(summary(IndexAdvisor::advise(fills({setIndex, manual}), dialect)),
                     QStringList{QStringLiteral("duplicate fills_symbol_idx>fills_manual_symbol2")});
            // The set's own redundant prefix: advised through a new migration step, naming the step.
            const IndexInfo longer =
                hand(QStringLiteral("fills_account_symbol_idx"),
                     {part(QStringLiteral("account_id")), part(QStringLiteral("symbol"))});
            const IndexInfo prefix =
                hand(QStringLiteral("fills_account_idx"), {part(QStringLiteral("account_id"))});
            const auto advice = IndexAdvisor::advise(fills({longer, prefix}), dialect, context);
            QCOMPARE(summary(advice),
                     QStringList{QStringLiteral("prefix fills_account_idx>fills_account_symbol_idx")});
            QCOMPARE(advice.first().ownerStep, QStringLiteral("2.2 indexes (002_v2/02_indexes.sql)"));
            QVERIFY(advice.first().message.contains(QStringLiteral("Write a new migration step")));
        }
    }

    void foreignKeyCoverage()
    {
        const ForeignKeyInfo pair = foreignKey({QStringLiteral("account_id"), QStringLiteral("venue_id")});
        const IndexInfo reversed = hand(QStringLiteral("fills_venue_account_idx"),
                                        {part(QStringLiteral("venue_id")), part(QStringLiteral("account_id")),
                                         part(QStringLiteral("symbol"))});
        QVERIFY(IndexAdvisor::isCovered(fills({reversed}), pair.columns, Dialect::Postgres));
        // Not covered: the columns not leading, behind an expression, a partial or invalid index.
        const IndexInfo trailing = hand(QStringLiteral("fills_symbol_account_venue_idx"),
                                        {part(QStringLiteral("symbol")), part(QStringLiteral("account_id")),
                                         part(QStringLiteral("venue_id"))});
        IndexInfo partial = reversed;
        partial.predicate = QStringLiteral("qty > 0");
        IndexInfo invalid = reversed;
        invalid.valid = false;
        for (const IndexInfo& index : {trailing, partial, invalid}) {
            const auto advice = IndexAdvisor::advise(fills({index}, {pair}), Dialect::Postgres);
            QVERIFY2(summary(advice).contains(QStringLiteral("unindexed_foreign_key account_id,venue_id")),
                     qPrintable(index.name));
        }
        const auto advice = IndexAdvisor::advise(fills({}, {pair}), Dialect::Postgres);
        QCOMPARE(advice.size(), 1);
        QCOMPARE(advice.first().sql,
                 QStringLiteral(
                     "CREATE INDEX CONCURRENTLY fills_account_id_venue_id_idx ON public.fills (account_id, "
                     "venue_id);"));
        // SQLite's rowid primary key has no index of its own in the catalog, yet it serves lookups.
        TableInfo rowid = fills({}, {foreignKey({QStringLiteral("id")})});
        rowid.columns[0].primaryKeyPosition = 1;
        QVERIFY(IndexAdvisor::advise(rowid, Dialect::Sqlite).isEmpty());
        // SQLite names ignore case.
        QVERIFY(IndexAdvisor::isCovered(fills({reversed}), {QStringLiteral("VENUE_ID")}, Dialect::Sqlite));
        QVERIFY(!IndexAdvisor::isCovered(fills({reversed}), {QStringLiteral("VENUE_ID")}, Dialect::Postgres));
    }

    void namesAreQuotedAndNewNamesAreFree()
    {
        TableInfo table = fills({}, {foreignKey({QStringLiteral("Venue Id")})});
        table.name = QStringLiteral("Order");
        IndexInfo taken = hand(QStringLiteral("Order_Venue Id_idx"), {part(QStringLiteral("qty"))});
        table.indexes << taken;
        const auto advice = IndexAdvisor::advise(table, Dialect::Postgres);
        QCOMPARE(advice.size(), 1);
        QCOMPARE(advice.first().sql, QStringLiteral("CREATE INDEX CONCURRENTLY \"Order_Venue Id_idx1\" ON "
                                                    "public.\"Order\" (\"Venue Id\");"));
        QCOMPARE(IndexAdvisor::advise(table, Dialect::Sqlite).first().sql,
                 QStringLiteral("CREATE INDEX \"Order_Venue Id_idx1\" ON \"Order\" (\"Venue Id\");"));
    }

    void orderIsDeterministic()
    {
        const IndexInfo a = hand(QStringLiteral("fills_symbol_a"), {part(QStringLiteral("symbol"))});
        const IndexInfo b = hand(QStringLiteral("fills_symbol_b"), {part(QStringLiteral("symbol"))});
        const IndexInfo c = hand(QStringLiteral("fills_symbol_c"), {part(QStringLiteral("symbol"))});
        const IndexInfo d = hand(QStringLiteral("fills_qty"), {part(QStringLiteral("qty"))}, 0);
        const QList<ForeignKeyInfo> fks = {foreignKey({QStringLiteral("venue_id")}),
                                           foreignKey({QStringLiteral("account_id")})};
        const QStringList expected = {QStringLiteral("duplicate fills_symbol_b>fills_symbol_a"),
                                      QStringLiteral("duplicate fills_symbol_c>fills_symbol_a"),
                                      QStringLiteral("unused fills_qty"),
                                      QStringLiteral("unindexed_foreign_key account_id"),
                                      QStringLiteral("unindexed_foreign_key venue_id")};
        QCOMPARE(
            summary(IndexAdvisor::advise(fills({a, b, c, d}, fks), Dialect::Postgres, weekOfStatistics())),
            expected);
        QCOMPARE(summary(IndexAdvisor::advise(fills({d, c, b, a}, {fks[1], fks[0]}), Dialect::Postgres,
                                              weekOfStatistics())),
                 expected);
        SchemaSnapshot snapshot;
        snapshot.dialect = Dialect::Postgres;
        TableInfo other = fills({a, b});
        other.name = QStringLiteral("alerts");
        snapshot.tables = {fills({c, d}), other};
        const auto all = IndexAdvisor::advise(snapshot, weekOfStatistics());
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.first().table, QStringLiteral("alerts"));
    }
};

QTEST_GUILESS_MAIN(TestIndexAdvisor)
#include "tst_index_advisor.moc"
