// The family view's generations built from given results: a member whose Sharpe is undefined does not make
// its generation's mean Sharpe undefined.

#include <cmath>
#include <limits>

#include <QTest>

#include "analytics/FamilyBuilder.h"

using namespace strata;

namespace {

StrategyRecord strategy(const QString& id, const QString& parent, int hour)
{
    StrategyRecord s;
    s.id = hour + 1;
    s.strategyId = id;
    s.name = QStringLiteral("trend");
    s.version = QStringLiteral("1.%1").arg(hour);
    s.parentId = parent;
    s.createdAt = QDateTime(QDate(2026, 1, 1), QTime(hour, 0), QTimeZone::utc());
    s.statusText = QStringLiteral("TESTING");
    s.status = StrategyStatus::Testing;
    return s;
}

FamilyBuilder::Results withSharpe(double sharpe, int days)
{
    FamilyBuilder::Results r;
    r.days = days;
    r.sharpe = sharpe;
    return r;
}

} // namespace

class TestFamilyBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void meanSharpeSkipsUndefined()
    {
        // root ─┬─> g1-a (rows, Sharpe undefined)
        //       ├─> g1-b (rows, Sharpe 2.0)
        //       └─> g1-c (no rows)
        //            └─> g2-a (rows, Sharpe undefined): the only measured member of generation 2
        const LineageGraph graph = LineageGraph::build(
            {strategy("root", {}, 0), strategy("g1-a", "root", 1), strategy("g1-b", "root", 2),
             strategy("g1-c", "root", 3), strategy("g2-a", "g1-c", 4)},
            {});
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const QHash<QString, FamilyBuilder::Results> results{{"root", withSharpe(1.5, 5)},
                                                             {"g1-a", withSharpe(nan, 3)},
                                                             {"g1-b", withSharpe(2.0, 4)},
                                                             {"g2-a", withSharpe(nan, 2)}};
        const FamilyView view = FamilyBuilder::build(graph, "root", results);
        QCOMPARE(view.generations.size(), 3);
        QCOMPARE(view.generations.at(0).meanSharpe, 1.5);
        // Generation 1: three members, one Sharpe to average (g1-a's is undefined, g1-c has no rows):
        // 2.0 / 1 = 2.0, not NaN and not (2.0 + 0) / 2 = 1.0.
        QCOMPARE(view.generations.at(1).members, 3);
        QCOMPARE(view.generations.at(1).meanSharpe, 2.0);
        // Generation 2: no member with a Sharpe, so no mean.
        QCOMPARE(view.generations.at(2).members, 1);
        QVERIFY(std::isnan(view.generations.at(2).meanSharpe));
    }
};

QTEST_GUILESS_MAIN(TestFamilyBuilder)
#include "tst_family_builder.moc"
