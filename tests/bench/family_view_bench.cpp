// family_view_bench [RUNS] [FOLDER]: the family view of a strategy with 100, 500 and 2,000 members — a
// lineage held in memory (one root, each version a mutation or fork of an earlier one with one to three of
// its nineteen parameters changed, a direct lineage row with its figures, and each member's results) turned
// into the FamilyView by FamilyBuilder, then drawn in the family window offscreen: the table's model filled
// and its columns sized, the parallel coordinates and the attribution set and the whole window painted
// (grabbed). Prints the median of RUNS runs of each size, its ratio to the goal (500 members in <= 300 ms)
// and the cost per member, which should stay flat as the family grows. With FOLDER, a picture of each size is
// kept there. It never passes or fails.

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>

#include "analytics/AttributionChart.h"
#include "analytics/FamilyBuilder.h"
#include "analytics/FamilyTable.h"
#include "analytics/FamilyWindow.h"
#include "analytics/ParallelCoordinatesChart.h"

using namespace strata;

namespace {

double elapsedMs(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

struct Family
{
    LineageGraph graph;
    QHash<QString, FamilyBuilder::Results> results;
};

/// `members` versions descending from S-0000; deterministic.
Family makeFamily(int members)
{
    std::mt19937 random(42);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    QList<StrategyRecord> strategies;
    QList<LineageEdge> edges;
    QList<QJsonObject> parameters;
    Family f;
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < members; ++i) {
        StrategyRecord s;
        s.id = i + 1;
        s.strategyId = QStringLiteral("S-%1").arg(i, 4, 10, QLatin1Char('0'));
        s.name = QStringLiteral("Momentum %1").arg(i);
        s.version = QStringLiteral("1.%1.0").arg(i);
        s.createdAt = start.addSecs(3600LL * i);
        s.statusText = QStringLiteral("testing");
        s.status = StrategyStatus::Testing;
        QJsonObject p;
        if (i == 0) {
            for (int k = 0; k < 19; ++k)
                p.insert(QStringLiteral("param_%1").arg(k), 10.0 + k);
        } else {
            // A parent among the recent ones: the family grows in depth and in breadth.
            const int parent = std::max(0, i - 1 - static_cast<int>(unit(random) * std::min(i, 12)));
            s.parentId = strategies.at(parent).strategyId;
            p = parameters.at(parent);
            const int changes = 1 + static_cast<int>(unit(random) * 3);
            for (int c = 0; c < changes; ++c) {
                const QString key = QStringLiteral("param_%1").arg(static_cast<int>(unit(random) * 19));
                p.insert(key, p.value(key).toDouble() * (0.8 + 0.4 * unit(random)));
            }
            LineageEdge e;
            e.id = i;
            e.ancestorId = s.parentId;
            e.descendantId = s.strategyId;
            e.relationshipType = unit(random) < 0.8 ? QStringLiteral("mutation") : QStringLiteral("fork");
            e.generationDistance = 1;
            e.createdAt = s.createdAt;
            e.performanceImprovement = unit(random) - 0.5;
            e.riskChange = (unit(random) - 0.5) * 0.02;
            edges << e;
        }
        s.parameters.raw = QString::fromUtf8(QJsonDocument(p).toJson(QJsonDocument::Compact));
        s.parameters.value = p;
        parameters << p;
        strategies << s;
        FamilyBuilder::Results r;
        r.days = 250;
        r.sharpe = 0.2 + 2.0 * unit(random);
        r.sortino = r.sharpe * 1.3;
        r.cagr = 0.02 + 0.3 * unit(random);
        r.totalReturn = r.cagr;
        r.maxDrawdown = -0.05 - 0.2 * unit(random);
        r.volatility = 0.08 + 0.2 * unit(random);
        r.winRate = 0.4 + 0.2 * unit(random);
        r.attribution = {0.5 * unit(random), 0.3 * unit(random) - 0.1, 0.2 * unit(random)};
        f.results.insert(s.strategyId, r);
    }
    f.graph = LineageGraph::build(strategies, edges);
    return f;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 7;
    constexpr double goalMs = 300;
    std::printf("family_view_bench: FamilyBuilder::build + the family window drawn offscreen (1600x1000), "
                "median of %d runs\n",
                runs);
    std::printf("%8s %8s %8s %9s %9s | %9s %9s %9s %10s %10s\n", "members", "build", "set", "painted",
                "total ms", "parallel", "attrib.", "table", "us/member", "goal ratio");
    for (const int members : {100, 500, 2000}) {
        const Family family = makeFamily(members);
        std::vector<double> build, set, painted, total, parallel, attribution, table;
        for (int run = 0; run < runs + 1; ++run) {
            FamilyWindow window;
            window.resize(1600, 1000);
            window.show();
            QApplication::processEvents();
            QElapsedTimer timer;
            timer.start();
            const FamilyView view =
                FamilyBuilder::build(family.graph, QStringLiteral("S-0000"), family.results);
            const double built = elapsedMs(timer);
            window.showFamily(view);
            const double shown = elapsedMs(timer);
            // The layout, the attribution's replot queued for the next paint, the window painted.
            QApplication::processEvents();
            const QImage image = window.grab().toImage();
            const double done = elapsedMs(timer);
            if (view.members.size() != members || image.isNull()) {
                std::fprintf(stderr, "the family has %lld members instead of %d\n",
                             static_cast<long long>(view.members.size()), members);
                return 1;
            }
            // Where the paint goes: each part set and drawn again on its own.
            timer.restart();
            window.parallelCoordinates()->setFamily(view);
            (void)window.parallelCoordinates()->grab();
            const double parallelMs = elapsedMs(timer);
            timer.restart();
            window.attribution()->setFamily(view);
            window.attribution()->replot();
            const double attributionMs = elapsedMs(timer);
            timer.restart();
            window.table()->setFamily(view);
            (void)window.table()->grab();
            const double tableMs = elapsedMs(timer);
            if (run == 0 && argc > 2) // a folder to keep a picture of each size in
                image.save(QStringLiteral("%1/family-bench-%2.png")
                               .arg(QString::fromLocal8Bit(argv[2]))
                               .arg(members));
            if (run == 0)
                continue; // the first run warms fonts and caches
            build.push_back(built);
            set.push_back(shown - built);
            painted.push_back(done - shown);
            total.push_back(done);
            parallel.push_back(parallelMs);
            attribution.push_back(attributionMs);
            table.push_back(tableMs);
        }
        const double t = median(total);
        std::printf("%8d %8.1f %8.1f %9.1f %9.1f | %9.1f %9.1f %9.1f %10.1f %10.2f\n", members, median(build),
                    median(set), median(painted), t, median(parallel), median(attribution), median(table),
                    t * 1000.0 / members, t / goalMs);
    }
    std::printf(
        "total = build + set (showFamily) + painted (layout, replot, the window grabbed); the parts after "
        "| are each set and drawn again alone\n");
    std::printf("goal: 500 members in <= %.0f ms (ratio <= 1.00)\n", goalMs);
    return 0;
}
