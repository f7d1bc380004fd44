// The strategy data layer on both engines: the demo's history read back (lineage, distances, versions,
// determinism) and the bad inputs of issue 6 inserted by hand, each found as a problem on the right row.

#include <QJsonObject>
#include <QSet>
#include <QTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "jobs/StrategyTearsheetJob.h"
#include "strategy/StrategyDemo.h"
#include "strategy/StrategyStore.h"
#include "strategy/TearsheetBuilder.h"

using namespace strata;
using namespace strata::test;

namespace {

/// A database of either engine with the strategy set applied.
struct StrategyDatabase
{
    std::unique_ptr<ScratchSqlite> sqlite;
    std::unique_ptr<ScratchPostgres> postgres;
    std::unique_ptr<Database> db;
    QString error;

    explicit StrategyDatabase(const QString& engine, bool applySet = true)
    {
        QString url;
        if (engine == QLatin1String("sqlite")) {
            sqlite = std::make_unique<ScratchSqlite>();
            url = sqlite->url();
        } else {
            postgres = std::make_unique<ScratchPostgres>();
            if (!postgres->ok()) {
                error = postgres->error();
                return;
            }
            url = postgres->url();
        }
        auto opened = MigrationHarness::open(url);
        if (!opened) {
            error = opened.error().toText();
            return;
        }
        db = std::move(opened).value();
        if (!applySet)
            return;
        auto set = MigrationHarness::load(QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy"));
        if (!set) {
            error = set.error().toText();
            return;
        }
        if (auto migrated = MigrationHarness::migrate(*db, *set); !migrated)
            error = migrated.error().toText();
    }
};

#define STRATA_REQUIRE_STRATEGY_DB(d)                                                                        \
    do {                                                                                                     \
        if (!(d).error.isEmpty())                                                                            \
            QFAIL(qPrintable((d).error));                                                                    \
    } while (false)

QStringList tableDump(Database& db, const QString& table)
{
    auto rows = db.query(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
    if (!rows)
        return {QStringLiteral("ERROR ") + rows.error().toText()};
    QStringList lines;
    for (const auto& row : rows->rows) {
        QStringList cells;
        for (const auto& v : row)
            cells << (v.isNull() ? QStringLiteral("<null>") : v.toString());
        lines << cells.join(QLatin1Char('|'));
    }
    return lines;
}

StrategyDemo::Options small(int count, int days, std::uint64_t seed)
{
    StrategyDemo::Options o;
    o.count = count;
    o.days = days;
    o.seed = seed;
    return o;
}

bool mentions(const QStringList& problems, const QString& text)
{
    for (const QString& p : problems)
        if (p.contains(text))
            return true;
    return false;
}

} // namespace

class TestStrategyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoReadsBackConsistently_data() { engines(); }
    void demoReadsBackConsistently()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        auto filled = StrategyDemo::fill(*d.db, small(60, 90, 7));
        QVERIFY2(filled, filled ? "" : qPrintable(filled.error().toText()));
        QCOMPARE(filled->strategies, 60);
        QCOMPARE(filled->performanceRows, 60 * 90);

        StrategyStore store(*d.db);
        auto graph = store.lineage();
        QVERIFY2(graph, graph ? "" : qPrintable(graph.error().toText()));
        QVERIFY2(graph->problems().isEmpty(), qPrintable(graph->problems().join('\n')));
        QCOMPARE(graph->strategies().size(), 60);
        QCOMPARE(graph->edges().size(), filled->lineageRows);
        QVERIFY(graph->cycles().isEmpty());

