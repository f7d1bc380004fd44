#include "strategy/TearsheetView.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include "analytics/AnalyticsTimeline.h"
#include "analytics/BenchmarkChooser.h"
#include "analytics/DrawdownPeriodsTable.h"
#include "analytics/MetricTableView.h"
#include "analytics/ReturnDistributionChart.h"
#include "analytics/RollingRiskChart.h"
#include "analytics/SampleSplitBanner.h"
#include "analytics/TearsheetCharts.h"
#include "analytics/TearsheetExportMenu.h"
#include "analytics/TearsheetExports.h"
#include "analytics/TimeChartLink.h"
#include "analytics/YearlyReturnsChart.h"
#include "common/ErrorBanner.h"
#include "strategy/ChartStyle.h"
#include "strategy/MonthlyHeatmap.h"
#include "strategy/RegimeBars.h"
#include "strategy/TearsheetProblems.h"
#include "strategy/TearsheetSummary.h"
#include "strategy/TimeSeriesChart.h"
#include "theme/Theme.h"

namespace strata {

TearsheetView::TearsheetView(QWidget* parent)
    : QWidget(parent), m_period(new PeriodSelector(this)), m_export(new QToolButton(this)),
      m_chooser(new BenchmarkChooser(this)), m_banner(new ErrorBanner(this)), m_scroll(new QScrollArea(this)),
      m_report(new QWidget), m_summary(new TearsheetSummary(m_report)),
      m_problems(new TearsheetProblems(m_report)),
      m_cumulative(
          new TimeSeriesChart(tr("Cumulative return"), TimeSeriesChart::ValueFormat::Percent, m_report)),
      m_drawdown(
          new TimeSeriesChart(tr("Drawdown (underwater)"), TimeSeriesChart::ValueFormat::Percent, m_report)),
      m_sharpe(new TimeSeriesChart(tr("Rolling Sharpe"), TimeSeriesChart::ValueFormat::Ratio, m_report)),
      m_winRate(
          new TimeSeriesChart(tr("Win rate per period"), TimeSeriesChart::ValueFormat::Percent, m_report)),
      m_heatmap(new MonthlyHeatmap(m_report)), m_regimes(new RegimeBars(m_report)),
      m_bottom(new QBoxLayout(QBoxLayout::LeftToRight))
{
    m_report->setObjectName(QStringLiteral("tearsheetReport"));
    // The report behind the charts: the charts' own background, white or near black (View > Theme).
    const auto restyle = [this] {
        m_report->setStyleSheet(QStringLiteral("#tearsheetReport { background: %1; }")
                                    .arg(chartstyle::backgroundColour().name()));
    };
    restyle();
    connect(&Theme::instance(), &Theme::changed, this, restyle);
    m_cumulative->setMinimumHeight(250);
    m_drawdown->setMinimumHeight(150);
    m_drawdown->setIncludeZero(true);
    m_sharpe->setMinimumHeight(170);
    m_winRate->setMinimumHeight(160);
    m_winRate->setFollowVisibleValues(false);
    m_heatmap->setMinimumHeight(280);
    m_regimes->setMinimumHeight(280);
    m_sections = new AnalyticsSections(*m_report, this);
    // The strategy's line and the benchmark's are told apart by a legend in the top left corner.
    CumulativeOverlay::placeLegend(*m_cumulative);

    auto* report = new QVBoxLayout(m_report);
    report->setContentsMargins(10, 10, 10, 10);
    report->setSpacing(6);
    report->addWidget(m_summary);
    report->addWidget(m_sections->splitBanner);
    report->addWidget(m_problems);
    report->addWidget(m_cumulative, 5);
    report->addWidget(m_drawdown, 3);
    report->addWidget(m_sections->worstTitle);
    report->addWidget(m_sections->worstDrawdowns);
    report->addWidget(m_sections->beta, 3);
    report->addWidget(m_sections->volatility, 3);
    report->addWidget(m_sharpe, 3);
    report->addWidget(m_winRate, 3);
    report->addWidget(m_sections->yearly, 3);
    auto* distributions = new QHBoxLayout;
    distributions->addWidget(m_sections->daily, 1);
    distributions->addWidget(m_sections->monthly, 1);
    report->addLayout(distributions, 3);
    m_bottom->addWidget(m_heatmap, 3);
    m_bottom->addWidget(m_regimes, 2);
    report->addLayout(m_bottom, 6);
    report->addWidget(m_sections->metricsTitle);
    report->addWidget(m_sections->metrics, 0, Qt::AlignLeft);
    m_chooser->hide();

    m_scroll->setWidget(m_report);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildToolbar());
    // The benchmark on a row of its own: beside the periods it would make the window wider than a
    // 1024-pixel screen.
    m_chooser->setContentsMargins(10, 0, 10, 6);
    layout->addWidget(m_chooser);
    layout->addWidget(m_banner);
    layout->addWidget(m_scroll, 1);

