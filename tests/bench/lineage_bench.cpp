// lineage_bench [STRATEGIES] [RUNS]: a lineage of 2,000 strategy versions (the demo generator's families,
// forks, branches and merges, written to a SQLite file and read back with StrategyStore) shown in the
// Strategies page, from the graph in memory to the view painted, against GraphLayout (Graphviz) alone on the
// same boxes and lines. Prints the figures and the ratio; it never passes or fails. Goal: shown in <= 1 s.

#include <algorithm>
#include <cstdio>
#include <vector>

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "connection/ConnectionUrl.h"
#include "connection/DatabaseOpener.h"
#include "layout/GraphLayout.h"
#include "strategy/LineageDiagramBuilder.h"
#include "strategy/LineageScene.h"
#include "strategy/LineageView.h"
#include "strategy/StrategiesPage.h"
#include "strategy/StrategyDemo.h"
#include "strategy/StrategyStore.h"

using namespace strata;

namespace {

double elapsedMs(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Shown
{
    double totalMs = 0;  ///< from showGraph() to the view painted
    double layoutMs = 0; ///< what Graphviz reported inside it
    double paintMs = 0;  ///< the paint of the fitted view after the layout
    int boxes = 0;
    int lines = 0;
};

/// The page shows `graph`: the diagram built, laid out on the worker, the items placed, the view fitted and
/// painted (grabbed, as on screen).
Shown showInPage(StrategiesPage& page, const LineageGraph& graph)
{
    QSignalSpy laidOut(page.scene(), &LineageScene::laidOut);
    QElapsedTimer timer;
    timer.start();
    page.showGraph(graph);
    if (!laidOut.wait(120000)) {
        std::printf("warning: the layout did not end within two minutes\n");
        return {};
    }
    QElapsedTimer paint;
    paint.start();
    const QImage painted = page.view()->viewport()->grab().toImage();
    Shown out;
    out.paintMs = elapsedMs(paint);
    out.totalMs = elapsedMs(timer);
    out.layoutMs = laidOut.first().at(2).toDouble();
    out.boxes = int(page.scene()->nodeItems().size());
    out.lines = int(page.scene()->linkItems().size());
    if (painted.isNull())
        std::printf("warning: the view did not paint\n");
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args[1].toInt() : 2000;
    const int runs = args.size() > 2 ? std::max(1, args[2].toInt()) : 5;

    // The data: the demo generator's lineage of `count` versions in a SQLite file, read back as the page
    // does.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("strategies.db"));
    StrategyDemo::Options options;
    options.count = count;
    options.days = 5; // the performance rows play no part in the lineage
    options.seed = 2026;
    QElapsedTimer timer;
    timer.start();
    auto created = StrategyDemo::createDatabase(path, options);
    if (!created) {
        std::printf("could not create the lineage: %s\n", qPrintable(created.error().toText()));
        return 1;
    }
    const double createMs = elapsedMs(timer);
    auto db = DatabaseOpener::open(*ConnectionUrl::parse(QStringLiteral("sqlite:") + path));
    if (!db) {
        std::printf("could not open %s: %s\n", qPrintable(path), qPrintable(db.error().toText()));
        return 1;
    }
    timer.restart();
    auto graph = StrategyStore(**db).lineage();
    const double readMs = elapsedMs(timer);
    if (!graph) {
        std::printf("could not read the lineage: %s\n", qPrintable(graph.error().toText()));
        return 1;
    }
    std::printf(
        "lineage: %lld strategy versions, %lld links, %lld lineage rows (created in %.0f ms, read with "
        "StrategyStore in %.1f ms)\n",
        qlonglong(graph->strategies().size()), qlonglong(graph->links().size()),
        qlonglong(graph->edges().size()), createMs, readMs);

    // The reference: Graphviz alone on the same boxes and lines (the diagram is built once, outside).
    const LineageDiagram diagram = LineageDiagramBuilder::build(*graph);
    std::vector<double> rawMs;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        auto placed = GraphLayout::place(diagram.layout);
        rawMs.push_back(elapsedMs(timer));
        if (!placed)
            std::printf("warning: Graphviz failed: %s\n", qPrintable(placed.error().toText()));
    }
    std::vector<double> buildMs;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        const LineageDiagram again = LineageDiagramBuilder::build(*graph);
        buildMs.push_back(elapsedMs(timer));
        if (again.boxes.size() != diagram.boxes.size())
            std::printf("warning: the diagram changed between builds\n");
    }

    // The page: from the graph in memory to the view painted.
    StrategiesPage page;
    page.resize(1600, 1000);
    page.show();
    QCoreApplication::processEvents();
    std::vector<double> totalMs;
    std::vector<double> layoutMs;
    std::vector<double> paintMs;
    Shown last;
    const Shown cold = showInPage(page, *graph);
    for (int i = 0; i < runs; ++i) {
        last = showInPage(page, *graph);
        totalMs.push_back(last.totalMs);
        layoutMs.push_back(last.layoutMs);
        paintMs.push_back(last.paintMs);
    }
    const double raw = median(rawMs);
    const double shown = median(totalMs);
    std::printf("drawn: %d boxes, %d lines (relationship labels %s)\n", last.boxes, last.lines,
                last.lines <= LineageDiagramBuilder::labelledLayoutLimit ? "placed by Graphviz"
                                                                         : "on the middle of their lines");
    std::printf("GraphLayout::place alone (raw Graphviz):     median %8.1f ms  (min %.1f, %d runs)\n", raw,
                *std::min_element(rawMs.begin(), rawMs.end()), runs);
    std::printf("diagram built (boxes measured), GUI thread:  median %8.1f ms\n", median(buildMs));
    std::printf("page: graph to view painted:                 median %8.1f ms  (cold %.1f ms; min %.1f)\n",
                shown, cold.totalMs, *std::min_element(totalMs.begin(), totalMs.end()));
    std::printf("   of which Graphviz on the worker:          median %8.1f ms\n", median(layoutMs));
    std::printf("   of which the fitted view's paint:         median %8.1f ms\n", median(paintMs));
    std::printf("ratio page / raw Graphviz: %.2f\n", raw > 0 ? shown / raw : 0.0);
    std::printf("goal: shown in <= 1000 ms; median %.0f ms is %s the goal\n", shown,
                shown <= 1000 ? "within" : "over");
    return 0;
}
