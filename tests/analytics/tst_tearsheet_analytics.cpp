// The tearsheet window's analytics on real widgets, offscreen, on SQLite and PostgreSQL: a demo strategy's
// tearsheet opened as the Strategies tab opens it (its StrategyReader, the worker's job), checked against
// what the core's AnalyticsReader computes from the same database — every metric row and cell, the
// benchmark's lines, the drawdown shading and table, the sample boundary and verdict — then another
// benchmark chosen in the window (None, a CSV file with a bad line, a column) read on a worker, and a
// read cancelled.

#include <algorithm>
#include <cmath>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "../gui/Screenshots.h"
#include "StrategyDatabase.h"
#include "analytics/AnalyticsReader.h"
#include "analytics/AnalyticsTimeline.h"
#include "analytics/BenchmarkChooser.h"
#include "analytics/BenchmarkLoader.h"
#include "analytics/DrawdownPeriodsTable.h"
#include "analytics/MetricDefinition.h"
#include "analytics/MetricTableView.h"
#include "analytics/ReturnDistributionChart.h"
#include "analytics/RollingRiskChart.h"
#include "analytics/SampleSplitBanner.h"
#include "analytics/TearsheetExportMenu.h"
#include "analytics/YearlyReturnsChart.h"
#include "common/ErrorBanner.h"
#include "jobs/JobRunner.h"
#include "strategy/PerformanceWindows.h"
#include "strategy/StrategiesPage.h"
#include "strategy/StrategyDemo.h"
#include "strategy/StrategyReader.h"
#include "strategy/StrategyStore.h"
#include "strategy/TearsheetView.h"
#include "strategy/TimeSeriesChart.h"

using namespace strata;
using namespace strata::test;

namespace {

constexpr int demoDays = 420; // past a year: the 12-month rolling beta and volatility have values

/// A database of either engine with the strategy set applied and the demo's strategies in it.
struct DemoDatabase : StrategyDatabase
{
    explicit DemoDatabase(const QString& engine) : StrategyDatabase(engine)
    {
        if (!error.isEmpty())
            return;
        StrategyDemo::Options options;
        options.count = 12;
        options.days = demoDays;
        options.seed = 18;
        if (auto filled = StrategyDemo::fill(*db, options); !filled)
            error = filled.error().toText();
    }
};

bool loadAndWait(StrategiesPage& page, const QString& url)
{
    QSignalSpy shown(&page, &StrategiesPage::lineageShown);
    auto parsed = ConnectionUrl::parse(url);
    if (!parsed)
        return false;
    page.load(*parsed);
    return shown.wait(60000) && shown.first().at(0).toBool();
}

} // namespace

