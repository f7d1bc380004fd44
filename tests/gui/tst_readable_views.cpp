// The views of a 1024x700 screen and of a 1600x1000 one, on real widgets, offscreen, with real SQLite
// demo data: the lineage and the ER diagram open at a readable zoom (the zoom buttons still work), the
// tearsheet window fits the screen and its bottom charts never squeeze their labels together, Compare
// overlays every chart of the tearsheet with each strategy, the date axis never repeats a label at any
// zoom, an option described "P&L" is drawn as written, and the bundled demo set is named, not shown as a
// Qt resource path.

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "connection/DemoWorkspace.h"
#include "connection/RecentConnections.h"
#include "demo/RiskStateDemo.h"
#include "diagram/ErDiagramPage.h"
#include "diagram/ErDiagramScene.h"
#include "diagram/ErDiagramView.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "migrations/PlanPreviewDialog.h"
#include "migrations/TimelinePage.h"
#include "schema/SchemaReader.h"
#include "strategy/ComparisonChart.h"
#include "strategy/DateTicker.h"
#include "strategy/LineageScene.h"
#include "strategy/LineageView.h"
#include "strategy/PerformanceWindows.h"
#include "strategy/RegimeBars.h"
#include "strategy/RegimeComparison.h"
#include "strategy/StrategiesPage.h"
#include "strategy/StrategyDemo.h"
#include "strategy/TearsheetView.h"
#include "strategy/TimeSeriesChart.h"

using namespace strata;
using namespace strata::test;

