// The strategy charts on real widgets, offscreen: a tearsheet of ten years of daily data (points, heatmap
// cells, period selection, zoom, pan, Shift+drag, exports), a comparison of three strategies, and
// tearsheets with problems or without data. Tearsheets are computed here from synthetic daily returns.

#include <cmath>
#include <random>

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

#include "Screenshots.h"
#include "strategy/ChartExport.h"
#include "strategy/ComparisonChart.h"
#include "strategy/MonthlyHeatmap.h"
#include "strategy/PerformanceWindows.h"
#include "strategy/RegimeBars.h"
#include "strategy/TearsheetProblems.h"
#include "strategy/TearsheetSummary.h"
#include "strategy/TearsheetView.h"
#include "strategy/TimeSeriesChart.h"

using namespace strata;
using namespace strata::test;

namespace {

constexpr double day = 86400.0;

/// Daily returns of a strategy over `years` of weekdays from `start`, through four market regimes, and
/// everything a tearsheet draws computed from them (as the core's builder does from performance rows).
Tearsheet syntheticTearsheet(const QString& id, const QString& name, quint32 seed, QDate start, int years,
                             double drift = 0.0004)
{
    Tearsheet sheet;
    sheet.strategyId = id;
    sheet.name = name;
    sheet.version = QStringLiteral("1.%1.0").arg(seed % 7);
    std::mt19937 random(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const QStringList regimeNames = {QStringLiteral("bull"), QStringLiteral("bear"),
                                     QStringLiteral("sideways"), QStringLiteral("volatile")};
    const double regimeDrift[] = {drift * 2.0, -drift * 1.5, drift * 0.2, drift * 0.5};
    const double regimeVol[] = {0.008, 0.014, 0.005, 0.022};
    QMap<QString, QList<double>> byRegime;
    int regime = 0;
    double wealth = 1.0;
    double peak = 1.0;
    double sum = 0;
    double sumSquares = 0;
    int wins = 0;
    QMap<int, double> monthGrowth; // year * 100 + month → growth factor
    for (QDate date = start; date < start.addYears(years); date = date.addDays(1)) {
        if (date.dayOfWeek() > 5)
            continue;
        if (uniform(random) < 1.0 / 60.0)
            regime = int(uniform(random) * 4) % 4;
        const double r = regimeDrift[regime] + regimeVol[regime] * noise(random);
        wealth *= 1.0 + r;
        peak = std::max(peak, wealth);
        sheet.time.append(double(QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch()));
        sheet.periodReturn.append(r);
        sheet.cumulativeReturn.append(wealth - 1.0);
        sheet.drawdown.append(wealth / peak - 1.0);
        const int trades = int(uniform(random) * 6);
        sheet.winRate.append(trades == 0 ? std::nan("")
                                         : std::clamp(0.5 + r * 30 + 0.1 * noise(random), 0.0, 1.0));
        sheet.totalTrades += trades;
        wins += r > 0 ? 1 : 0;
        sum += r;
        sumSquares += r * r;
        const int key = date.year() * 100 + date.month();
        monthGrowth[key] = monthGrowth.value(key, 1.0) * (1.0 + r);
        byRegime[regimeNames[regime]].append(r);
    }
    const qsizetype n = sheet.time.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i + 1 < sheet.rollingWindow) {
            sheet.rollingSharpe.append(std::nan(""));
            continue;
        }
        double s = 0, ss = 0;
        for (qsizetype j = i + 1 - sheet.rollingWindow; j <= i; ++j) {
            s += sheet.periodReturn[j];
            ss += sheet.periodReturn[j] * sheet.periodReturn[j];
        }
        const double mean = s / sheet.rollingWindow;
        const double sd = std::sqrt(std::max(ss / sheet.rollingWindow - mean * mean, 1e-12));
        sheet.rollingSharpe.append(mean / sd * std::sqrt(252.0));
    }
    for (auto it = monthGrowth.cbegin(); it != monthGrowth.cend(); ++it)
        sheet.monthlyReturns.append({it.key() / 100, it.key() % 100, it.value() - 1.0});
    for (const QString& regimeName : regimeNames) {
        const QList<double> returns = byRegime.value(regimeName);
        if (returns.isEmpty())
            continue;
        Tearsheet::Regime summary{regimeName, int(returns.size()), 1.0, 0, 0, 0};
        double rs = 0, rss = 0;
        int up = 0;
        for (double r : returns) {
            summary.totalReturn *= 1.0 + r;
            rs += r;
            rss += r * r;
            up += r > 0 ? 1 : 0;
        }
        summary.totalReturn -= 1.0;
        summary.meanReturn = rs / double(returns.size());
        const double sd = std::sqrt(
            std::max(rss / double(returns.size()) - summary.meanReturn * summary.meanReturn, 1e-12));
        summary.sharpe = summary.meanReturn / sd * std::sqrt(252.0);
        summary.winRate = double(up) / double(returns.size());
        sheet.regimes.append(summary);
    }
    const double mean = sum / double(n);
    const double sd = std::sqrt(sumSquares / double(n) - mean * mean);
    sheet.totalReturn = wealth - 1.0;
    sheet.annualisedReturn = std::pow(wealth, 252.0 / double(n)) - 1.0;
    sheet.annualisedVolatility = sd * std::sqrt(252.0);
    sheet.sharpe = mean / sd * std::sqrt(252.0);
    sheet.maxDrawdown = *std::min_element(sheet.drawdown.cbegin(), sheet.drawdown.cend());
    sheet.overallWinRate = double(wins) / double(n);
    return sheet;
}