    m_link = new TimeChartLink(*this, *m_period, timeCharts());
    connect(m_link, &TimeChartLink::periodChanged, this, &TearsheetView::periodChanged);
    connect(m_link, &TimeChartLink::showAllRequested, this, [this] { choosePeriod(PeriodPreset::All); });
    connect(m_period, &PeriodSelector::presetChosen, this, &TearsheetView::choosePeriod);
    connect(m_sections->worstDrawdowns, &DrawdownPeriodsTable::periodClicked, m_link,
            &TimeChartLink::showDates);
    connect(m_chooser, &BenchmarkChooser::chosen, this, [this](const BenchmarkChoice& choice) {
        m_banner->clear();
        Q_EMIT benchmarkRequested(choice);
    });
    connect(m_chooser, &BenchmarkChooser::invalid, m_banner, &ErrorBanner::showError);
    connect(m_chooser, &BenchmarkChooser::cancelRequested, this, &TearsheetView::benchmarkCancelRequested);
    // The overlays' labels and fills draw with colours of their own: drawn again for the new theme.
    connect(&Theme::instance(), &Theme::changed, this, [this] {
        if (!m_hasAnalytics)
            return;
        const QCPRange shown = visiblePeriod();
        drawAnalytics();
        setPeriod(shown.lower, shown.upper);
    });
}

void TearsheetView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // Side by side the heatmap's twelve months and the regimes' labels each need about half of a wide
    // window; in a narrower one they go one under the other, so no label runs into the next.
    const QBoxLayout::Direction wanted =
        width() >= sideBySideWidth ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_bottom->direction() != wanted) {
        m_bottom->setDirection(wanted);
        m_bottom->setSpacing(wanted == QBoxLayout::TopToBottom ? 6 : -1);
    }
}

QWidget* TearsheetView::buildToolbar()
{
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_period);
    layout->addStretch(1);
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // The HTML report is offered once the analytics are read (setAnalytics).
    m_exportMenu = new TearsheetExportMenu(*this, *m_banner, m_export);
    m_export->setMenu(m_exportMenu);
    layout->addWidget(m_export);
    return bar;
}

bool TearsheetView::bottomSideBySide() const
{
    return m_bottom->direction() == QBoxLayout::LeftToRight;
}

QList<TimeSeriesChart*> TearsheetView::timeCharts() const
{
    return {m_cumulative, m_drawdown, m_sections->beta, m_sections->volatility, m_sharpe, m_winRate};
}

QList<QCustomPlot*> TearsheetView::tearsheetCharts() const
{
    return {m_cumulative, m_drawdown, m_sharpe, m_winRate, m_heatmap, m_regimes};
}

QList<TimeSeriesChart*> TearsheetView::tearsheetTimeCharts() const
{
    return {m_cumulative, m_drawdown, m_sharpe, m_winRate};
}

QList<QCustomPlot*> TearsheetView::charts() const
{
    if (!m_hasAnalytics)
        return tearsheetCharts();
    return {m_cumulative, m_drawdown,         m_sections->beta,  m_sections->volatility, m_sharpe,
            m_winRate,    m_sections->yearly, m_sections->daily, m_sections->monthly,    m_heatmap,
            m_regimes};
}

