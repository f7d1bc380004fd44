#pragma once

#include <QList>
#include <QWidget>

#include "analytics/AnalyticsSections.h"
#include "analytics/CumulativeOverlay.h"
#include "analytics/StrategyAnalytics.h"
#include "common/Result.h"
#include "strategy/PeriodSelector.h"
#include "strategy/QCustomPlotInclude.h"
#include "strategy/Tearsheet.h"

class QBoxLayout;
class QScrollArea;
class QToolButton;

namespace strata {

class BenchmarkChooser;
class DrawdownPeriodsTable;
class ErrorBanner;
class MetricTableView;
class MonthlyHeatmap;
class RegimeBars;
class ReturnDistributionChart;
class RollingRiskChart;
class SampleSplitBanner;
class TearsheetExportMenu;
class TearsheetProblems;
class TearsheetSummary;
class TimeChartLink;
class TimeSeriesChart;
class YearlyReturnsChart;

/// One strategy's tearsheet: the summary figures, the in/out-of-sample verdict, the problems found in its
/// rows, and its charts — cumulative return (with the benchmark, the benchmark at the strategy's volatility,
/// the worst drawdowns shaded and the sample boundary) with the drawdown underwater below it and its worst
/// periods, rolling beta and volatility, rolling Sharpe, win rate per period (their time axes linked:
/// zooming or panning one moves all), yearly returns against the benchmark, the distributions of daily and
/// monthly returns, the monthly returns heatmap, performance by regime, and the full metric table. A
/// period (1M, 3M, YTD, 1Y, All, Shift+drag, or a click on a drawdown period) narrows the time charts.
/// Exports to PNG, PDF and CSV.
///
/// It draws what the core computed and never reads a database: the caller reads on a worker. Choosing
/// another benchmark asks for it (benchmarkRequested); the caller reads and calls setAnalytics, or
/// showBenchmarkError, which leaves the analytics shown as they were. Cancel asks to stop the read
/// (benchmarkCancelRequested); the caller stops it and calls showBenchmarkCancelled.
class TearsheetView : public QWidget
{
    Q_OBJECT

public:
    /// The narrowest window in which the monthly heatmap and the regimes are drawn side by side.
    static constexpr int sideBySideWidth = 1200;

    explicit TearsheetView(QWidget* parent = nullptr);

    /// The tearsheet alone (no analytics: their charts and tables are hidden).
    void setTearsheet(const Tearsheet& sheet);
    const Tearsheet& tearsheet() const { return m_sheet; }
    /// The tearsheet and its analytics; the period shown is kept when the strategy is the same one.
    void setAnalytics(const StrategyAnalytics& analytics);
    const StrategyAnalytics& analytics() const { return m_analytics; }
    bool hasAnalytics() const { return m_hasAnalytics; }
    /// A benchmark read for this window is running (`stage` says where it is) or has ended.
    void setBenchmarkReading(bool reading, const QString& stage = {});
    /// The benchmark asked for could not be read: the banner says why; the analytics shown stay.
    void showBenchmarkError(const Error& error);
    /// The benchmark read was cancelled: the banner says so; the analytics shown stay, and the chooser
    /// shows the benchmark they are measured against.
    void showBenchmarkCancelled();

    void choosePeriod(PeriodPreset preset);
    /// Shows `from`–`to` (seconds since the epoch) on every time chart.
    void setPeriod(double from, double to);
    QCPRange visiblePeriod() const;