/// Lets queued replots and layouts run.
void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

QByteArray fileStart(const QString& path, int bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(bytes) : QByteArray();
}

QStringList csvLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestTearsheet : public QObject
{
    Q_OBJECT

private:
    Tearsheet m_tenYears = syntheticTearsheet(QStringLiteral("mom-eu-007"), QStringLiteral("Momentum EU"), 7,
                                              QDate(2015, 1, 1), 10);

private Q_SLOTS:
    void tenYearsOfDailyDataAreDrawnInFull()
    {
        TearsheetView view;
        view.resize(1280, 1900);
        view.setTearsheet(m_tenYears);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        settle();

        const int n = int(m_tenYears.time.size());
        QVERIFY(n > 2500); // ten years of weekdays
        QCOMPARE(view.cumulativeChart()->graphCount(), 1);
        QCOMPARE(view.cumulativeChart()->graph(0)->data()->size(), n);
        QCOMPARE(view.drawdownChart()->graph(0)->data()->size(), n);
        QVERIFY(view.drawdownChart()->graph(0)->brush().style() != Qt::NoBrush); // underwater, filled
        QCOMPARE(view.sharpeChart()->graph(0)->data()->size(), n);
        QCOMPARE(view.winRateChart()->graphCount(), 2); // per period, and its rolling mean
        QCOMPARE(view.winRateChart()->graph(0)->data()->size(), n);
        QCOMPARE(view.winRateChart()->graph(1)->data()->size(), n);
        QCOMPARE(view.cumulativeChart()->graph(0)->data()->at(n - 1)->value,
                 m_tenYears.cumulativeReturn.last());
        QVERIFY(view.cumulativeChart()->graph(0)->adaptiveSampling());

        // The heatmap holds every month of the ten years; March 2018 compounds that month's daily returns.
        MonthlyHeatmap* heatmap = view.heatmap();
        QCOMPARE(heatmap->firstYear(), 2015);
        QCOMPARE(heatmap->yearCount(), 10);
        QCOMPARE(heatmap->filledCells(), 120);
        double march2018 = 1.0;
        for (qsizetype i = 0; i < m_tenYears.time.size(); ++i) {
            const QDate date = QDateTime::fromSecsSinceEpoch(qint64(m_tenYears.time[i]), Qt::UTC).date();
            if (date.year() == 2018 && date.month() == 3)
                march2018 *= 1.0 + m_tenYears.periodReturn[i];
        }
        QVERIFY(std::abs(heatmap->cellValue(2018, 3) - (march2018 - 1.0)) < 1e-12);
        QVERIFY(std::isnan(heatmap->cellValue(2014, 3)));
        QVERIFY(std::isnan(heatmap->cellValue(2018, 13)));
        QVERIFY(heatmap->labelsShown()); // 120 cells at this size: each shows its value

        QCOMPARE(view.regimeBars()->returnBars()->data()->size(), m_tenYears.regimes.size());
        QCOMPARE(view.regimeBars()->sharpeBars()->data()->size(), m_tenYears.regimes.size());
        QCOMPARE(view.summary()->figure(QStringLiteral("Sharpe")),
                 QString::number(m_tenYears.sharpe, 'f', 2));
        QCOMPARE(view.summary()->figure(QStringLiteral("Trades")),
                 QLocale().toString(m_tenYears.totalTrades));
        QVERIFY(view.problemList()->isHidden()); // no problems, no list

        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(keepScreenshots(view, QStringLiteral("tearsheet"), PerformanceWindows::windowSize));
    }

    void aPeriodNarrowsEveryTimeChart()
    {
        TearsheetView view;
        view.resize(1100, 900);
        view.setTearsheet(m_tenYears);
        view.show();
        settle();
        const double first = m_tenYears.time.first();
        const double last = m_tenYears.time.last();
        QCOMPARE(view.visiblePeriod().lower, first);
        QCOMPARE(view.visiblePeriod().upper, last);

        view.periodSelector()->choose(PeriodPreset::OneYear);
        QCOMPARE(view.visiblePeriod().upper, last);
        QVERIFY(std::abs(view.visiblePeriod().size() - 365 * day) <= 1 * day);
        for (TimeSeriesChart* chart : view.timeCharts())
            QCOMPARE(chart->xAxis->range(), view.visiblePeriod()); // linked
        // The value axis follows the year shown: the last year's cumulative returns fill it.
        const QCPRange values = view.cumulativeChart()->yAxis->range();
        QVERIFY(values.contains(m_tenYears.cumulativeReturn.last()));

        view.choosePeriod(PeriodPreset::OneMonth);
        QVERIFY(view.visiblePeriod().size() <= 31 * day);
        view.choosePeriod(PeriodPreset::YearToDate);
        const QDate lastDay = QDateTime::fromSecsSinceEpoch(qint64(last), Qt::UTC).date();
        QCOMPARE(view.visiblePeriod().lower,
                 double(QDateTime(QDate(lastDay.year(), 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch()));
        view.choosePeriod(PeriodPreset::ThreeMonths);
        QVERIFY(view.visiblePeriod().size() <= 92 * day);
        QVERIFY(view.periodSelector()->rangeText().contains(lastDay.toString(Qt::ISODate)));

        view.choosePeriod(PeriodPreset::All);
        QCOMPARE(view.visiblePeriod().lower, first);

        // A period picked with Shift+drag on a chart narrows all of them to what was dragged over.
        TimeSeriesChart* chart = view.drawdownChart();
        const QRect area = chart->axisRect()->rect();
        const QPoint from(area.left() + area.width() / 4, area.center().y());
        const QPoint to(area.left() + area.width() / 2, area.center().y());
        const double expectedFrom = chart->xAxis->pixelToCoord(from.x());
        const double expectedTo = chart->xAxis->pixelToCoord(to.x());
        QTest::mousePress(chart, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(chart, to);
        QTest::mouseRelease(chart, Qt::LeftButton, Qt::ShiftModifier, to);
        QVERIFY(std::abs(view.visiblePeriod().lower - expectedFrom) < 3 * day);
        QVERIFY(std::abs(view.visiblePeriod().upper - expectedTo) < 3 * day);
        QCOMPARE(view.cumulativeChart()->xAxis->range(), view.drawdownChart()->xAxis->range());
    }

    void zoomAndPanMoveTheLinkedCharts()
    {
        TearsheetView view;
        view.resize(1100, 900);
        view.setTearsheet(m_tenYears);
        view.show();
        settle();
        const QCPRange before = view.visiblePeriod();
        TimeSeriesChart* chart = view.cumulativeChart();
        const QPointF centre = chart->axisRect()->rect().center();
        QWheelEvent wheel(centre, chart->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(chart, &wheel);
        const QCPRange zoomed = view.visiblePeriod();
        QVERIFY2(zoomed.size() < before.size() * 0.9, "the wheel zooms in");
        QCOMPARE(view.sharpeChart()->xAxis->range(), zoomed);
        QCOMPARE(view.winRateChart()->xAxis->range(), zoomed);

        // A plain drag pans: same span, earlier dates.
        const QPoint start = chart->axisRect()->rect().center();
        QTest::mousePress(chart, Qt::LeftButton, Qt::NoModifier, start);
        QTest::mouseMove(chart, start + QPoint(200, 0));
        QTest::mouseRelease(chart, Qt::LeftButton, Qt::NoModifier, start + QPoint(200, 0));
        const QCPRange panned = view.visiblePeriod();
        QVERIFY(std::abs(panned.size() - zoomed.size()) < 1.0);
        QVERIFY(panned.lower < zoomed.lower);
        QCOMPARE(view.drawdownChart()->xAxis->range(), panned);
        QVERIFY(view.periodSelector()->rangeText().contains(
            QDateTime::fromSecsSinceEpoch(qint64(panned.lower), Qt::UTC).date().toString(Qt::ISODate)));
    }

    void exportsPngPdfAndCsv()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        TearsheetView view;
        view.resize(1200, 1000);
        view.setTearsheet(m_tenYears);
        view.show();
        settle();

        const QString png = folder.filePath(QStringLiteral("tearsheet.png"));
        const Status pngDone = view.exportPng(png);
        QVERIFY2(pngDone.ok(), pngDone.ok() ? "" : qPrintable(pngDone.error().toText()));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.height() > 1000); // the whole report, not only what the scroll area shows

        const QString pdf = folder.filePath(QStringLiteral("tearsheet.pdf"));
        const Status pdfDone = view.exportPdf(pdf);
        QVERIFY2(pdfDone.ok(), pdfDone.ok() ? "" : qPrintable(pdfDone.error().toText()));
        QCOMPARE(fileStart(pdf, 4), QByteArray("%PDF"));
        QVERIFY(QFileInfo(pdf).size() > 10000);
        // The charts are laid out for the page while exporting, and for the screen again afterwards.
        settle();
        QCOMPARE(view.cumulativeChart()->viewport().size(), view.cumulativeChart()->size());

        const QString csv = folder.filePath(QStringLiteral("tearsheet.csv"));
        QVERIFY(view.exportCsv(csv).ok());
        const QStringList lines = csvLines(csv);
        QCOMPARE(lines.size(), m_tenYears.time.size() + 1);
        QCOMPARE(lines.first(),
                 QStringLiteral("date,period_return,cumulative_return,drawdown,rolling_sharpe,win_rate"));
        const QStringList first = lines[1].split(QLatin1Char(','));
        QCOMPARE(first.size(), 6);
        QCOMPARE(first[0], QStringLiteral("2015-01-01"));
        QVERIFY(std::abs(first[2].toDouble() - m_tenYears.cumulativeReturn.first()) < 1e-12);
        QVERIFY(first[4].isEmpty()); // the rolling Sharpe before its window fills is NaN: an empty cell

        // A folder that does not exist: an error that names the file and says what to do, no file.
        const QString nowhere = folder.filePath(QStringLiteral("missing/folder/tearsheet.csv"));
        const Status failed = view.exportCsv(nowhere);
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().what.contains(nowhere));
        QVERIFY(!failed.error().next.isEmpty());
        QVERIFY(!view.exportPng(folder.filePath(QStringLiteral("missing/t.png"))).ok());
        QVERIFY(!view.exportPdf(folder.filePath(QStringLiteral("missing/t.pdf"))).ok());
    }

    void threeStrategiesCompared()
    {
        const Tearsheet parent = syntheticTearsheet(
            QStringLiteral("mr-001"), QStringLiteral("Mean reversion"), 11, QDate(2019, 1, 1), 6, 0.0003);
        const Tearsheet childA = syntheticTearsheet(
            QStringLiteral("mr-001-a"), QStringLiteral("Mean reversion A"), 12, QDate(2021, 3, 1), 4, 0.0005);
        const Tearsheet childB = syntheticTearsheet(
            QStringLiteral("mr-001-b"), QStringLiteral("Mean reversion B"), 13, QDate(2022, 6, 1), 3, 0.0001);
        ComparisonChart comparison;
        comparison.resize(1200, 620);
        comparison.setStrategies({parent, childA, childB}, childA.strategyId);
        comparison.show();
        QVERIFY(QTest::qWaitForWindowExposed(&comparison));
        settle();

        QCustomPlot* plot = comparison.chart();
        QCOMPARE(plot->graphCount(), 3);
        QVERIFY(plot->legend->visible());
        QCOMPARE(plot->legend->itemCount(), 3);
        auto* focusedEntry = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(1));
        QVERIFY(focusedEntry);
        QVERIFY(focusedEntry->plottable()->name().startsWith(QStringLiteral("Mean reversion A v")));
        QVERIFY(focusedEntry->plottable()->name().endsWith(QStringLiteral("(focus)")));
        QCOMPARE(comparison.graphOf(childB.strategyId)->data()->size(), childB.time.size());
        QVERIFY(comparison.graphOf(childA.strategyId)->pen().widthF() >
                comparison.graphOf(parent.strategyId)->pen().widthF()); // the focused one is thicker
        QVERIFY(comparison.graphOf(parent.strategyId)->pen().color() !=
                comparison.graphOf(childB.strategyId)->pen().color());
        QCOMPARE(plot->xAxis->range().lower, parent.time.first()); // from the earliest start
        QCOMPARE(plot->xAxis->range().upper, childB.time.last());  // to the latest end

        comparison.choosePeriod(PeriodPreset::OneYear);
        QVERIFY(std::abs(plot->xAxis->range().size() - 365 * day) <= day);

        QTemporaryDir folder;
        const QString csv = folder.filePath(QStringLiteral("comparison.csv"));
        QVERIFY(comparison.exportCsv(csv).ok());
        const QStringList lines = csvLines(csv);
        QCOMPARE(lines.first().split(QLatin1Char(',')).size(), 4); // date + three strategies
        QVERIFY(lines.first().contains(QStringLiteral("Mean reversion B v")));
        QSet<double> dates;
        for (const Tearsheet* sheet : {&parent, &childA, &childB})
            for (double t : sheet->time)
                dates.insert(t);
        QCOMPARE(lines.size(), dates.size() + 1);
        // The parent's first day: its own value, nothing yet for the children.
        QCOMPARE(lines[1].split(QLatin1Char(',')).mid(2), QStringList({QString(), QString()}));
        QVERIFY(comparison.exportPng(folder.filePath(QStringLiteral("c.png"))).ok());
        QVERIFY(!QImage(folder.filePath(QStringLiteral("c.png"))).isNull());
        QVERIFY(comparison.exportPdf(folder.filePath(QStringLiteral("c.pdf"))).ok());
        QCOMPARE(fileStart(folder.filePath(QStringLiteral("c.pdf")), 4), QByteArray("%PDF"));

        comparison.choosePeriod(PeriodPreset::All);
        settle();
        QVERIFY(keepScreenshots(comparison, QStringLiteral("comparison"), PerformanceWindows::windowSize));
    }

    void problemsAreListedAndTheChartsStillDraw()
    {
        Tearsheet sheet = syntheticTearsheet(QStringLiteral("brk-404"), QStringLiteral("Breakout"), 21,
                                             QDate(2023, 1, 1), 2);
        sheet.problems = {
            QStringLiteral("row 17: period_end 2023-02-01 is before period_start 2023-02-02; left out"),
            QStringLiteral("row 42: total_return is NULL; left out")};
        sheet.cumulativeReturn[100] = std::nan(""); // a gap in a series draws as a gap
        sheet.regimes.clear();
        TearsheetView view;
        view.resize(1100, 900);
        view.setTearsheet(sheet);
        view.show();
        settle();
        QVERIFY(view.problemList()->isVisible());
        QCOMPARE(view.problemList()->problems(), sheet.problems);
        const QLabel* text = view.problemList()->findChild<QLabel*>();
        QVERIFY(text->text().contains(QStringLiteral("total_return is NULL")));
        QCOMPARE(view.cumulativeChart()->graph(0)->data()->size(), sheet.time.size());
        QCOMPARE(view.heatmap()->yearCount(), 2);
        QCOMPARE(view.regimeBars()->returnBars()->data()->size(), 0);
        QVERIFY(!view.grab().toImage().isNull());

        // Another strategy in the same view: its own figures, and no list when it has no problems.
        view.setTearsheet(m_tenYears);
        settle();
        QVERIFY(view.problemList()->isHidden());
        QCOMPARE(view.cumulativeChart()->graph(0)->data()->size(), m_tenYears.time.size());
    }

    void aTearsheetWithoutPeriodsOrWithOneYear()
    {
        Tearsheet empty;
        empty.strategyId = QStringLiteral("new-001");
        empty.problems = {QStringLiteral("no performance rows")};
        TearsheetView view;
        view.resize(900, 700);
        view.setTearsheet(empty);
        view.show();
        settle();
        QVERIFY(view.summary()->findChildren<QLabel*>().size() > 2);
        QCOMPARE(view.cumulativeChart()->graph(0)->data()->size(), 0);
        QCOMPARE(view.heatmap()->filledCells(), 0);
        QVERIFY(!view.grab().toImage().isNull());
        QVERIFY(view.exportCsv(QDir::temp().filePath(QStringLiteral("strata-empty-tearsheet.csv"))).ok());
        view.choosePeriod(PeriodPreset::OneYear); // nothing to narrow: no crash, no range

        // One year: one row of cells in the heatmap, still readable.
        const Tearsheet year =
            syntheticTearsheet(QStringLiteral("y-1"), QStringLiteral("One year"), 5, QDate(2024, 1, 1), 1);
        view.setTearsheet(year);
        settle();
        QCOMPARE(view.heatmap()->yearCount(), 1);
        QCOMPARE(view.heatmap()->filledCells(), 12);
        QVERIFY(std::abs(view.heatmap()->cellValue(2024, 6) - year.monthlyReturns[5].monthReturn) < 1e-15);

        // A month outside 1..12 in the data is left out, never drawn in a wrong cell.
        Tearsheet odd = year;
        odd.monthlyReturns.append({2024, 13, 0.5});
        view.setTearsheet(odd);
        QCOMPARE(view.heatmap()->filledCells(), 12);
    }
};

QTEST_MAIN(TestTearsheet)
#include "tst_tearsheet.moc"
