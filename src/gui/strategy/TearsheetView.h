#pragma once

#include <QList>
#include <QWidget>

#include "common/Result.h"
#include "strategy/PeriodSelector.h"
#include "strategy/QCustomPlotInclude.h"
#include "strategy/Tearsheet.h"

class QBoxLayout;
class QScrollArea;
class QToolButton;

namespace strata {

class ErrorBanner;
class MonthlyHeatmap;
class RegimeBars;
class TearsheetProblems;
class TearsheetSummary;
class TimeSeriesChart;

/// One strategy's tearsheet: the summary figures, the problems found in its rows, and its charts —
/// cumulative return with the drawdown underwater below it, rolling Sharpe, win rate per period (their time
/// axes linked: zooming or panning one moves all), the monthly returns heatmap and performance by regime.
/// A period (1M, 3M, YTD, 1Y, All, or Shift+drag) narrows the time charts. Exports to PNG, PDF and CSV.
///
/// It draws Tearsheet values and never reads a database: the caller builds the Tearsheet on a worker.
class TearsheetView : public QWidget
{
    Q_OBJECT

public:
    /// The narrowest window in which the monthly heatmap and the regimes are drawn side by side.
    static constexpr int sideBySideWidth = 1200;

    explicit TearsheetView(QWidget* parent = nullptr);

    void setTearsheet(const Tearsheet& sheet);
    const Tearsheet& tearsheet() const { return m_sheet; }

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
    /// Every chart, top to bottom: what the PDF holds.
    QList<QCustomPlot*> charts() const;
    QList<TimeSeriesChart*> timeCharts() const;

    /// The report as on screen (summary, problems, every chart).
    Status exportPng(const QString& path);
    Status exportPdf(const QString& path);
    /// Every series, one row per period (see chartexport::writeTearsheetCsv).
    Status exportCsv(const QString& path) const;

    /// Whether the heatmap and the regimes are side by side (a wide window) or one under the other.
    bool bottomSideBySide() const;

Q_SIGNALS:
    /// The visible period changed (a preset, a drag, a zoom or a pan).
    void periodChanged(double from, double to);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* buildToolbar();
    void onTimeRangeChanged(TimeSeriesChart* source, const QCPRange& range);
    void exportWithDialog(const QString& kind);
    void replotAll();

    Tearsheet m_sheet;
    PeriodSelector* m_period;
    QToolButton* m_export;
    ErrorBanner* m_banner;
    QScrollArea* m_scroll;
    QWidget* m_report;
    TearsheetSummary* m_summary;
    TearsheetProblems* m_problems;
    TimeSeriesChart* m_cumulative;
    TimeSeriesChart* m_drawdown;
    TimeSeriesChart* m_sharpe;
    TimeSeriesChart* m_winRate;
    MonthlyHeatmap* m_heatmap;
    RegimeBars* m_regimes;
    QBoxLayout* m_bottom; ///< the heatmap and the regimes
    bool m_linking = false;
    std::optional<PeriodPreset> m_applyingPreset;
};

} // namespace strata
