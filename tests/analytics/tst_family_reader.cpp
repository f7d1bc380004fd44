// The family view read from a family inserted by hand on both engines: a root, two children, a merge
// grandchild and a grandchild without performance rows, with daily returns small enough that every figure
// below is worked out by hand in the comments.

#include <cmath>

#include <QJsonArray>
#include <QTest>

#include "FamilyRows.h"
#include "StrategyDatabase.h"
#include "analytics/FamilyJson.h"
#include "analytics/FamilyReader.h"

using namespace strata;
using namespace strata::test;

namespace {

const double kYear = std::sqrt(252.0); // trading days a year, as the tearsheet annualises

bool near(double actual, double expected, double tolerance = 1e-9)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

#define CHECK_NEAR(actual, expected)                                                                         \
    QVERIFY2(near((actual), (expected)), qPrintable(QStringLiteral("%1 = %2, expected %3")                   \
                                                        .arg(QStringLiteral(#actual))                        \
                                                        .arg((actual), 0, 'g', 12)                           \
                                                        .arg((expected), 0, 'g', 12)))

const FamilyView::Member* memberOf(const FamilyView& view, const QString& id)
{
    for (const auto& m : view.members)
        if (m.strategyId == id)
            return &m;
    return nullptr;
}

const FamilyView::Edge* edgeOf(const FamilyView& view, const QString& from, const QString& to)
{
    for (const auto& e : view.edges)
        if (e.ancestorId == from && e.descendantId == to)
            return &e;
    return nullptr;
}

} // namespace

class TestFamilyReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handFamily_data();
    void handFamily();
};

void TestFamilyReader::handFamily_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestFamilyReader::handFamily()
{
    QFETCH(QString, engine);
    StrategyDatabase d(engine);
    STRATA_REQUIRE_STRATEGY_DB(d);
    Database& db = *d.db;
    const bool sqlite = db.dialect() == Dialect::Sqlite;
    // A lineage row naming a strategy that is not in the registry: the foreign key would refuse it.
    if (sqlite)
        QVERIFY(db.execute(QStringLiteral("PRAGMA foreign_keys = OFF")));
    else
        QVERIFY(db.execute(
            QStringLiteral("ALTER TABLE strategy_lineage DROP CONSTRAINT fk_strategy_lineage_descendant")));

    // root ─┬─ mutation ─> fam-a ─┬─ merge ─> fam-m (also merges fam-b)
    //       └─ fork ─────> fam-b ─┴─ (parent_id only) ─> fam-c (no performance rows)
    QVERIFY(addStrategy(db, "fam-root", "1.0", {}, {}, "2026-01-01T00:00:00.000Z",
                        R"({"lookback": 20, "risk": {"stop": 2.0}, "symbol": "BTC"})"));
    QVERIFY(addStrategy(db, "fam-a", "1.1", "fam-root", {}, "2026-02-01T00:00:00.000Z",
                        R"({"lookback": 30, "risk": {"stop": 2.0}, "symbol": "BTC"})"));
    QVERIFY(addStrategy(db, "fam-b", "1.2", "fam-root", {}, "2026-01-15T00:00:00.000Z",
                        R"({"lookback": 20, "risk": {"stop": 1.5}, "symbol": "BTC"})"));
    QVERIFY(addStrategy(db, "fam-m", "2.0", "fam-a", "fam-b", "2026-03-01T00:00:00.000Z",
                        R"({"lookback": 30, "risk": {"stop": 1.5}, "symbol": "BTC"})"));
    QVERIFY(addStrategy(db, "fam-c", "2.1", "fam-b", {}, "2026-02-15T00:00:00.000Z",
                        R"({"lookback": 10, "risk": {"stop": 1.5}, "symbol": "BTC"})"));
    QVERIFY(addStrategy(db, "other", "9.0", {}, {}, "2026-01-01T00:00:00.000Z", R"({"lookback": 99})"));

    QVERIFY(addLineage(db, "fam-root", "fam-a", "mutation", 1, 0.10, -0.05, "longer lookback"));
    QVERIFY(addLineage(db, "fam-root", "fam-b", "fork", 1, 0.02, 0.01, "tighter stop"));
    QVERIFY(addLineage(db, "fam-a", "fam-m", "merge", 1, 0.15, -0.02, "best of both"));
    QVERIFY(addLineage(db, "fam-b", "fam-m", "merge", 1, QVariant(), QVariant(), QString()));
    QVERIFY(addLineage(db, "fam-root", "fam-m", "merge", 2, 0.30, 0.0, QString())); // not an edge: distance 2
    QVERIFY(addLineage(db, "fam-a", "fam-ghost", "fork", 1, QVariant(), QVariant(), QString()));

    const QVariant null;
    QVERIFY(addDays(db, "fam-root",
                    {{1, 3, 5, 0.5, 0.2, 0.3},
                     {-2, 1, 4, 0.7, 0.2, 0.1},
                     {3, 4, 6, 0.6, 0.2, 0.2},
                     {0, 0, 0, null, 0.2, 0.4}}));
    // A weekly row of the root: not a daily period, left out of every figure.
    QVERIFY(addDays(db, "fam-root", {{50, 9, 9, 9.0, 9.0, 9.0}}, QStringLiteral("weekly")));
    QVERIFY(addDays(db, "fam-a",
                    {{2, 2, 2, 0.4, 0.4, 0.2},
                     {2, 1, 3, 0.4, 0.2, 0.4},
                     {-1, 0, 2, 0.4, 0.4, 0.2},
                     {1, 2, 3, 0.4, 0.2, 0.6}}));
    QVERIFY(addDays(db, "fam-b",
                    {{-1, 1, 4, 0.1, 0.5, 0.4}, {-1, 0, 2, 0.2, 0.5, 0.3}, {4, 3, 3, 0.3, 0.5, 0.2}}));
    QVERIFY(addDays(db, "fam-m", {{1, 0, 0, 1.0, null, 0.0}, {1, 0, 0, 1.0, null, 0.0}}));
    QVERIFY(addDays(db, "other", {{-30, 0, 1, 0.0, 0.0, 0.0}}));

    auto read = FamilyReader(db).read(QStringLiteral("fam-root"));
    QVERIFY2(read, read ? "" : qPrintable(read.error().toText()));
    const FamilyView& view = *read;

    // Members: the root, then by generation and creation (fam-b was created before fam-a, fam-c before
    // fam-m); "other" is not in the family.
    QStringList order;
    for (const auto& m : view.members)
        order << m.strategyId;
    QCOMPARE(order, (QStringList{"fam-root", "fam-b", "fam-a", "fam-c", "fam-m"}));
    QCOMPARE(view.rootId, QStringLiteral("fam-root"));

    // fam-root, returns 1 %, -2 %, 3 %, 0 %:
    //   growth 1.01 * 0.98 * 1.03 * 1.00 = 1.019494, total return 0.019494
    //   equity 1.01 (peak), 0.9898 (0.9898 / 1.01 - 1 = -0.02), 1.019494 (new peak): max drawdown -0.02
    //   mean 0.02 / 4 = 0.005; deviations 0.005, -0.025, 0.025, -0.005; squares sum 0.0013;
    //   sample variance 0.0013 / 3; Sharpe 0.005 / sqrt(0.0013 / 3) * sqrt(252) = 3.8129...
    //   volatility sqrt(0.0013 / 3) * sqrt(252) = sqrt(0.1092) = 0.33045...
    //   downside deviation sqrt(0.02^2 / 4) = 0.01; Sortino 0.005 / 0.01 * sqrt(252) = 7.937...
    //   CAGR 1.019494^(252 / 4) - 1; win rate (3 + 1 + 4 + 0) / (5 + 4 + 6 + 0) = 8 / 15
    //   attribution: signal (0.5 + 0.7 + 0.6) / 3 = 0.6 (NULL left out), risk 0.2, sizer 1.0 / 4 = 0.25
    const auto* root = memberOf(view, "fam-root");
    QVERIFY(root);
    QCOMPARE(root->generation, 0);
    QCOMPARE(root->days, 4);
    QVERIFY(root->parentId.isEmpty());
    QVERIFY(root->changed.isEmpty());
    CHECK_NEAR(root->totalReturn, 0.019494);
    CHECK_NEAR(root->maxDrawdown, -0.02);
    CHECK_NEAR(root->sharpe, 0.005 / std::sqrt(0.0013 / 3) * kYear);
    CHECK_NEAR(root->volatility, std::sqrt(0.1092));
    CHECK_NEAR(root->sortino, 0.5 * kYear);
    CHECK_NEAR(root->cagr, std::pow(1.019494, 63.0) - 1);
    CHECK_NEAR(root->winRate, 8.0 / 15.0);
    CHECK_NEAR(root->attribution[0], 0.6);
    CHECK_NEAR(root->attribution[1], 0.2);
    CHECK_NEAR(root->attribution[2], 0.25);

    // fam-a, returns 2 %, 2 %, -1 %, 1 %:
    //   growth 1.02 * 1.02 * 0.99 * 1.01 = 1.04029596; equity 1.02, 1.0404 (peak), 1.029996 (-0.01),
    //   1.04029596 (1.04029596 / 1.0404 - 1 = -0.0001): max drawdown -0.01
    //   mean 0.01; deviations 0.01, 0.01, -0.02, 0; squares 0.0006; variance 0.0002
    //   Sharpe 0.01 / sqrt(0.0002) * sqrt(252); downside sqrt(0.0001 / 4) = 0.005, Sortino 2 * sqrt(252)
    //   win rate 5 / 10; attribution 0.4, (0.4 + 0.2 + 0.4 + 0.2) / 4 = 0.3, (0.2 + 0.4 + 0.2 + 0.6) / 4 =
    //   0.35
    const auto* a = memberOf(view, "fam-a");
    QVERIFY(a);
    QCOMPARE(a->generation, 1);
    QCOMPARE(a->parentId, QStringLiteral("fam-root"));
    QCOMPARE(a->relationship, QStringLiteral("mutation"));
    QCOMPARE(a->changed, QStringList{"lookback"});
    QCOMPARE(a->days, 4);
    CHECK_NEAR(a->totalReturn, 0.04029596);
    CHECK_NEAR(a->maxDrawdown, -0.01);
    CHECK_NEAR(a->sharpe, 0.01 / std::sqrt(0.0002) * kYear);
    CHECK_NEAR(a->sortino, 2 * kYear);
    CHECK_NEAR(a->winRate, 0.5);
    CHECK_NEAR(a->attribution[0], 0.4);
    CHECK_NEAR(a->attribution[1], 0.3);
    CHECK_NEAR(a->attribution[2], 0.35);

    // fam-b, returns -1 %, -1 %, 4 %:
    //   growth 0.99 * 0.99 * 1.04 = 1.019304; equity 0.99 (-0.01 from the start), 0.9801 (-0.0199),
    //   1.019304: max drawdown -0.0199
    //   mean 0.02 / 3; deviations -1/60, -1/60, 1/30; squares 2/3600 + 4/3600 = 1/600; variance 1/1200
    //   downside sqrt(0.0002 / 3); Sortino (0.02 / 3) / sqrt(0.0002 / 3) * sqrt(252)
    //   win rate 4 / 9; attribution (0.1 + 0.2 + 0.3) / 3 = 0.2, 0.5, (0.4 + 0.3 + 0.2) / 3 = 0.3
    const auto* b = memberOf(view, "fam-b");
    QVERIFY(b);
    QCOMPARE(b->generation, 1);
    QCOMPARE(b->relationship, QStringLiteral("fork"));
    QCOMPARE(b->changed, QStringList{"risk.stop"});
    QCOMPARE(b->days, 3);
    CHECK_NEAR(b->totalReturn, 0.019304);
    CHECK_NEAR(b->maxDrawdown, -0.0199);
    CHECK_NEAR(b->sharpe, (0.02 / 3) / std::sqrt(1.0 / 1200) * kYear);
    CHECK_NEAR(b->volatility, std::sqrt(1.0 / 1200) * kYear);
    CHECK_NEAR(b->sortino, (0.02 / 3) / std::sqrt(0.0002 / 3) * kYear);
    CHECK_NEAR(b->winRate, 4.0 / 9.0);
    CHECK_NEAR(b->attribution[0], 0.2);
    CHECK_NEAR(b->attribution[1], 0.5);
    CHECK_NEAR(b->attribution[2], 0.3);

    // fam-m (merge of fam-a, its parent_id, and fam-b), returns 1 %, 1 %: growth 1.0201, never below its
    // peak (max drawdown 0); no spread (volatility 0, Sharpe 0 as the tearsheet gives), no losing day
    // (Sortino undefined), no trades (win rate undefined); risk contribution all NULL (undefined).
    const auto* m = memberOf(view, "fam-m");
    QVERIFY(m);
    QCOMPARE(m->generation, 2);
    QCOMPARE(m->parentId, QStringLiteral("fam-a"));
    QCOMPARE(m->changed, QStringList{"risk.stop"});
    CHECK_NEAR(m->totalReturn, 0.0201);
    CHECK_NEAR(m->cagr, std::pow(1.0201, 126.0) - 1);
    QCOMPARE(m->maxDrawdown, 0.0);
    QCOMPARE(m->volatility, 0.0);
    QCOMPARE(m->sharpe, 0.0);
    QVERIFY(std::isnan(m->sortino));
    QVERIFY(std::isnan(m->winRate));
    CHECK_NEAR(m->attribution[0], 1.0);
    QVERIFY(std::isnan(m->attribution[1]));
    CHECK_NEAR(m->attribution[2], 0.0);

    // fam-c: no performance rows, its results undefined and a problem says so.
    const auto* c = memberOf(view, "fam-c");
    QVERIFY(c);
    QCOMPARE(c->generation, 2);
    QCOMPARE(c->parentId, QStringLiteral("fam-b"));
    QCOMPARE(c->changed, QStringList{"lookback"});
    QCOMPARE(c->days, 0);
    QVERIFY(std::isnan(c->sharpe) && std::isnan(c->totalReturn) && std::isnan(c->maxDrawdown));
    QVERIFY(c->problems.join(' ').contains(QStringLiteral("no daily performance rows")));

    // Parameters: those that vary first, then the constant symbol.
    QCOMPARE(view.parameterNames, (QStringList{"lookback", "risk.stop", "symbol"}));
    QCOMPARE(c->parameters.value("lookback").toDouble(), 10.0);

    // Edges: the four direct links with their rows' figures and fam-b → fam-c from parent_id alone; the
    // distance-2 row is not an edge and the row to the missing fam-ghost has no member to end at.
    QCOMPARE(view.edges.size(), 5);
    const auto* ra = edgeOf(view, "fam-root", "fam-a");
    QVERIFY(ra);
    QCOMPARE(ra->relationship, QStringLiteral("mutation"));
    QCOMPARE(ra->reason, QStringLiteral("longer lookback"));
    QVERIFY(ra->performanceImprovement && ra->riskChange);
    CHECK_NEAR(*ra->performanceImprovement, 0.10);
    CHECK_NEAR(*ra->riskChange, -0.05);
    const auto* rb = edgeOf(view, "fam-root", "fam-b");
    QVERIFY(rb && rb->performanceImprovement && rb->riskChange);
    CHECK_NEAR(*rb->performanceImprovement, 0.02);
    CHECK_NEAR(*rb->riskChange, 0.01);
    const auto* am = edgeOf(view, "fam-a", "fam-m");
    QVERIFY(am && am->performanceImprovement && am->riskChange);
    CHECK_NEAR(*am->performanceImprovement, 0.15);
    CHECK_NEAR(*am->riskChange, -0.02);
    const auto* bm = edgeOf(view, "fam-b", "fam-m");
    QVERIFY(bm);
    QCOMPARE(bm->relationship, QStringLiteral("merge"));
    QVERIFY(!bm->performanceImprovement && !bm->riskChange);
    const auto* bc = edgeOf(view, "fam-b", "fam-c");
    QVERIFY(bc);
    QVERIFY(!bc->performanceImprovement && !bc->riskChange);
    QVERIFY(!edgeOf(view, "fam-root", "fam-m"));

    // Generations: 0 = the root; 1 = fam-a and fam-b; 2 = fam-c (no rows) and fam-m.
    QCOMPARE(view.generations.size(), 3);
    QCOMPARE(view.generations.at(0).members, 1);
    CHECK_NEAR(view.generations.at(0).attribution[0], 0.6);
    CHECK_NEAR(view.generations.at(0).meanSharpe, root->sharpe);
    // generation 1: signal (0.4 + 0.2) / 2 = 0.3, risk (0.3 + 0.5) / 2 = 0.4, sizer (0.35 + 0.3) / 2 = 0.325
    QCOMPARE(view.generations.at(1).members, 2);
    CHECK_NEAR(view.generations.at(1).attribution[0], 0.3);
    CHECK_NEAR(view.generations.at(1).attribution[1], 0.4);
    CHECK_NEAR(view.generations.at(1).attribution[2], 0.325);
    CHECK_NEAR(view.generations.at(1).meanSharpe, (a->sharpe + b->sharpe) / 2);
    // generation 2: only fam-m has rows: signal 1.0, risk undefined, sizer 0, Sharpe 0.
    QCOMPARE(view.generations.at(2).members, 2);
    CHECK_NEAR(view.generations.at(2).attribution[0], 1.0);
    QVERIFY(std::isnan(view.generations.at(2).attribution[1]));
    CHECK_NEAR(view.generations.at(2).meanSharpe, 0.0);

    // Problems: fam-c without rows, and the lineage row to fam-ghost.
    const QString problems = view.problems.join('\n');
    QVERIFY2(problems.contains(QStringLiteral("fam-c")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("fam-ghost")), qPrintable(problems));

    // The JSON scripts read: undefined figures are null, not NaN; the edges' missing figures too.
    const QJsonObject json = FamilyJson::family(view);
    QCOMPARE(json.value("root").toString(), QStringLiteral("fam-root"));
    const QJsonArray jsonMembers = json.value("members").toArray();
    QCOMPARE(jsonMembers.size(), 5);
    const QJsonObject jsonM = jsonMembers.at(4).toObject();
    QCOMPARE(jsonM.value("strategy_id").toString(), QStringLiteral("fam-m"));
    QVERIFY(jsonM.value("results").toObject().value("sortino").isNull());
    QVERIFY(jsonM.value("results").toObject().value("win_rate").isNull());
    QCOMPARE(jsonM.value("results").toObject().value("total_return").toDouble(), m->totalReturn);
    QVERIFY(jsonM.value("attribution").toObject().value("risk_manager").isNull());
    QCOMPARE(jsonM.value("changed").toArray(), QJsonArray{"risk.stop"});
    QCOMPARE(jsonM.value("parent_id").toString(), QStringLiteral("fam-a"));
    QVERIFY(jsonMembers.at(0).toObject().value("parent_id").isNull());
    QCOMPARE(json.value("parameters").toArray(), (QJsonArray{"lookback", "risk.stop", "symbol"}));
    int nullEdges = 0;
    for (const auto& e : json.value("edges").toArray())
        nullEdges += e.toObject().value("performance_improvement").isNull() ? 1 : 0;
    QCOMPARE(nullEdges, 2); // fam-b → fam-m (a row without figures) and fam-b → fam-c (no row)
    QCOMPARE(json.value("generations").toArray().size(), 3);

    // An unknown root: bad input naming it.
    auto unknown = FamilyReader(db).read(QStringLiteral("fam-nobody"));
    QVERIFY(!unknown);
    QVERIFY(unknown.error().toText().contains(QStringLiteral("fam-nobody")));
}

QTEST_GUILESS_MAIN(TestFamilyReader)
#include "tst_family_reader.moc"