class TestTearsheetAnalytics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The settings of this test only (the theme the screenshots switch): never the operator's.
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
        QApplication::setOrganizationName(QStringLiteral("StrataTearsheetAnalyticsTest"));
        QApplication::setApplicationName(QStringLiteral("StrataTearsheetAnalyticsTest"));
    }

    void theWindowShowsTheAnalyticsOfTheCore_data() { engines(); }
    void theWindowShowsTheAnalyticsOfTheCore()
    {
        QFETCH(QString, engine);
        DemoDatabase d(engine);
        if (!d.error.isEmpty())
            QFAIL(qPrintable(d.error));

        // A strategy with a parent (the default benchmark), and what the core computes for it.
        StrategyStore store(*d.db);
        auto graph = store.lineage();
        QVERIFY2(graph, graph ? "" : qPrintable(graph.error().toText()));
        QString id;
        for (int i = 0; i < graph->strategies().size() && id.isEmpty(); ++i)
            if (!graph->parents(i).isEmpty())
                id = graph->strategies().at(i).strategyId;
        QVERIFY2(!id.isEmpty(), "the demo has no strategy with a parent");
        auto read = AnalyticsReader(*d.db).read(id);
        QVERIFY2(read, read ? "" : qPrintable(read.error().toText()));
        const StrategyAnalytics& expected = *read;
        const qsizetype days = expected.returns.size();
        QVERIFY(days >= 300);
        QVERIFY2(!expected.benchmark.isEmpty(), qPrintable(expected.benchmarkNote));
        QVERIFY(!expected.worstDrawdowns.isEmpty());
        QVERIFY2(expected.split.boundary.isValid(), "the demo's versions split the history in two");
        QVERIFY(!expected.split.verdict.isEmpty());

        // Opened as the lineage page opens it: read on a worker, shown in the tearsheet window.
        StrategiesPage page;
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(loadAndWait(page, d.url));
        QSignalSpy opened(&page, &StrategiesPage::tearsheetShown);
        page.openTearsheet(id);
        QVERIFY(opened.wait(60000));
        TearsheetView* view = page.tearsheetView();
        QVERIFY(view && view->isVisible());
        QVERIFY(view->hasAnalytics());
        screenshots::settle();
        const StrategyAnalytics& shown = view->analytics();
        QCOMPARE(shown.tearsheet.strategyId, id);
        QCOMPARE(shown.returns.size(), days);
        QCOMPARE(shown.benchmarkChoice.kind, BenchmarkChoice::Kind::Parent);

        // The metric table: every MetricDefinition row under its section, the core's four columns, each
        // cell the core's number formatted by its unit.
        MetricTableView* table = view->metricTable();
        QVERIFY(table->isVisible());
        QCOMPARE(expected.metrics.size(), 4);
        QStringList titles;
        for (const MetricColumn& column : expected.metrics)
            titles << column.title;
        QCOMPARE(titles, QStringList({QStringLiteral("Strategy"), QStringLiteral("Benchmark"),
                                      QStringLiteral("In sample"), QStringLiteral("Out of sample")}));
        const QList<MetricDefinition>& definitions = MetricDefinition::all();
        QVERIFY(definitions.size() > 40);
        QCOMPARE(table->metricRows(), int(definitions.size()));
        for (const MetricDefinition& definition : definitions) {
            const int row = table->rowOf(definition.key);
            QVERIFY2(row >= 0, qPrintable(definition.key));
            QCOMPARE(table->cellText(row, 0).trimmed(), MetricTableView::displayLabel(definition));
            QCOMPARE(QString(definition.label).replace(QChar(0xFE6A), QLatin1Char('%')),
                     MetricTableView::displayLabel(definition));
            for (const MetricColumn& column : expected.metrics) {
                const int c = table->columnOf(column.title);
                QVERIFY2(c > 0, qPrintable(column.title));
                QCOMPARE(table->cellText(row, c),
                         MetricTableView::formatValue(definition, column.value(definition.key)));
            }
        }
        // One cell spelled out: the strategy's Sharpe with two decimals, its max drawdown as a percentage.
        const int sharpeRow = table->rowOf(QStringLiteral("sharpe"));
        QVERIFY(sharpeRow >= 0);
        QCOMPARE(table->cellText(sharpeRow, table->columnOf(QStringLiteral("Strategy"))),
                 QString::number(expected.metrics[0].value(QStringLiteral("sharpe")), 'f', 2));
        const int drawdownRow = table->rowOf(QStringLiteral("max_drawdown"));
        QVERIFY(drawdownRow >= 0);
        QCOMPARE(
            table->cellText(drawdownRow, table->columnOf(QStringLiteral("Out of sample"))),
            QStringLiteral("%1 %").arg(QString::number(
                expected.split.outOfSampleMetrics.value(QStringLiteral("max_drawdown")) * 100.0, 'f', 2)));
        QVERIFY(table->copyText().startsWith(
            QStringLiteral("Metric\tStrategy\tBenchmark\tIn sample\tOut of sample\n")));

        // The cumulative chart: the benchmark and its volatility-matched line, one point a day; the worst
        // drawdowns shaded; the boundary at the split's first out-of-sample day, both parts labelled.
        const CumulativeOverlay::Drawn& overlay = view->cumulativeOverlay();
        QVERIFY(overlay.benchmark && overlay.volMatched);
        QCOMPARE(overlay.benchmark->data()->size(), int(days));
        QCOMPARE(overlay.volMatched->data()->size(), int(days));
        QCOMPARE(overlay.benchmark->data()->at(int(days) - 1)->value,
                 expected.benchmarkCumulativeByDay.last());
        QVERIFY(view->cumulativeChart()->legend->visible());
        QCOMPARE(overlay.drawdownShading.size(), expected.worstDrawdowns.size());
        QCOMPARE(overlay.drawdownShading.first()->topLeft->coords().x(),
                 AnalyticsTimeline::at(expected.worstDrawdowns.first().start));
        QVERIFY(overlay.boundary);
        QCOMPARE(overlay.boundary->point1->coords().x(), AnalyticsTimeline::at(expected.split.boundary));
        QCOMPARE(overlay.boundary->point2->coords().x(), AnalyticsTimeline::at(expected.split.boundary));
        QVERIFY(overlay.inSampleLabel && overlay.outOfSampleLabel && overlay.outOfSampleTint);
        QCOMPARE(overlay.outOfSampleTint->topLeft->coords().x(),
                 AnalyticsTimeline::at(expected.split.boundary));

        // A theme switch draws the overlays again in the theme's colours, no more and no fewer.
        const Theme::Choice themeBefore = Theme::instance().choice();
        Theme::instance().choose(Theme::Choice::Dark);
        QCOMPARE(view->cumulativeOverlay().drawdownShading.size(), expected.worstDrawdowns.size());
        QCOMPARE(view->cumulativeChart()->graphCount(), 3); // the strategy, the benchmark, matched
        QCOMPARE(view->cumulativeChart()->itemCount(), 1 + int(expected.worstDrawdowns.size()) + 4);
        Theme::instance().choose(themeBefore);
        QCOMPARE(view->cumulativeChart()->itemCount(), 1 + int(expected.worstDrawdowns.size()) + 4);

        // The verdict above the charts, coloured by whether it held up.
        QVERIFY(view->splitBanner()->isVisible());
        QCOMPARE(view->splitBanner()->verdict(), expected.split.verdict);
        QCOMPARE(view->splitBanner()->tone(),
                 expected.split.heldUp ? QStringLiteral("held-up") : QStringLiteral("did-not-hold-up"));

        // Rolling beta and volatility, linked to the other time charts.
        QVERIFY(view->betaChart()->series(QStringLiteral("12 months")));
        QCOMPARE(view->betaChart()->series(QStringLiteral("12 months"))->data()->size(), int(days));
        QVERIFY(view->volatilityChart()->series(QStringLiteral("Benchmark 6 months")));
        for (TimeSeriesChart* chart : view->timeCharts())
            QCOMPARE(chart->xAxis->range(), view->visiblePeriod());
        QCOMPARE(view->charts().size(), 11);
        QCOMPARE(view->timeCharts().size(), 6);
        QCOMPARE(view->tearsheetCharts().size(), 6);
        QCOMPARE(view->tearsheetTimeCharts().size(), 4);
        QCOMPARE(view->charts().at(2), view->betaChart()); // top to bottom, as laid out
        QCOMPARE(view->yearlyChart()->strategyBars()->data()->size(), int(expected.yearly.size()));
        QCOMPARE(view->yearlyChart()->benchmarkBars()->data()->size(), int(expected.yearly.size()));
        QCOMPARE(view->dailyDistributionChart()->total(), int(days));
        QCOMPARE(view->monthlyDistributionChart()->total(), int(expected.monthlyReturns.size()));

        // The worst drawdowns listed; a click on one shows it on every time chart.
        DrawdownPeriodsTable* worst = view->drawdownTable();
        QCOMPARE(worst->rowCount(), int(expected.worstDrawdowns.size()));
        const DrawdownPeriod& deepest = expected.worstDrawdowns.first();
        QCOMPARE(worst->item(0, 1)->text(), deepest.start.toString(Qt::ISODate));
        QCOMPARE(worst->item(0, 3)->text(),
                 deepest.recovered() ? deepest.end.toString(Qt::ISODate) : QStringLiteral("not recovered"));
        QTest::mouseClick(worst->viewport(), Qt::LeftButton, {},
                          worst->visualItemRect(worst->item(0, 2)).center());
        const QCPRange zoomed = view->visiblePeriod();
        QVERIFY(zoomed.lower < AnalyticsTimeline::at(deepest.start));
        QVERIFY(zoomed.upper >
                AnalyticsTimeline::at(deepest.recovered() ? deepest.end : expected.returns.day.last()));
        QVERIFY(zoomed.size() < view->cumulativeChart()->fullTimeRange().size());
        QCOMPARE(view->betaChart()->xAxis->range(), zoomed);
        view->choosePeriod(PeriodPreset::All);

        // The exports carry the new parts: every chart in the PDF, the benchmark's columns in the CSV.
        QTemporaryDir folder;
        const QString csv = folder.filePath(QStringLiteral("t.csv"));
        QVERIFY(view->exportCsv(csv).ok());
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(csvFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), int(days) + 1);
        QVERIFY(lines.first().startsWith(QStringLiteral("date,period_return,cumulative_return,drawdown,")));
        QVERIFY(lines.first().contains(
            QStringLiteral(",benchmark_cumulative,vol_matched_cumulative,rolling_beta_6m,")));
        QVERIFY(lines.last().endsWith(QStringLiteral(",out")));
        QVERIFY(view->exportPdf(folder.filePath(QStringLiteral("t.pdf"))).ok());
        QVERIFY(QFileInfo(folder.filePath(QStringLiteral("t.pdf"))).size() > 20000);
        QVERIFY(view->exportPng(folder.filePath(QStringLiteral("t.png"))).ok());
        auto* exportMenu = view->findChild<TearsheetExportMenu*>();
        QVERIFY(exportMenu && exportMenu->reportAction()->isEnabled()); // offered with the analytics
        const QString html = folder.filePath(QStringLiteral("t.html"));
        const Status htmlDone = view->exportHtml(html);
        QVERIFY2(htmlDone.ok(), htmlDone.ok() ? "" : qPrintable(htmlDone.error().toText()));
        QFile htmlFile(html);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString report = QString::fromUtf8(htmlFile.readAll());
        QVERIFY(report.contains(QStringLiteral("<html"), Qt::CaseInsensitive));
        QVERIFY(report.contains(QStringLiteral("data:image/png;base64,")));

        // The window fits the smallest screen Strata supports, chooser and all.
        QVERIFY2(view->minimumSizeHint().width() <= PerformanceWindows::windowSize(QSize(1024, 700)).width(),
                 qPrintable(QString::number(view->minimumSizeHint().width())));
        if (engine == QLatin1String("sqlite")) {
            QVERIFY(keepScreenshots(*view, QStringLiteral("tearsheet-analytics"),
                                    PerformanceWindows::windowSize));
            // The whole report too (what scrolls below the window), as the PNG export writes it.
            const QString shots = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
            if (!shots.isEmpty()) {
                const QSize before = view->size();
                for (const QSize& screen : screenshotScreens())
                    for (const auto& [name, choice] :
                         {std::pair{QStringLiteral("light"), Theme::Choice::Light},
                          std::pair{QStringLiteral("dark"), Theme::Choice::Dark}}) {
                        view->resize(PerformanceWindows::windowSize(screen));
                        Theme::instance().choose(choice);
                        screenshots::settle();
                        QVERIFY(view->exportPng(QDir(shots).filePath(
                                                    QStringLiteral("tearsheet-analytics-report-%1-%2x%3.png")
                                                        .arg(name)
                                                        .arg(screen.width())
                                                        .arg(screen.height())))
                                    .ok());
                    }
                Theme::instance().choose(Theme::Choice::Light);
                view->resize(before);
                screenshots::settle();
            }
        }

        // "None": read again on a worker (the window is not redrawn before the read ends), then no
        // Benchmark column and no benchmark line.
        QSignalSpy redrawn(view, &TearsheetView::analyticsShown);
        BenchmarkChoice none;
        none.kind = BenchmarkChoice::Kind::None;
        view->benchmarkChooser()->choose(none);
        QVERIFY(view->benchmarkChooser()->isReading());
        QCOMPARE(view->analytics().benchmarkChoice.kind, BenchmarkChoice::Kind::Parent);
        QVERIFY(redrawn.wait(60000));
        QCOMPARE(view->analytics().benchmarkChoice.kind, BenchmarkChoice::Kind::None);
        QVERIFY(!view->benchmarkChooser()->isReading());
        QCOMPARE(table->columnOf(QStringLiteral("Benchmark")), -1);
        QVERIFY(table->columnOf(QStringLiteral("In sample")) > 0);
        QVERIFY(!view->cumulativeOverlay().benchmark);
        QCOMPARE(view->yearlyChart()->benchmarkBars()->data()->size(), 0);

        // A CSV benchmark with a bad line: the core's error in the window's banner, the analytics shown
        // (no benchmark) left as they were.
        const QString badCsv = folder.filePath(QStringLiteral("benchmark.csv"));
        QFile bad(badCsv);
        QVERIFY(bad.open(QIODevice::WriteOnly | QIODevice::Text));
        QByteArray text = "date,close\n";
        for (int i = 0; i < 30; ++i)
            text += expected.returns.day.at(i).toString(Qt::ISODate).toUtf8() + "," +
                    QByteArray::number(100 + i) + "\n";
        text += "2024-02-30,not a price\n";
        bad.write(text);
        bad.close();
        auto choice = BenchmarkChoice::parse(QStringLiteral("csv:") + badCsv);
        QVERIFY(choice);
        auto loaded = BenchmarkLoader(*d.db).load(*store.strategy(id).value(), *choice);
        QVERIFY2(!loaded, "the core refuses a CSV file with a bad line");
        view->benchmarkChooser()->choose(*choice);
        QVERIFY(view->benchmarkChooser()->isReading());
        QTRY_VERIFY_WITH_TIMEOUT(!view->benchmarkChooser()->isReading(), 60000);
        QVERIFY(view->banner()->isVisible());
        // The banner shows the core's words (as rich text: its quotes escaped).
        QVERIFY2(view->banner()->text().contains(loaded.error().what.toHtmlEscaped()),
                 qPrintable(view->banner()->text()));
        QCOMPARE(redrawn.size(), 1);
        if (engine == QLatin1String("sqlite"))
            QVERIFY(keepScreenshots(*view, QStringLiteral("tearsheet-analytics-benchmark-error"),
                                    PerformanceWindows::windowSize, {QSize(1024, 700)}));
        QCOMPARE(view->analytics().benchmarkChoice.kind, BenchmarkChoice::Kind::None);
        QCOMPARE(table->columnOf(QStringLiteral("Benchmark")), -1);
        QCOMPARE(view->analytics().returns.size(), days);

        // Back to the parent: its column and line again.
        view->benchmarkChooser()->choose(BenchmarkChoice{});
        QVERIFY(redrawn.wait(60000));
        QVERIFY(table->columnOf(QStringLiteral("Benchmark")) > 0);
        QVERIFY(view->cumulativeOverlay().benchmark);
        QVERIFY(view->banner()->text().isEmpty() ||
                !view->banner()->text().contains(loaded.error().what.toHtmlEscaped()));

        // A column of the open database, typed as the operator types it: index_prices.close by day.
        const bool pg = d.db->dialect() == Dialect::Postgres;
        QVERIFY(
            d.db->execute(pg ? QStringLiteral("CREATE TABLE index_prices (day DATE, close DOUBLE PRECISION)")
                             : QStringLiteral("CREATE TABLE index_prices (day TEXT, close REAL)")));
        double price = 100;
        for (qsizetype i = 0; i < days; ++i) {
            price *= 1.0 + 0.002 * std::sin(double(i) / 9.0); // a slow wave, never flat
            QVERIFY(d.db->execute(QStringLiteral("INSERT INTO index_prices (day, close) VALUES (?, ?)"),
                                  {expected.returns.day.at(i).toString(Qt::ISODate), price}));
        }
        auto column = BenchmarkChoice::parse(QStringLiteral("column:index_prices.close@day"));
        QVERIFY(column);
        auto againstColumn = AnalyticsReader(*d.db).read(id, *column);
        QVERIFY2(againstColumn, againstColumn ? "" : qPrintable(againstColumn.error().toText()));
        BenchmarkChooser* chooser = view->benchmarkChooser();
        chooser->kindBox()->setCurrentIndex(chooser->kindBox()->findData(int(BenchmarkChoice::Kind::Column)));
        QVERIFY(chooser->argumentField()->isVisible());
        QVERIFY(chooser->argumentField()->text().isEmpty());
        QTest::keyClicks(chooser->argumentField(), QStringLiteral("index_prices.close@day"));
        QTest::mouseClick(chooser->applyButton(), Qt::LeftButton);
        QVERIFY(redrawn.wait(60000));
        QCOMPARE(view->analytics().benchmarkChoice.kind, BenchmarkChoice::Kind::Column);
        QCOMPARE(view->analytics().benchmarkChoice.table, QStringLiteral("index_prices"));
        QCOMPARE(view->cumulativeOverlay().benchmark->data()->size(), int(days));
        const int benchmarkColumn = table->columnOf(QStringLiteral("Benchmark"));
        QVERIFY(benchmarkColumn > 0);
        const MetricDefinition* cumulative = MetricDefinition::find(QStringLiteral("cumulative_return"));
        QVERIFY(cumulative);
        QCOMPARE(
            table->cellText(table->rowOf(cumulative->key), benchmarkColumn),
            MetricTableView::formatValue(*cumulative, againstColumn->metrics.at(1).value(cumulative->key)));
        QCOMPARE(chooser->argumentField()->text(), QStringLiteral("index_prices.close@day"));

        // Cancel while a benchmark is read: the read stops, the banner says so, the analytics against the
        // column stay and the chooser shows that column again; the stopped read's result is never shown.
        auto* reader = page.findChild<StrategyReader*>();
        QVERIFY(reader);
        const qsizetype shownBefore = redrawn.size();
        chooser->choose(none);
        QVERIFY(chooser->isReading());
        QVERIFY(reader->isReadingBenchmark());
        QVERIFY(chooser->cancelButton()->isVisible());
        QVERIFY(!chooser->kindBox()->isEnabled());
        if (const QString shots = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
            !shots.isEmpty() && engine == QLatin1String("sqlite")) {
            view->layout()->activate(); // no event loop here: the read must still be running
            chooser->layout()->activate();
            QVERIFY(
                view->grab(QRect(0, 0, view->width(), 160))
                    .save(QDir(shots).filePath(QStringLiteral("tearsheet-analytics-benchmark-reading.png"))));
        }
        chooser->cancelButton()->click();
        QVERIFY(!chooser->isReading());
        QVERIFY(!reader->isReadingBenchmark());
        QVERIFY(!chooser->cancelButton()->isVisible());
        QVERIFY(chooser->kindBox()->isEnabled());
        QVERIFY2(view->banner()->text().contains(QStringLiteral("The benchmark read was cancelled")),
                 qPrintable(view->banner()->text()));
        QCOMPARE(chooser->kindBox()->currentData().toInt(), int(BenchmarkChoice::Kind::Column));
        QCOMPARE(chooser->argumentField()->text(), QStringLiteral("index_prices.close@day"));
        // The stopped job ends on its worker (every runner of the reader idle), and nothing is redrawn.
        const auto anyRunning = [reader] {
            const QList<JobRunner*> runners = reader->findChildren<JobRunner*>();
            return std::any_of(runners.begin(), runners.end(), [](JobRunner* r) { return r->isRunning(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(!anyRunning(), 60000);
        QCoreApplication::processEvents();
        QCOMPARE(redrawn.size(), shownBefore);
        QCOMPARE(view->analytics().benchmarkChoice.kind, BenchmarkChoice::Kind::Column);
        QVERIFY(view->cumulativeOverlay().benchmark);
        QVERIFY(table->columnOf(QStringLiteral("Benchmark")) > 0);

        // The database closed while a benchmark is read: the window stops waiting and says so.
        chooser->choose(none);
        QVERIFY(chooser->isReading());
        page.clear();
        QVERIFY(!chooser->isReading());
        QVERIFY2(view->banner()->text().contains(QStringLiteral("The benchmark was not read")),
                 qPrintable(view->banner()->text()));
        QCOMPARE(view->analytics().benchmarkChoice.kind, BenchmarkChoice::Kind::Column);
    }

private:
    void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    QTemporaryDir m_home;
};

QTEST_MAIN(TestTearsheetAnalytics)
#include "tst_tearsheet_analytics.moc"
