// The family view on the demo's history (both engines): a family of at least three generations whose every
// member's figures agree with its own performance rows, a cycle that must not loop, and
// `strata-cli strategies family ID --json` with its exit codes.

#include <cmath>

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include "CliProcess.h"
#include "StrategyDatabase.h"
#include "analytics/FamilyReader.h"
#include "analytics/StrategyFamilyJob.h"
#include "strategy/StrategyDemo.h"
#include "strategy/StrategyStore.h"
#include "strategy/TearsheetBuilder.h"

using namespace strata;
using namespace strata::test;

namespace {

StrategyDemo::Options demo()
{
    StrategyDemo::Options o;
    o.count = 30;
    o.days = 60;
    o.seed = 11;
    return o;
}

/// The demo strategy with the deepest family (most generations below it).
QString deepestRoot(const LineageGraph& graph, int* generations)
{
    QString best;
    *generations = 0;
    for (int i = 0; i < graph.strategies().size(); ++i) {
        if (!graph.parents(i).isEmpty())
            continue;
        int deepest = 0;
        for (int node : graph.descendants(i))
            deepest = std::max(deepest, graph.generation(node) - graph.generation(i));
        if (deepest + 1 > *generations) {
            *generations = deepest + 1;
            best = graph.strategies().at(i).strategyId;
        }
    }
    return best;
}

bool near(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

class TestFamilyDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void demoFamily()
    {
        QFETCH_GLOBAL(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        Database& db = *d.db;
        auto filled = StrategyDemo::fill(db, demo());
        QVERIFY2(filled, filled ? "" : qPrintable(filled.error().toText()));
        auto graph = StrategyStore(db).lineage();
        QVERIFY(graph);
        int generations = 0;
        const QString rootId = deepestRoot(*graph, &generations);
        QVERIFY2(generations >= 3,
                 qPrintable(QStringLiteral("deepest family: %1 generations").arg(generations)));

        // Through the job, as the desktop app reads it.
        StrategyFamilyJob job(rootId);
        QVERIFY(job.run(db, Progress()));
        const FamilyView& view = job.family();
        QCOMPARE(view.rootId, rootId);
        QVERIFY(view.generations.size() >= 3);
        const int root = graph->indexOf(rootId);
        QCOMPARE(view.members.size(), graph->descendants(root).size() + 1);
        QSet<QString> seen;
        for (const auto& m : view.members) {
            QVERIFY2(!seen.contains(m.strategyId), qPrintable(m.strategyId)); // a merge child appears once
            seen.insert(m.strategyId);
            // Days: the member's daily rows, counted by the database.
            auto count = db.query(QStringLiteral("SELECT COUNT(*) FROM strategy_performance WHERE "
                                                 "strategy_id = ? AND period_type = 'daily'"),
                                  {m.strategyId});
            QVERIFY(count);
            QCOMPARE(m.days, count->value(0, 0).toInt());
            QVERIFY(m.days > 0);
            // The same rows through the tearsheet: the same total return, drawdown, Sharpe and volatility.
            auto strategy = StrategyStore(db).strategy(m.strategyId);
            auto periods = StrategyStore(db).performance({m.strategyId});
            QVERIFY(strategy && *strategy && periods);
            const Tearsheet t = TearsheetBuilder::build(**strategy, *periods);
            QVERIFY2(near(m.totalReturn, t.totalReturn), qPrintable(m.strategyId));
            QVERIFY2(near(m.maxDrawdown, t.maxDrawdown), qPrintable(m.strategyId));
            QVERIFY2(near(m.sharpe, t.sharpe), qPrintable(m.strategyId));
            QVERIFY2(near(m.volatility, t.annualisedVolatility), qPrintable(m.strategyId));
            QVERIFY2(near(m.cagr, t.annualisedReturn), qPrintable(m.strategyId));
            if (m.strategyId != rootId)
                QVERIFY(!m.parentId.isEmpty() && seen.contains(m.parentId)); // parents come first
        }
        for (const auto& e : view.edges)
            QVERIFY(seen.contains(e.ancestorId) && seen.contains(e.descendantId));
        QVERIFY(!view.edges.isEmpty());
        QVERIFY(!view.parameterNames.isEmpty());
        int members = 0;
        for (const auto& g : view.generations)
            members += g.members;
        QCOMPARE(members, view.members.size());

        // A row making a child the root's parent closes a cycle: the read ends, each member once, and says
        // so.
        const QString child = view.members.at(1).strategyId;
        QVERIFY(db.execute(QStringLiteral("INSERT INTO strategy_lineage (ancestor_id, descendant_id, "
                                          "relationship_type, generation_distance, created_at) VALUES (?, ?, "
                                          "'mutation', 1, '2026-11-01T00:00:00.000Z')"),
                           {child, rootId}));
        auto cyclic = FamilyReader(db).read(rootId);
        QVERIFY(cyclic);
        QCOMPARE(cyclic->members.size(), view.members.size());
        QVERIFY2(cyclic->problems.join('\n').contains(QStringLiteral("cycle")),
                 qPrintable(cyclic->problems.join('\n')));

        // strata-cli strategies family ID --json on the same database.
        const auto cli = CliProcess::run({QStringLiteral("--db"), d.url, QStringLiteral("--json"),
                                          QStringLiteral("strategies"), QStringLiteral("family"), rootId});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        const QJsonObject doc = cli.json();
        QCOMPARE(doc.value("command").toString(), QStringLiteral("strategies family"));
        QCOMPARE(doc.value("ok").toBool(), true);
        QCOMPARE(doc.value("database").toString(), db.display());
        QCOMPARE(doc.value("root").toString(), rootId);
        const QJsonArray memberArray = doc.value("members").toArray();
        QCOMPARE(memberArray.size(), view.members.size());
        const QJsonObject first = memberArray.first().toObject();
        QCOMPARE(first.value("strategy_id").toString(), rootId);
        QCOMPARE(first.value("days").toInt(), view.members.first().days);
        QVERIFY(
            near(first.value("results").toObject().value("sharpe").toDouble(), view.members.first().sharpe));
        for (const char* key : {"parameters", "results", "edges", "generations", "problems"})
            QVERIFY2(doc.contains(QLatin1String(key)), key);
        QCOMPARE(doc.value("results").toArray().size(), 7);
        const QJsonObject edge = doc.value("edges").toArray().first().toObject();
        for (const char* key : {"ancestor_id", "descendant_id", "performance_improvement", "risk_change"})
            QVERIFY2(edge.contains(QLatin1String(key)), key);

        // The text report: the table, the edges and the attribution.
        const auto text = CliProcess::run(
            {QStringLiteral("--db"), d.url, QStringLiteral("strategies"), QStringLiteral("family"), rootId});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(rootId) && text.out.contains(QStringLiteral("Sharpe")) &&
                     text.out.contains(QStringLiteral("Attribution by generation")),
                 qPrintable(text.out));

        // An unknown id: exit 2, naming it and how to list the ids; nothing on stdout but the failure.
        const auto unknown = CliProcess::run({QStringLiteral("--db"), d.url, QStringLiteral("--json"),
                                              QStringLiteral("strategies"), QStringLiteral("family"),
                                              QStringLiteral("no-such-strategy")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("no-such-strategy")) &&
                     unknown.err.contains(QStringLiteral("strategies lineage")),
                 qPrintable(unknown.err));
        QCOMPARE(unknown.json().value("ok").toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestFamilyDemo)
#include "tst_family_demo.moc"
