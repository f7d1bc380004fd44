// The tearsheet's figures against values computed by hand, and the lineage graph's checks on small graphs
// built in memory (no database: the engines are covered by tst_strategy_store).

#include <cmath>

#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include "strategy/LineageGraph.h"
#include "strategy/StrategyRowDecoder.h"
#include "strategy/TearsheetBuilder.h"

using namespace strata;

namespace {

PerformancePeriod day(qint64 id, const QDate& date, double returnPct, int trades, int wins,
                      const QString& regime)
{
    PerformancePeriod p;
    p.id = id;
    p.strategyId = QStringLiteral("s-1");
    p.periodStart = QDateTime(date, QTime(0, 0), QTimeZone::utc());
    p.periodEnd = QDateTime(date, QTime(23, 59, 59), QTimeZone::utc());
    p.periodType = QStringLiteral("daily");
    p.totalReturnPct = returnPct;
    p.totalReturn = returnPct / 100;
    p.totalTrades = trades;
    p.winningTrades = wins;
    p.losingTrades = trades - wins;
    if (!regime.isEmpty())
        p.regimePerformance = StrategyRowDecoder::json(QStringLiteral("{\"regime\":\"%1\"}").arg(regime));
    return p;
}

StrategyRecord strategy(const QString& id, const QString& parent = {}, const QString& merge = {})
{
    StrategyRecord s;
    s.strategyId = id;
    s.name = id;
    s.version = QStringLiteral("1.0.0");
    s.parentId = parent;
    s.mergeSource = merge;
    s.statusText = QStringLiteral("TESTING");
    s.status = StrategyStatus::Testing;
    return s;
}

LineageEdge edge(qint64 id, const QString& a, const QString& d, int distance, const QString& type)
{
    LineageEdge e;
    e.id = id;
    e.ancestorId = a;
    e.descendantId = d;
    e.generationDistance = distance;
    e.relationshipType = type;
    return e;
}

} // namespace

class TestStrategyMaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tearsheetMatchesHandComputedValues()
    {
        // 1 %, -2 %, 3 %, 0.5 % over the turn of a month; a rolling window of two periods.
        QList<PerformancePeriod> rows = {day(1, QDate(2026, 1, 30), 1.0, 4, 3, QStringLiteral("bull")),
                                         day(2, QDate(2026, 1, 31), -2.0, 0, 0, QStringLiteral("bear")),
                                         day(3, QDate(2026, 2, 1), 3.0, 2, 2, QStringLiteral("bull")),
                                         day(4, QDate(2026, 2, 2), 0.5, 4, 1, QString())};
        const Tearsheet t = TearsheetBuilder::build(strategy(QStringLiteral("s-1")), rows, 2);
        QVERIFY2(t.problems.isEmpty(), qPrintable(t.problems.join('\n')));
        QCOMPARE(t.time.size(), 4);
        QCOMPARE(
            t.time.first(),
            double(QDateTime(QDate(2026, 1, 30), QTime(23, 59, 59), QTimeZone::utc()).toSecsSinceEpoch()));
        const QList<double> cumulative = {0.01, -0.0102, 0.019494, 0.02459147};
        const QList<double> drawdown = {0.0, -0.02, 0.0, 0.0};
        for (int i = 0; i < 4; ++i) {
            QVERIFY(qAbs(t.cumulativeReturn.at(i) - cumulative.at(i)) < 1e-12);
            QVERIFY(qAbs(t.drawdown.at(i) - drawdown.at(i)) < 1e-12);
        }
        QVERIFY(std::isnan(t.rollingSharpe.at(0)));
        QVERIFY(qAbs(t.rollingSharpe.at(1) - -3.7416573867739413) < 1e-9);
        QVERIFY(qAbs(t.rollingSharpe.at(2) - 2.2449944320643644) < 1e-9);
        QVERIFY(qAbs(t.rollingSharpe.at(3) - 15.714961024450554) < 1e-9);
        QCOMPARE(t.winRate.at(0), 0.75);
        QVERIFY(std::isnan(t.winRate.at(1))); // no trades that day
        QCOMPARE(t.winRate.at(3), 0.25);

        QCOMPARE(t.monthlyReturns.size(), 2);
        QCOMPARE(t.monthlyReturns.at(0).month, 1);
        QVERIFY(qAbs(t.monthlyReturns.at(0).monthReturn - -0.0102) < 1e-12);
        QCOMPARE(t.monthlyReturns.at(1).month, 2);
        QVERIFY(qAbs(t.monthlyReturns.at(1).monthReturn - 0.03515) < 1e-12);

        QCOMPARE(t.regimes.size(), 3);
        QCOMPARE(t.regimes.at(0).name, QStringLiteral("bull"));
        QCOMPARE(t.regimes.at(0).periods, 2);
        QVERIFY(qAbs(t.regimes.at(0).totalReturn - 0.0403) < 1e-12);
        QVERIFY(qAbs(t.regimes.at(0).sharpe - 22.449944320643652) < 1e-9);
        QCOMPARE(t.regimes.at(0).winRate, 1.0);
        QCOMPARE(t.regimes.at(1).name, QStringLiteral("bear"));
        QCOMPARE(t.regimes.at(1).winRate, 0.0);
        QCOMPARE(t.regimes.at(2).name, QStringLiteral("unknown"));

        QVERIFY(qAbs(t.totalReturn - 0.02459147) < 1e-12);
        QVERIFY(qAbs(t.sharpe - 4.824506406770077) < 1e-9);
        QVERIFY(qAbs(t.annualisedVolatility - 0.3264582668581085) < 1e-12);
        QVERIFY(qAbs(t.annualisedReturn - 3.6205786176107653) < 1e-9);
        QCOMPARE(t.maxDrawdown, -0.02);
        QCOMPARE(t.totalTrades, 10);
        QCOMPARE(t.overallWinRate, 0.6);
    }

    void tearsheetSkipsBadRowsAndSaysWhich()
    {
        QList<PerformancePeriod> rows = {day(1, QDate(2026, 3, 2), 1.0, 1, 1, QStringLiteral("bull")),
                                         day(2, QDate(2026, 3, 3), 1.0, 1, 1, QStringLiteral("bull")),
                                         day(3, QDate(2026, 3, 3), 5.0, 1, 1, QStringLiteral("bull")),
                                         day(4, QDate(2026, 3, 4), 9.0, 1, 1, QStringLiteral("bull")),
                                         day(5, QDate(2026, 3, 5), 2.0, 1, 1, QStringLiteral("bull"))};
        rows[3].usable = false; // as the decoder leaves a row whose period_end is before its period_start
        rows[3].problems << QStringLiteral("period_end 2026-03-03 is before period_start 2026-03-04");
        rows[4].periodType = QStringLiteral("weekly");
        const Tearsheet t = TearsheetBuilder::build(strategy(QStringLiteral("s-1")), rows);
        QCOMPARE(t.time.size(), 2); // the duplicate of 3 March, the bad row and the weekly row are left out
        QVERIFY(qAbs(t.totalReturn - (1.01 * 1.01 - 1)) < 1e-12);
        const QString all = t.problems.join('\n');
        QVERIFY2(all.contains(QStringLiteral("performance row 3")) &&
                     all.contains(QStringLiteral("same period")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("performance row 4")) &&
                     all.contains(QStringLiteral("row skipped")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("1 weekly row not drawn")), qPrintable(all));
        QVERIFY(std::isnan(t.rollingSharpe.last())); // the 63-period window never fills

        const Tearsheet empty = TearsheetBuilder::build(strategy(QStringLiteral("s-1")), {});
        QCOMPARE(empty.time.size(), 0);
        QCOMPARE(empty.sharpe, 0.0);
    }

    void lineageGraphNamesCyclesAndMissingStrategies()
    {
        // A → B → C → A by parent_id, and a lineage row towards a strategy that is not there.
        const LineageGraph g = LineageGraph::build(
            {strategy(QStringLiteral("A"), QStringLiteral("C")),
             strategy(QStringLiteral("B"), QStringLiteral("A")),
             strategy(QStringLiteral("C"), QStringLiteral("B")),
             strategy(QStringLiteral("D"), QStringLiteral("ghost"))},
            {edge(1, QStringLiteral("A"), QStringLiteral("B"), 1, QStringLiteral("mutation")),
             edge(2, QStringLiteral("A"), QStringLiteral("missing-7"), 1, QStringLiteral("fork"))});
        QCOMPARE(g.cycles().size(), 1);
        QCOMPARE(g.cycles().first().first(), g.cycles().first().last());
        QCOMPARE(g.cycles().first().size(), 4);
        for (const QString& id : {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")})
            QVERIFY2(g.strategies()
                         .at(g.indexOf(id))
                         .problems.join(' ')
                         .contains(QStringLiteral("part of a cycle")),
                     qPrintable(id));
        QVERIFY(g.edges().at(0).problems.join(' ').contains(QStringLiteral("part of a cycle")));
        QVERIFY(g.edges().at(1).problems.join(' ').contains(
            QStringLiteral("descendant missing-7 is not in strategy_registry")));
        QVERIFY(g.strategies().at(3).problems.join(' ').contains(
            QStringLiteral("parent_id ghost is not in strategy_registry")));
        int closing = 0;
        for (const auto& l : g.links())
            closing += l.inCycle ? 1 : 0;
        QCOMPARE(closing, 1);
        QVERIFY(g.generation(g.indexOf(QStringLiteral("D"))) == 0);
        QVERIFY(g.problems().size() >= 3);
    }

    void lineageGraphGenerationsAncestorsAndDistances()
    {
        // R → M1 → M2, R → F (fork), M2 + F → X (merge).
        const LineageGraph g = LineageGraph::build(
            {strategy(QStringLiteral("R")), strategy(QStringLiteral("M1"), QStringLiteral("R")),
             strategy(QStringLiteral("M2"), QStringLiteral("M1")),
             strategy(QStringLiteral("F"), QStringLiteral("R")),
             strategy(QStringLiteral("X"), QStringLiteral("M2"), QStringLiteral("F"))},
            {edge(1, QStringLiteral("R"), QStringLiteral("M1"), 1, QStringLiteral("mutation")),
             edge(2, QStringLiteral("R"), QStringLiteral("X"), 2, QStringLiteral("ancestor")),
             edge(3, QStringLiteral("M1"), QStringLiteral("X"), 1, QStringLiteral("merge"))});
        QCOMPARE(g.generation(g.indexOf(QStringLiteral("R"))), 0);
        QCOMPARE(g.generation(g.indexOf(QStringLiteral("M2"))), 2);
        QCOMPARE(g.generation(g.indexOf(QStringLiteral("X"))), 3);
        QCOMPARE(g.ancestors(g.indexOf(QStringLiteral("X"))).size(), 4);
        QCOMPARE(g.descendants(g.indexOf(QStringLiteral("R"))).size(), 4);
        QCOMPARE(g.distance(g.indexOf(QStringLiteral("R")), g.indexOf(QStringLiteral("X"))), 2);
        QCOMPARE(g.distance(g.indexOf(QStringLiteral("X")), g.indexOf(QStringLiteral("R"))), -1);
        QVERIFY(g.cycles().isEmpty());
        // Row 3 claims M1 is X's direct parent; it is recorded and drawn as such, so no distance problem.
        QVERIFY2(g.edges().at(2).problems.isEmpty(), qPrintable(g.edges().at(2).problems.join(' ')));
        // The registry's own links that no row covers are drawn too, as "parent" and "merge".
        int parentLinks = 0;
        for (const auto& l : g.links())
            parentLinks += l.recorded ? 0 : 1;
        QCOMPARE(parentLinks, 4); // M1→M2, R→F, M2→X, F→X
    }

    void decoderReadsBothEnginesAndFlagsBadValues()
    {
        QCOMPARE(StrategyRowDecoder::time(QStringLiteral("2026-11-21T09:30:00.000Z")),
                 QDateTime(QDate(2026, 11, 21), QTime(9, 30), QTimeZone::utc()));
        QCOMPARE(StrategyRowDecoder::time(QStringLiteral("2026-11-21 09:30:00+00")),
                 QDateTime(QDate(2026, 11, 21), QTime(9, 30), QTimeZone::utc()));
        QVERIFY(!StrategyRowDecoder::time(QStringLiteral("yesterday")).isValid());
        QVERIFY(StrategyRowDecoder::boolean(QStringLiteral("t")));
        QVERIFY(!StrategyRowDecoder::boolean(QStringLiteral("f")));
        QVERIFY(StrategyRowDecoder::boolean(QVariant::fromValue<qint64>(1)));
        QVERIFY(!StrategyRowDecoder::number(QStringLiteral("abc")));
        QCOMPARE(*StrategyRowDecoder::number(QStringLiteral("0.25")), 0.25);
        const JsonField bad = StrategyRowDecoder::json(QStringLiteral("{\"stop_loss_pct\": 2.0,"));
        QVERIFY(!bad.error.isEmpty());
        QCOMPARE(bad.raw, QStringLiteral("{\"stop_loss_pct\": 2.0,"));
        QVERIFY(bad.value.isUndefined());
        QCOMPARE(StrategyRowDecoder::json(QStringLiteral("3")).value.toInt(), 3);
        QVERIFY(StrategyRowDecoder::json(QVariant()).raw.isEmpty());
        QVERIFY(!parseStrategyStatus(QStringLiteral("experimental")));
        QCOMPARE(*parseStrategyStatus(QStringLiteral("RETIRED")), StrategyStatus::Retired);
        QCOMPARE(strategyStatusName(StrategyStatus::Deprecated), QStringLiteral("DEPRECATED"));
    }
};

QTEST_GUILESS_MAIN(TestStrategyMaths)
#include "tst_strategy_maths.moc"