    TimeSeriesChart* cumulativeChart() const { return m_cumulative; }
    TimeSeriesChart* drawdownChart() const { return m_drawdown; }
    TimeSeriesChart* sharpeChart() const { return m_sharpe; }
    TimeSeriesChart* winRateChart() const { return m_winRate; }
    MonthlyHeatmap* heatmap() const { return m_heatmap; }
    RegimeBars* regimeBars() const { return m_regimes; }
    TearsheetSummary* summary() const { return m_summary; }
    TearsheetProblems* problemList() const { return m_problems; }
    PeriodSelector* periodSelector() const { return m_period; }
    RollingRiskChart* betaChart() const { return m_sections->beta; }
    RollingRiskChart* volatilityChart() const { return m_sections->volatility; }
    YearlyReturnsChart* yearlyChart() const { return m_sections->yearly; }
    ReturnDistributionChart* dailyDistributionChart() const { return m_sections->daily; }
    ReturnDistributionChart* monthlyDistributionChart() const { return m_sections->monthly; }
    MetricTableView* metricTable() const { return m_sections->metrics; }
    DrawdownPeriodsTable* drawdownTable() const { return m_sections->worstDrawdowns; }
    BenchmarkChooser* benchmarkChooser() const { return m_chooser; }
    SampleSplitBanner* splitBanner() const { return m_sections->splitBanner; }
    ErrorBanner* banner() const { return m_banner; }
    /// The report under the toolbar: the summary, the problems, every chart and table (what the PNG holds).
    QWidget* reportWidget() const { return m_report; }
    /// What the analytics drew on the cumulative chart (benchmark lines, shading, boundary).
    const CumulativeOverlay::Drawn& cumulativeOverlay() const { return m_overlay; }
    /// Every chart shown, top to bottom: what the PDF holds (the analytics' charts once they are drawn).
    QList<QCustomPlot*> charts() const;
    QList<TimeSeriesChart*> timeCharts() const;
    /// The charts drawn from the Tearsheet alone (cumulative, drawdown, rolling Sharpe, win rate, heatmap,
    /// regimes): what a comparison of strategies overlays, one by one.
    QList<QCustomPlot*> tearsheetCharts() const;
    QList<TimeSeriesChart*> tearsheetTimeCharts() const;

    /// The report as on screen (summary, problems, every chart).
    Status exportPng(const QString& path);
    Status exportPdf(const QString& path);
    /// Every series, one row per period (see chartexport::writeTearsheetCsv).
    Status exportCsv(const QString& path) const;
    /// The tearsheet's report (charts, metric table, worst drawdowns, verdict) as one self-contained HTML
    /// file, or a PDF when `path` ends in .pdf (ReportWriter). Needs the analytics.
    Status exportHtml(const QString& path);

    /// Whether the heatmap and the regimes are side by side (a wide window) or one under the other.
    bool bottomSideBySide() const;

Q_SIGNALS:
    /// The visible period changed (a preset, a drag, a zoom or a pan).
    void periodChanged(double from, double to);
    /// The operator chose another benchmark for this strategy.
    void benchmarkRequested(const strata::BenchmarkChoice& choice);
    /// The operator cancelled the benchmark read running (the chooser's Cancel).
    void benchmarkCancelRequested();
    /// setAnalytics drew a strategy's analytics (first shown, or against another benchmark).
    void analyticsShown();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* buildToolbar();
    /// The analytics' charts, tables and overlays, from m_analytics (again after a theme switch).
    void drawAnalytics();

    Tearsheet m_sheet;
    StrategyAnalytics m_analytics;
    bool m_hasAnalytics = false;
    PeriodSelector* m_period;
    QToolButton* m_export;
    TearsheetExportMenu* m_exportMenu = nullptr;
    BenchmarkChooser* m_chooser;
    ErrorBanner* m_banner;
    QScrollArea* m_scroll;
    QWidget* m_report;
    TearsheetSummary* m_summary;
    TearsheetProblems* m_problems;
    TimeSeriesChart* m_cumulative;
    TimeSeriesChart* m_drawdown;
    TimeSeriesChart* m_sharpe;
    TimeSeriesChart* m_winRate;
    AnalyticsSections* m_sections;
    CumulativeOverlay::Drawn m_overlay;
    MonthlyHeatmap* m_heatmap;
    RegimeBars* m_regimes;
    QBoxLayout* m_bottom;            ///< the heatmap and the regimes
    TimeChartLink* m_link = nullptr; ///< the time charts' period
};

} // namespace strata
