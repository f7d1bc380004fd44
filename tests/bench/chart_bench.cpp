// How fast the strategy charts are: (1) a tearsheet of ten years of daily data, from constructing the
// view with the Tearsheet to its first full render (every chart replotted and the window painted), and the
// time the core takes to compute that Tearsheet from its performance rows; (2) a 10-million-point series
// replotted in Strata's time chart against a raw QCustomPlot with one QCPGraph (adaptive sampling, the same
// data, the same widget size). Prints figures and ratios, never pass/fail. The goals: the tearsheet
// opened in <= 200 ms; the 10-million-point replot <= 1.2x the raw QCustomPlot's.
//
//   chart_bench [POINTS=10000000] [REPLOTS=15] [YEARS=10]
//
// Runs offscreen unless QT_QPA_PLATFORM says otherwise.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>

#include "strategy/QCustomPlotInclude.h"
#include "strategy/TearsheetBuilder.h"
#include "strategy/TearsheetView.h"
#include "strategy/TimeSeriesChart.h"

using namespace strata;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double elapsedMs(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

/// Daily performance rows of one strategy over `years`, through four market regimes, as the demo writes them.
QList<PerformancePeriod> dailyRows(int years)
{
    std::mt19937 random(2024);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const char* names[] = {"bull", "bear", "sideways", "volatile"};
    const double drift[] = {0.0008, -0.0006, 0.0001, 0.0002};
    const double vol[] = {0.008, 0.014, 0.005, 0.022};
    QList<PerformancePeriod> rows;
    int regime = 0;
    const QDate start(2015, 1, 1);
    for (QDate date = start; date < start.addYears(years); date = date.addDays(1)) {
        if (uniform(random) < 1.0 / 60.0)
            regime = int(uniform(random) * 4) % 4;
        PerformancePeriod row;
        row.id = rows.size() + 1;
        row.strategyId = QStringLiteral("bench-001");
        row.version = QStringLiteral("1.0.0");
        row.periodStart = QDateTime(date, QTime(0, 0), Qt::UTC);
        row.periodEnd = QDateTime(date.addDays(1), QTime(0, 0), Qt::UTC);
        row.periodType = QStringLiteral("daily");
        const double r = drift[regime] + vol[regime] * noise(random);
        row.totalReturnPct = r * 100.0;
        row.totalReturn = r * 100000.0;
        row.totalTrades = int(uniform(random) * 8);
        row.winningTrades = int(row.totalTrades * std::clamp(0.5 + r * 20, 0.0, 1.0));
        row.losingTrades = row.totalTrades - row.winningTrades;
        row.regimePerformance.value =
            QJsonObject{{QStringLiteral("regime"), QString::fromLatin1(names[regime])}};
        rows.append(row);
    }
    return rows;
}

/// Opens a tearsheet view on `sheet` and returns the milliseconds until every chart has been replotted at
/// its laid-out size and the window has been painted.
double openTearsheet(const Tearsheet& sheet)
{
    QElapsedTimer timer;
    timer.start();
    auto* view = new TearsheetView;
    int pending = 0;
    view->setTearsheet(sheet);
    const QList<QCustomPlot*> charts = view->charts();
    pending = int(charts.size());
    for (QCustomPlot* chart : charts)
        QObject::connect(chart, &QCustomPlot::afterReplot, chart, [&pending, chart] {
            if (chart->property("benchReplotted").isNull()) {
                chart->setProperty("benchReplotted", true);
                --pending;
            }
        });
    view->resize(1280, 1900);
    view->show();
    while (pending > 0)
        QCoreApplication::processEvents();
    const QImage painted = view->grab().toImage(); // the whole window painted, as on screen
    const double ms = elapsedMs(timer);
    if (painted.isNull())
        std::printf("warning: the tearsheet did not paint\n");
    delete view;
    QCoreApplication::processEvents();
    return ms;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype points = args.size() > 1 ? args[1].toLongLong() : 10'000'000;
    const int replots = args.size() > 2 ? args[2].toInt() : 15;
    const int years = args.size() > 3 ? args[3].toInt() : 10;

    // (1) A tearsheet of ten years of daily data.
    const QList<PerformancePeriod> rows = dailyRows(years);
    StrategyRecord strategy;
    strategy.strategyId = QStringLiteral("bench-001");
    strategy.name = QStringLiteral("Benchmark momentum");
    strategy.version = QStringLiteral("1.0.0");
    std::vector<double> computeMs;
    Tearsheet sheet;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        sheet = TearsheetBuilder::build(strategy, rows);
        computeMs.push_back(elapsedMs(timer));
    }
    const double cold = openTearsheet(sheet);
    std::vector<double> openMs;
    for (int i = 0; i < 5; ++i)
        openMs.push_back(openTearsheet(sheet));
    std::printf("tearsheet: %d years of daily rows (%lld periods, %lld months, %lld regimes)\n", years,
                qlonglong(sheet.time.size()), qlonglong(sheet.monthlyReturns.size()),
                qlonglong(sheet.regimes.size()));
    std::printf("  compute (TearsheetBuilder::build), median of 5:      %8.1f ms\n", median(computeMs));
    std::printf("  open to first full render, first in the process:     %8.1f ms\n", cold);
    std::printf(
        "  open to first full render, median of 5 after it:     %8.1f ms   (goal <= 200 ms: %.2fx of it)\n",
        median(openMs), median(openMs) / 200.0);
    std::printf("  compute + open (median):                             %8.1f ms\n",
                median(computeMs) + median(openMs));

    // (2) A 10-million-point series: Strata's chart against a raw QCustomPlot, same data and size.
    QList<double> time(points);
    QList<double> values(points);
    std::mt19937 random(7);
    std::normal_distribution<double> noise(0.0, 0.0005);
    double level = 0;
    const double start = double(QDateTime(QDate(2005, 1, 3), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    for (qsizetype i = 0; i < points; ++i) {
        time[i] = start + double(i) * 60.0; // one-minute bars
        level += noise(random);
        values[i] = level;
    }
    const QSize size(1280, 420);

    QElapsedTimer feed;
    feed.start();
    TimeSeriesChart strataChart(QStringLiteral("Cumulative return"), TimeSeriesChart::ValueFormat::Percent);
    strataChart.addSeries(QStringLiteral("series"), time, values, QPen(QColor(0x1f, 0x6f, 0xb4), 1.6));
    strataChart.addReferenceLine(0, QPen(Qt::gray, 1));
    strataChart.setTimeRange(time.first(), time.last());
    const double strataFeedMs = elapsedMs(feed);

    feed.restart();
    QCustomPlot raw;
    QCPGraph* graph = raw.addGraph();
    graph->setAdaptiveSampling(true);
    QVector<QCPGraphData> data(points);
    for (qsizetype i = 0; i < points; ++i)
        data[i] = QCPGraphData(time[i], values[i]);
    graph->data()->set(data, true);
    graph->rescaleAxes();
    const double rawFeedMs = elapsedMs(feed);

    strataChart.resize(size);
    raw.resize(size);
    strataChart.show();
    raw.show();
    QCoreApplication::processEvents();
    std::vector<double> strataMs;
    std::vector<double> rawMs;
    for (int i = 0; i < replots; ++i) { // interleaved, so both see the same machine load
        QElapsedTimer timer;
        timer.start();
        strataChart.replot();
        strataMs.push_back(elapsedMs(timer));
        timer.restart();
        raw.replot();
        rawMs.push_back(elapsedMs(timer));
    }
    // Panning by a tenth of the range at a 10 % zoom: the replot an operator waits for while dragging.
    const double span = (time.last() - time.first()) / 10.0;
    std::vector<double> strataPanMs;
    std::vector<double> rawPanMs;
    for (int i = 0; i < replots; ++i) {
        const double from = time.first() + span * (1.0 + 0.1 * i);
        QElapsedTimer timer;
        timer.start();
        strataChart.xAxis->setRange(from, from + span); // its value axis follows: part of the cost
        strataChart.replot();
        strataPanMs.push_back(elapsedMs(timer));
        timer.restart();
        raw.xAxis->setRange(from, from + span);
        raw.replot();
        rawPanMs.push_back(elapsedMs(timer));
    }
    std::printf("series of %lld points, %dx%d px, median of %d replots each (interleaved)\n",
                qlonglong(points), size.width(), size.height(), replots);
    std::printf("  feed: Strata %.0f ms (from QList, sortedness checked), raw %.0f ms (from QVector)\n",
                strataFeedMs, rawFeedMs);
    std::printf("  whole range: Strata %8.1f ms   raw QCustomPlot %8.1f ms   ratio %.2fx (goal <= 1.2x)\n",
                median(strataMs), median(rawMs), median(strataMs) / median(rawMs));
    std::printf("  10 %% zoom, panned: Strata %8.1f ms   raw QCustomPlot %8.1f ms   ratio %.2fx\n",
                median(strataPanMs), median(rawPanMs), median(strataPanMs) / median(rawPanMs));
    return 0;
}