        // Every distance-1 row is a parent link; every distance is the length of the shortest chain.
        QSet<QString> types;
        QSet<QPair<QString, QString>> pairs;
        for (const LineageEdge& e : graph->edges()) {
            const StrategyRecord& child = graph->strategies().at(graph->indexOf(e.descendantId));
            types.insert(e.relationshipType);
            pairs.insert({e.ancestorId, e.descendantId});
            if (e.generationDistance == 1)
                QVERIFY2(child.parentId == e.ancestorId || child.mergeSource == e.ancestorId,
                         qPrintable(e.ancestorId + " -> " + e.descendantId));
            else
                QCOMPARE(e.relationshipType, QStringLiteral("ancestor"));
            QCOMPARE(graph->distance(graph->indexOf(e.ancestorId), graph->indexOf(e.descendantId)),
                     e.generationDistance);
        }
        // ...and every ancestor has its row, the links all come from rows.
        for (int i = 0; i < graph->strategies().size(); ++i)
            for (int a : graph->ancestors(i))
                QVERIFY(pairs.contains(
                    {graph->strategies().at(a).strategyId, graph->strategies().at(i).strategyId}));
        for (const auto& l : graph->links())
            QVERIFY(l.recorded);
        QVERIFY2(types.contains(QStringLiteral("mutation")) && types.contains(QStringLiteral("fork")) &&
                     types.contains(QStringLiteral("branch")) && types.contains(QStringLiteral("merge")),
                 qPrintable(QStringList(types.values()).join(',')));

        QSet<QString> statuses;
        int deepest = 0;
        for (int i = 0; i < graph->strategies().size(); ++i) {
            const StrategyRecord& s = graph->strategies().at(i);
            QVERIFY(s.status.has_value());
            statuses.insert(s.statusText);
            deepest = std::max(deepest, graph->generation(i));
            QVERIFY(s.signalGeneratorConfig.value.toObject().contains(QStringLiteral("indicators")));
            QVERIFY(s.riskManagerConfig.value.toObject().contains(QStringLiteral("stop_loss_pct")));
        }
        QVERIFY2(statuses.size() >= 4, qPrintable(QStringList(statuses.values()).join(',')));
        QVERIFY2(deepest >= 3, qPrintable(QString::number(deepest)));

        // Version histories: in order, ending at the registry's version, majors marked.
        int majors = 0;
        for (const StrategyRecord& s : graph->strategies()) {
            auto versions = store.versions(s.strategyId);
            QVERIFY(versions && !versions->isEmpty());
            QCOMPARE(versions->last().version, s.version);
            for (qsizetype v = 0; v < versions->size(); ++v) {
                QVERIFY(versions->at(v).problems.isEmpty());
                QCOMPARE(versions->at(v).isMajor, versions->at(v).version.endsWith(QLatin1String(".0.0")));
                majors += versions->at(v).isMajor ? 1 : 0;
                if (v > 0)
                    QVERIFY(versions->at(v - 1).createdAt <= versions->at(v).createdAt);
            }
        }
        QVERIFY(majors >= 2);

        // Daily performance: all usable, and the tearsheet is drawn from every day.
        const StrategyRecord& first = graph->strategies().first();
        auto periods = store.performance({first.strategyId});
        QVERIFY(periods);
        QCOMPARE(periods->size(), 90);
        for (const auto& p : *periods)
            QVERIFY2(p.usable && p.problems.isEmpty(), qPrintable(p.problems.join(' ')));
        const Tearsheet t = TearsheetBuilder::build(first, *periods);
        QVERIFY2(t.problems.isEmpty(), qPrintable(t.problems.join('\n')));
        QCOMPARE(t.time.size(), 90);
        QVERIFY(t.regimes.size() >= 2);
        QVERIFY(t.monthlyReturns.size() >= 3);
        QVERIFY(t.totalTrades > 0);

        // The worker job reads the same, and names an id that is not there.
        StrategyTearsheetJob job({first.strategyId, graph->strategies().last().strategyId});
        QVERIFY(job.run(*d.db, Progress()));
        QCOMPARE(job.items().size(), 2);
        QCOMPARE(job.items().first().tearsheet.totalReturn, t.totalReturn);
        StrategyTearsheetJob unknown({QStringLiteral("no-such-strategy")});
        const Status missing = unknown.run(*d.db, Progress());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ExitCode::BadInput);
        QVERIFY(missing.error().what.contains(QStringLiteral("no-such-strategy")));