namespace {

constexpr double day = 86400.0;
const QList<QSize> screens{QSize(1024, 700), QSize(1600, 1000)};

QString sizeName(const QSize& size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

/// A real SQLite file with the strategy set applied and the strategy demo (its default size) in it.
Result<QString> strategyDemo(const QString& path)
{
    if (QFile file(path); !file.open(QIODevice::WriteOnly)) // an empty file: an empty SQLite database
        return Error::failed(file.errorString(), {}, {});
    const QString url = QStringLiteral("sqlite:") + path;
    auto db = MigrationHarness::open(url);
    if (!db)
        return db.error();
    auto set = MigrationHarness::load(StrategyDemo::bundledSet());
    if (!set)
        return set.error();
    if (auto migrated = MigrationHarness::migrate(**db, *set); !migrated)
        return migrated.error();
    if (auto filled = StrategyDemo::fill(**db, {}); !filled)
        return filled.error();
    return url;
}

/// The risk-state demo with the strategy tables beside it: the ER diagram of the screenshots.
Result<SchemaSnapshot> demoSchema(const QString& path)
{
    if (Status made = RiskStateDemo::create(path); !made)
        return made.error();
    auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
    if (!db)
        return db.error();
    auto set = MigrationHarness::load(StrategyDemo::bundledSet());
    if (!set)
        return set.error();
    if (auto migrated = MigrationHarness::migrate(**db, *set); !migrated)
        return migrated.error();
    return SchemaReader(**db).read();
}

bool loadLineage(StrategiesPage& page, const QString& url)
{
    QSignalSpy shown(&page, &StrategiesPage::lineageShown);
    auto parsed = ConnectionUrl::parse(url);
    if (!parsed)
        return false;
    page.load(*parsed);
    return shown.wait(60000) && shown.first().at(0).toBool();
}

/// The scene rectangle the view shows.
QRectF shownScene(QGraphicsView& view)
{
    return view.mapToScene(view.viewport()->rect()).boundingRect();
}

/// The labels `ticker` writes on an axis showing `range`.
QStringList tickLabels(QCPAxisTicker& ticker, const QCPRange& range)
{
    QVector<double> ticks;
    QVector<double> subTicks;
    QVector<QString> labels;
    ticker.generate(range, QLocale::c(), QLatin1Char('g'), 6, ticks, &subTicks, &labels);
    return QStringList(labels.cbegin(), labels.cend());
}

/// The widest line of the tick labels of `axis` (the labels may hold several lines).
double widestTickLabel(const QCPAxis& axis, const QStringList& labels)
{
    const QFontMetricsF metrics(axis.tickLabelFont());
    double widest = 0;
    for (const QString& label : labels)
        for (const QString& line : label.split(QLatin1Char('\n')))
            widest = std::max(widest, metrics.horizontalAdvance(line));
    return widest;
}

/// Whether the text ticks of `axis` leave room between labels: the distance between two ticks in pixels
/// is wider than the widest label.
bool textTicksHaveRoom(QCPAxis& axis)
{
    auto ticker = axis.ticker().dynamicCast<QCPAxisTickerText>();
    if (!ticker || ticker->ticks().size() < 2)
        return false;
    const QList<double> keys = ticker->ticks().keys();
    const double apart = std::abs(axis.coordToPixel(keys[1]) - axis.coordToPixel(keys[0]));
    return apart > widestTickLabel(axis, ticker->ticks().values()) + 4;
}

/// The text Qt draws for a button label: "&&" is one "&", a single "&" marks a shortcut and is not drawn.
QString drawnText(const QString& label)
{
    QString drawn;
    for (qsizetype i = 0; i < label.size(); ++i) {
        if (label[i] == QLatin1Char('&') && i + 1 < label.size()) {
            ++i;
            if (label[i] != QLatin1Char('&')) {
                drawn += label[i];
                continue;
            }
        }
        drawn += label[i];
    }
    return drawn;
}

} // namespace

class TestReadableViews : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_strategies; ///< the url of the strategy demo

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataTest"));
        QDir(DemoWorkspace::folder()).removeRecursively();
        RecentConnections::clear();
        QVERIFY(m_dir.isValid());
        auto made = strategyDemo(m_dir.filePath(QStringLiteral("strategies.db")));
        QVERIFY2(made, qPrintable(made ? QString() : made.error().toText()));
        m_strategies = *made;
    }

    void theLineageOpensReadableAndTheZoomButtonsWork()
    {
        for (const QSize& screen : screens) {
            StrategiesPage page;
            page.resize(screen);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QVERIFY(loadLineage(page, m_strategies));
            QTest::qWait(50);
            LineageView* view = page.view();
            const QRectF whole = page.scene()->shownRect();
            // Readable: never below the legible zoom, even though the whole lineage does not fit.
            QVERIFY2(view->zoom() >= DiagramView::legibleZoom - 1e-9,
                     qPrintable(QStringLiteral("%1: %2").arg(sizeName(screen)).arg(view->zoom())));
            // It opens at its top-left corner: where reading starts.
            const QRectF shown = shownScene(*view);
            QVERIFY2(shown.contains(whole.topLeft() + QPointF(1, 1)) || shown.contains(whole),
                     qPrintable(sizeName(screen)));
            QVERIFY(
                keepScreenshots(page, QStringLiteral("strategy-lineage-opened"), fillsTheScreen, {screen}));

            // The buttons still zoom in, out, to 100% and fit the whole lineage.
            const double opened = view->zoom();
            page.findChild<QToolButton*>(QStringLiteral("zoomInButton"))->click();
            QVERIFY(view->zoom() > opened * 1.2);
            page.findChild<QToolButton*>(QStringLiteral("zoomOutButton"))->click();
            page.findChild<QToolButton*>(QStringLiteral("zoomOutButton"))->click();
            QVERIFY(view->zoom() < opened);
            page.findChild<QToolButton*>(QStringLiteral("fitButton"))->click();
            QTest::qWait(50); // the scroll bars go once everything fits
            QVERIFY2(shownScene(*view).adjusted(-2, -2, 2, 2).contains(whole),
                     qPrintable(QStringLiteral("%1 %2 %3 %4 in %5 %6 %7 %8 at %9")
                                    .arg(whole.x())
                                    .arg(whole.y())
                                    .arg(whole.width())
                                    .arg(whole.height())
                                    .arg(shownScene(*view).x())
                                    .arg(shownScene(*view).y())
                                    .arg(shownScene(*view).width())
                                    .arg(shownScene(*view).height())
                                    .arg(view->zoom())));
            page.findChild<QToolButton*>(QStringLiteral("actualSizeButton"))->click();
            QCOMPARE(view->zoom(), 1.0);
        }
    }

    void theErDiagramOpensReadable()
    {
        auto snapshot = demoSchema(m_dir.filePath(QStringLiteral("state.db")));
        QVERIFY2(snapshot, qPrintable(snapshot ? QString() : snapshot.error().toText()));
        for (const QSize& screen : screens) {
            ErDiagramPage page;
            page.resize(screen);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QSignalSpy laidOut(page.scene(), &ErDiagramScene::laidOut);
            page.setSnapshot(*snapshot, QStringLiteral("state.db"));
            QVERIFY(laidOut.wait(60000));
            QTest::qWait(50);
            ErDiagramView* view = page.view();
            QVERIFY2(view->zoom() >= DiagramView::legibleZoom - 1e-9,
                     qPrintable(QStringLiteral("%1: %2").arg(sizeName(screen)).arg(view->zoom())));
            const QRectF whole = page.scene()->sceneRect();
            const QRectF shown = shownScene(*view);
            QVERIFY(shown.contains(whole.topLeft() + QPointF(1, 1)) || shown.contains(whole));
            QVERIFY(keepScreenshots(page, QStringLiteral("er-diagram-opened"), fillsTheScreen, {screen}));
            const double opened = view->zoom();
            view->zoomIn();
            QVERIFY(view->zoom() > opened);
            view->fitAll();
            QTest::qWait(50);
            QVERIFY(shownScene(*view).adjusted(-2, -2, 2, 2).contains(whole));
        }
    }

    void theTearsheetWindowFitsTheScreenAndItsLabelsHaveRoom()
    {
        // The window the lineage opens fits the screen it opens on (offscreen: the platform's screen).
        StrategiesPage page;
        page.resize(1024, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(loadLineage(page, m_strategies));
        const QString id = page.scene()->graph().strategies().first().strategyId;
        QSignalSpy opened(&page, &StrategiesPage::tearsheetShown);
        page.openTearsheet(id);
        QVERIFY(opened.wait(30000));
        TearsheetView* sheet = page.tearsheetView();
        QVERIFY(sheet && sheet->isVisible());
        const QRect available = sheet->screen()->availableGeometry();
        QVERIFY2(sheet->height() <= available.height() && sheet->width() <= available.width(),
                 qPrintable(QStringLiteral("%1x%2 on %3x%4")
                                .arg(sheet->width())
                                .arg(sheet->height())
                                .arg(available.width())
                                .arg(available.height())));

        for (const QSize& screen : screens) {
            const QSize size = PerformanceWindows::windowSize(screen);
            QVERIFY(size.height() <= screen.height() - 40 && size.width() <= screen.width() - 40);
            QVERIFY(size.height() >= screen.height() - 60); // the screen's height is used
            sheet->resize(size);
            QTest::qWait(80);
            QCOMPARE(sheet->size(), size); // nothing inside forces the window larger
            QVERIFY(sheet->minimumSizeHint().height() <= size.height());
            QCOMPARE(sheet->bottomSideBySide(), size.width() >= TearsheetView::sideBySideWidth);
            // The regimes' labels (name, periods, mean) never run into each other, in the window and in
            // the PNG export (a picture of the same report).
            sheet->regimeBars()->replot();
            QVERIFY2(textTicksHaveRoom(*sheet->regimeBars()->xAxis), qPrintable(sizeName(screen)));
            QTemporaryDir out;
            QVERIFY(sheet->exportPng(out.filePath(QStringLiteral("t.png"))).ok());
            QVERIFY(sheet->exportPdf(out.filePath(QStringLiteral("t.pdf"))).ok());
            QVERIFY(keepScreenshots(*sheet, QStringLiteral("tearsheet-window"),
                                    PerformanceWindows::windowSize, {screen}));
            if (const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR"); !folder.isEmpty())
                QVERIFY(sheet
                            ->exportPng(QDir(folder).filePath(
                                QStringLiteral("tearsheet-export-%1.png").arg(sizeName(screen))))
                            .ok());
        }
    }

    void compareOverlaysEveryChartOfTheTearsheet()
    {
        StrategiesPage page;
        page.resize(1024, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(loadLineage(page, m_strategies));
        const LineageGraph& graph = page.scene()->graph();
        int chosen = -1;
        for (int i = 0; i < graph.strategies().size() && chosen < 0; ++i)
            if (!graph.parents(i).isEmpty() && !graph.children(i).isEmpty())
                chosen = i;
        QVERIFY(chosen >= 0);
        const QString id = graph.strategies().at(chosen).strategyId;
        QSignalSpy tearsheet(&page, &StrategiesPage::tearsheetShown);
        page.openTearsheet(id);
        QVERIFY(tearsheet.wait(30000));
        QSignalSpy compared(&page, &StrategiesPage::comparisonShown);
        page.compareWithFamily(id);
        QVERIFY(compared.wait(30000));
        ComparisonChart* comparison = page.comparisonChart();
        QVERIFY(comparison && comparison->isVisible());
        const int family = compared.first().at(0).toInt();
        QVERIFY(family >= 3);
        QCOMPARE(comparison->strategies().size(), family);

        // As many charts as the tearsheet draws from its Tearsheet (the analytics' own charts, a benchmark's
        // and the samples', are one strategy's), each time chart with one series per strategy, filled.
        QCOMPARE(comparison->charts().size(), page.tearsheetView()->tearsheetCharts().size());
        QCOMPARE(comparison->timeCharts().size(), page.tearsheetView()->tearsheetTimeCharts().size() + 1);
        for (TimeSeriesChart* chart : comparison->timeCharts()) {
            QCOMPARE(chart->graphCount(), family);
            for (int g = 0; g < chart->graphCount(); ++g) {
                QVERIFY2(chart->graph(g)->data()->size() > 0, qPrintable(chart->graph(g)->name()));
                QVERIFY(chart->graph(g)->name().startsWith(comparison->strategies().at(g).name));
            }
        }
        const Tearsheet& focus = page.tearsheetView()->tearsheet();
        int focused = -1;
        for (int i = 0; i < comparison->strategies().size(); ++i)
            if (comparison->strategies().at(i).strategyId == id)
                focused = i;
        QVERIFY(focused >= 0);
        QCOMPARE(comparison->drawdownChart()->graph(focused)->data()->size(), qsizetype(focus.time.size()));
        QCOMPARE(comparison->monthlyChart()->graph(focused)->data()->size(),
                 qsizetype(focus.monthlyReturns.size()));
        QCOMPARE(comparison->regimeChart()->bars().size(), family);
        QCOMPARE(comparison->regimeChart()->bars().at(focused)->data()->size(),
                 qsizetype(focus.regimes.size()));

        // A period moves every chart over time.
        comparison->choosePeriod(PeriodPreset::OneMonth);
        for (TimeSeriesChart* chart : comparison->timeCharts())
            QCOMPARE(chart->xAxis->range(), comparison->chart()->xAxis->range());
        comparison->choosePeriod(PeriodPreset::All);
        for (const QSize& screen : screens) {
            comparison->resize(PerformanceWindows::windowSize(screen));
            QTest::qWait(80);
            QVERIFY(textTicksHaveRoom(*comparison->regimeChart()->xAxis));
            QVERIFY(keepScreenshots(*comparison, QStringLiteral("comparison-window"),
                                    PerformanceWindows::windowSize, {screen}));
            if (const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR"); !folder.isEmpty())
                QVERIFY(comparison
                            ->exportPng(QDir(folder).filePath(
                                QStringLiteral("comparison-export-%1.png").arg(sizeName(screen))))
                            .ok());
        }
    }

    void theDateAxisNeverRepeatsALabel()
    {
        DateTicker ticker;
        const double start = QDateTime(QDate(2015, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        for (double days : {3.0, 10.0, 40.0, 80.0, 100.0, 200.0, 365.0, 500.0, 800.0, 1100.0, 1300.0, 1500.0,
                            2000.0, 3650.0, 5000.0, 9000.0, 15000.0}) {
            for (double shift : {0.0, 37.0, 200.0}) {
                const QCPRange range(start + shift * day, start + (shift + days) * day);
                const QStringList labels = tickLabels(ticker, range);
                QVERIFY2(labels.size() >= 2, qPrintable(QString::number(days)));
                QVERIFY2(
                    QSet<QString>(labels.cbegin(), labels.cend()).size() == labels.size(),
                    qPrintable(QStringLiteral("%1 days: %2").arg(days).arg(labels.join(QLatin1Char('|')))));
            }
        }
        // On the comparison chart zoomed out past its data, as the wheel does.
        ComparisonChart comparison;
        comparison.resize(1024, 700);
        Tearsheet sheet;
        sheet.strategyId = QStringLiteral("s");
        for (int i = 0; i < 1300; ++i) {
            sheet.time.append(start + i * day);
            sheet.cumulativeReturn.append(0.001 * i);
        }
        comparison.setStrategies({sheet});
        comparison.show();
        QVERIFY(QTest::qWaitForWindowExposed(&comparison));
        QCPAxis* axis = comparison.chart()->xAxis;
        const double middle = start + 650 * day;
        for (double span : {1300.0, 2600.0, 5200.0, 12000.0, 40000.0}) {
            axis->setRange(middle - span / 2 * day, middle + span / 2 * day);
            comparison.chart()->replot();
            const QVector<QString> labels = axis->tickVectorLabels();
            QVERIFY(labels.size() >= 2);
            QVERIFY2(QSet<QString>(labels.cbegin(), labels.cend()).size() == labels.size(),
                     qPrintable(QStringList(labels.cbegin(), labels.cend()).join(QLatin1Char('|'))));
        }
    }

    void theDemoSetIsNamedAndAnOptionWithAnAmpersandIsDrawnAsWritten()
    {
        MainWindow window;
        window.resize(1024, 700);
        window.show();
        QSignalSpy shown(&window, &MainWindow::statusShown);
        window.openDemo();
        QVERIFY(shown.wait(20000) && shown.first().at(0).toBool());

        // The timeline names the bundled set; no Qt resource path is shown.
        const auto* details = window.timeline()->findChild<QLabel*>(QStringLiteral("details"));
        QVERIFY(details);
        QVERIFY2(details->text().contains(QStringLiteral("bundled demo set risk_state")),
                 qPrintable(details->text()));
        QVERIFY(keepScreenshots(window, QStringLiteral("timeline-set-name")));
        for (const QLabel* label : window.findChildren<QLabel*>())
            QVERIFY2(!label->text().contains(QStringLiteral(":/migrations")), qPrintable(label->text()));

        // Migrations > Plan: the option described "P&L" reads "P&L", with no shortcut taken from it.
        window.actions()->plan->trigger();
        auto* plan = window.findChild<PlanPreviewDialog*>();
        QVERIFY(plan && plan->isVisible());
        auto* option = plan->findChild<QCheckBox*>(QStringLiteral("option_track_unrealized_pnl"));
        QVERIFY(option);
        QVERIFY2(drawnText(option->text()).contains(QStringLiteral("P&L")), qPrintable(option->text()));
        QVERIFY(QKeySequence::mnemonic(option->text()).isEmpty());
        for (const QAbstractButton* button : plan->findChildren<QAbstractButton*>()) {
            QVERIFY2(!drawnText(button->text()).contains(QStringLiteral("PL")), qPrintable(button->text()));
            QVERIFY(!button->text().contains(QStringLiteral("P_L")));
        }
        // The plan fits a 1024x700 screen.
        plan->resize(PerformanceWindows::windowSize(screens.first()));
        QTest::qWait(50);
        QCOMPARE(plan->size(), PerformanceWindows::windowSize(screens.first()));
        QVERIFY(keepScreenshots(*plan, QStringLiteral("plan-options"), PlanPreviewDialog::windowSize));
        plan->close();
    }
};

QTEST_MAIN(TestReadableViews)
#include "tst_readable_views.moc"