void TearsheetView::setTearsheet(const Tearsheet& sheet)
{
    m_hasAnalytics = false;
    m_analytics = StrategyAnalytics{};
    m_analytics.tearsheet = sheet;
    m_overlay = {};
    m_sections->setShown(false);
    m_chooser->hide();
    if (m_exportMenu)
        m_exportMenu->setReportEnabled(false);
    m_sheet = sheet;
    m_banner->clear();
    m_summary->setTearsheet(sheet);
    m_problems->setProblems(sheet.problems);
    for (TimeSeriesChart* chart : timeCharts()) {
        chart->clearGraphs();
        chart->clearItems();
    }
    TearsheetCharts::draw(sheet, *m_cumulative, *m_drawdown, *m_sharpe, *m_winRate);

    m_cumulative->legend->setVisible(false);
    m_heatmap->setMinimumHeight(std::max(280, 90 + 22 * int(sheet.monthlyReturns.size() / 12 + 1)));
    m_heatmap->setMonths(sheet.monthlyReturns);
    m_regimes->setRegimes(sheet.regimes);
    choosePeriod(PeriodPreset::All);
    if (isVisible()) {
        m_heatmap->replot(QCustomPlot::rpQueuedReplot);
        m_regimes->replot(QCustomPlot::rpQueuedReplot);
    }
}

void TearsheetView::setAnalytics(const StrategyAnalytics& analytics)
{
    const bool sameStrategy = m_hasAnalytics && analytics.tearsheet.strategyId == m_sheet.strategyId &&
                              analytics.tearsheet.time == m_sheet.time;
    const QCPRange shown = visiblePeriod();
    setTearsheet(analytics.tearsheet);
    m_analytics = analytics;
    m_hasAnalytics = true;
    m_sections->setShown(true);
    m_chooser->show();
    m_exportMenu->setReportEnabled(true);
    m_chooser->showChoice(analytics.benchmarkChoice);
    m_chooser->setReading(false);
    if (!analytics.benchmarkNote.isEmpty())
        m_banner->showNotice(tr("Benchmark: %1").arg(analytics.benchmarkNote));
    drawAnalytics();
    // Another benchmark for the same strategy: the period the operator was looking at stays.
    if (sameStrategy)
        setPeriod(shown.lower, shown.upper);
    else
        choosePeriod(PeriodPreset::All);
    Q_EMIT analyticsShown();
}

void TearsheetView::drawAnalytics()
{
    const StrategyAnalytics& a = m_analytics;
    const QList<double> time = AnalyticsTimeline::times(a);
    m_overlay =
        CumulativeOverlay::redraw(*m_cumulative, {m_drawdown, m_sharpe, m_winRate}, m_overlay, a, time);
    m_sections->draw(a, time);
    if (isVisible())
        for (QCustomPlot* chart : charts())
            chart->replot(QCustomPlot::rpQueuedReplot);
}

void TearsheetView::setBenchmarkReading(bool reading, const QString& stage)
{
    m_chooser->setReading(reading, stage);
}

void TearsheetView::showBenchmarkError(const Error& error)
{
    m_chooser->setReading(false);
    m_banner->showError(error);
}

void TearsheetView::showBenchmarkCancelled()
{
    m_chooser->setReading(false);
    m_chooser->showChoice(m_analytics.benchmarkChoice);
    m_banner->showNotice(tr("The benchmark read was cancelled: the tearsheet is still measured against %1.")
                             .arg(m_analytics.benchmark.isEmpty() ? tr("no benchmark")
                                                                  : m_analytics.benchmarkChoice.describe()));
}

void TearsheetView::choosePeriod(PeriodPreset preset)
{
    m_link->choosePeriod(preset, m_sheet.time.size() >= 2);
}

void TearsheetView::setPeriod(double from, double to)
{
    m_link->setPeriod(from, to);
}

QCPRange TearsheetView::visiblePeriod() const
{
    return m_link->visiblePeriod();
}

Status TearsheetView::exportPng(const QString& path)
{
    return TearsheetExports::png(*this, path);
}

Status TearsheetView::exportPdf(const QString& path)
{
    return TearsheetExports::pdf(*this, path);
}

Status TearsheetView::exportCsv(const QString& path) const
{
    return TearsheetExports::csv(*this, path);
}

Status TearsheetView::exportHtml(const QString& path)
{
    return TearsheetExports::html(*this, path);
}

} // namespace strata