        // A second demo into the same tables is refused, and writes nothing.
        auto again = StrategyDemo::fill(*d.db, small(5, 5, 7));
        QVERIFY(!again);
        QCOMPARE(again.error().code, ExitCode::BadInput);
        QCOMPARE(store.registry()->size(), 60);
    }

    void demoIsDeterministic_data() { engines(); }
    void demoIsDeterministic()
    {
        QFETCH(QString, engine);
        StrategyDatabase a(engine);
        StrategyDatabase b(engine);
        StrategyDatabase c(engine);
        STRATA_REQUIRE_STRATEGY_DB(a);
        STRATA_REQUIRE_STRATEGY_DB(b);
        STRATA_REQUIRE_STRATEGY_DB(c);
        QVERIFY(StrategyDemo::fill(*a.db, small(25, 30, 42)));
        QVERIFY(StrategyDemo::fill(*b.db, small(25, 30, 42)));
        QVERIFY(StrategyDemo::fill(*c.db, small(25, 30, 43)));
        for (const QString& table : StrategyStore::tableNames()) {
            const QStringList first = tableDump(*a.db, table);
            QVERIFY(!first.isEmpty());
            QCOMPARE(tableDump(*b.db, table), first);
            QVERIFY(tableDump(*c.db, table) != first);
        }
    }

    void badInputsAreProblemsOnTheirRows_data() { engines(); }
    void badInputsAreProblemsOnTheirRows()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        QVERIFY(StrategyDemo::fill(*d.db, small(8, 20, 3)));
        Database& db = *d.db;
        StrategyStore store(db);
        auto before = store.lineage();
        QVERIFY(before);
        // A root and one of its children: a row making the child the root's parent closes a cycle.
        QString root;
        QString child;
        for (const LineageEdge& e : before->edges())
            if (e.generationDistance == 1) {
                root = e.ancestorId;
                child = e.descendantId;
                break;
            }
        QVERIFY(!child.isEmpty());
        const bool sqlite = db.dialect() == Dialect::Sqlite;
        if (!sqlite) {
            QVERIFY(db.execute(QStringLiteral(
                "ALTER TABLE strategy_lineage DROP CONSTRAINT fk_strategy_lineage_descendant")));
            // Seed 000's bug: the application wrote lowercase values, which the enum did not know.
            QVERIFY(db.execute(QStringLiteral("ALTER TYPE strategystatus ADD VALUE 'experimental'")));
        } else {
            QVERIFY(db.execute(QStringLiteral("PRAGMA foreign_keys = OFF")));
            QVERIFY(db.execute(QStringLiteral("PRAGMA ignore_check_constraints = ON")));
        }
        const QString insertEdge =
            QStringLiteral("INSERT INTO strategy_lineage (ancestor_id, descendant_id, relationship_type, "
                           "generation_distance, "
                           "created_at) VALUES (?, ?, ?, 1, '2026-11-01T00:00:00.000Z')");
        QVERIFY(db.execute(insertEdge, {child, root, QStringLiteral("mutation")}));
        QVERIFY(db.execute(insertEdge, {root, QStringLiteral("ghost-0099"), QStringLiteral("fork")}));
        QVERIFY(db.execute(
            QStringLiteral("UPDATE strategy_registry SET status = 'experimental' WHERE strategy_id = ?"),
            {child}));
        if (sqlite) // jsonb cannot hold text that is not JSON: SQLite only
            QVERIFY(db.execute(QStringLiteral("UPDATE strategy_registry SET risk_manager_config = "
                                              "'{\"stop_loss_pct\": 2.0,' WHERE strategy_id = ?"),
                               {root}));
        auto ids =
            db.query(QStringLiteral("SELECT id FROM strategy_performance WHERE strategy_id = ? ORDER BY "
                                    "period_start"),
                     {root});
        QVERIFY(ids && ids->rows.size() == 20);
        const qint64 nullRow = ids->value(3, 0).toLongLong();
        const qint64 backwardsRow = ids->value(5, 0).toLongLong();
        QVERIFY(db.execute(QStringLiteral("UPDATE strategy_performance SET sharpe_ratio = NULL, volatility = "
                                          "NULL, max_drawdown = NULL WHERE id = ?"),
                           {nullRow}));
        QVERIFY(db.execute(QStringLiteral("UPDATE strategy_performance SET period_end = "
                                          "'2020-01-01T00:00:00.000Z' WHERE id = ?"),
                           {backwardsRow}));

        auto graph = store.lineage();
        QVERIFY2(graph, graph ? "" : qPrintable(graph.error().toText()));
        QVERIFY(!graph->cycles().isEmpty());
        const StrategyRecord& r = graph->strategies().at(graph->indexOf(root));
        const StrategyRecord& c = graph->strategies().at(graph->indexOf(child));
        QVERIFY2(mentions(r.problems, QStringLiteral("part of a cycle")), qPrintable(r.problems.join('\n')));
        QVERIFY2(mentions(c.problems, QStringLiteral("part of a cycle")), qPrintable(c.problems.join('\n')));
        QVERIFY(!c.status.has_value());
        QCOMPARE(c.statusText, QStringLiteral("experimental"));
        QVERIFY(
            mentions(c.problems, QStringLiteral("status \"experimental\" is not a strategystatus value")));
        if (sqlite)
            QVERIFY2(mentions(r.problems, QStringLiteral("risk_manager_config is not valid JSON")),
                     qPrintable(r.problems.join('\n')));
        bool ghostFound = false;
        for (const LineageEdge& e : graph->edges())
            if (e.descendantId == QLatin1String("ghost-0099"))
                ghostFound =
                    mentions(e.problems, QStringLiteral("descendant ghost-0099 is not in strategy_registry"));
        QVERIFY(ghostFound);
        QVERIFY(mentions(graph->problems(), QStringLiteral("lineage cycle: ")));
        // Everyone else is untouched.
        for (const StrategyRecord& s : graph->strategies())
            if (s.strategyId != root && s.strategyId != child)
                QVERIFY2(s.problems.isEmpty(), qPrintable(s.strategyId + ": " + s.problems.join('\n')));

        auto periods = store.performance({root});
        QVERIFY(periods);
        const Tearsheet t = TearsheetBuilder::build(r, *periods);
        QCOMPARE(t.time.size(), 19); // the backwards period is skipped, the one with NULL metrics is drawn
        QVERIFY2(mentions(t.problems, QStringLiteral("performance row %1").arg(backwardsRow)) &&
                     mentions(t.problems, QStringLiteral("is before period_start")),
                 qPrintable(t.problems.join('\n')));
        QVERIFY(mentions(t.problems, QStringLiteral("performance row %1 ").arg(nullRow)));
        QVERIFY(mentions(t.problems, QStringLiteral("sharpe_ratio is NULL")));
        QVERIFY(mentions(t.problems, QStringLiteral("volatility is NULL")));
    }

    void missingSetIsAClearError_data() { engines(); }
    void missingSetIsAClearError()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine, false);
        STRATA_REQUIRE_STRATEGY_DB(d);
        const Status tables = StrategyStore(*d.db).requireTables();
        QVERIFY(!tables);
        QVERIFY(tables.error().what.contains(QStringLiteral("strategy_registry")));
        QVERIFY(tables.error().next.contains(QStringLiteral("migrations/strategy")));
        auto demo = StrategyDemo::fill(*d.db, small(3, 3, 1));
        QVERIFY(!demo);
        QCOMPARE(demo.error().code, ExitCode::BadInput);
        QVERIFY(demo.error().next.contains(QStringLiteral("migrate")));
        QVERIFY(!StrategyStore(*d.db).lineage()); // no tables: an error, never a crash
    }

    void firstLaunchDemoDatabase()
    {
        ScratchSqlite scratch;
        const QString path = scratch.folder() + QStringLiteral("/strategies.db");
        auto created = StrategyDemo::createDatabase(path, small(12, 30, 5));
        QVERIFY2(created, created ? "" : qPrintable(created.error().toText()));
        auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
        QVERIFY(db);
        QCOMPARE(MigrationHarness::stepStatuses(**db),
                 QStringList({QStringLiteral("1.1=applied"), QStringLiteral("1.2=applied")}));
        QCOMPARE(StrategyStore(**db).registry()->size(), 12);
        auto again = StrategyDemo::createDatabase(path, small(12, 30, 5));
        QVERIFY(!again); // never over an existing file
    }

private:
    void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
};

QTEST_GUILESS_MAIN(TestStrategyStore)
#include "tst_strategy_store.moc"
