#pragma once

#include <QList>
#include <QWidget>

#include "common/Result.h"
#include "strategy/PeriodSelector.h"
#include "strategy/QCustomPlotInclude.h"
#include "strategy/Tearsheet.h"

class QScrollArea;
class QToolButton;

namespace strata {

class ErrorBanner;
class RegimeComparison;
class TimeSeriesChart;

/// Several strategies overlaid — a strategy with its parent and its children — on every chart of the
/// tearsheet: cumulative return, drawdown, rolling Sharpe, the win rate's rolling mean, monthly returns
/// and performance by regime. Each strategy keeps one colour on every chart (the legend is on the first),
/// the focused strategy drawn thicker and on top. The time charts are linked as in a tearsheet: a period,
/// a zoom or a pan moves them all. Exports to PNG, PDF and CSV (date + one column per strategy).
class ComparisonChart : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonChart(QWidget* parent = nullptr);

    /// Draws `sheets`; the one whose strategyId is `focusedStrategyId` is emphasised (none when empty).
    void setStrategies(const QList<Tearsheet>& sheets, const QString& focusedStrategyId = {});
    const QList<Tearsheet>& strategies() const { return m_sheets; }

    /// The cumulative returns compared (the first chart).
    TimeSeriesChart* chart() const { return m_cumulative; }
    TimeSeriesChart* drawdownChart() const { return m_drawdown; }
    TimeSeriesChart* sharpeChart() const { return m_sharpe; }
    TimeSeriesChart* winRateChart() const { return m_winRate; }
    TimeSeriesChart* monthlyChart() const { return m_monthly; }
    RegimeComparison* regimeChart() const { return m_regimes; }
    /// The charts over time, top to bottom; their time axes move together.
    QList<TimeSeriesChart*> timeCharts() const;
    /// Every chart, top to bottom: what the PDF holds.
    QList<QCustomPlot*> charts() const;
    PeriodSelector* periodSelector() const { return m_period; }
    /// The cumulative-return graph of `strategyId`, or nullptr.
    QCPGraph* graphOf(const QString& strategyId) const;

    void choosePeriod(PeriodPreset preset);

    /// The report as on screen (every chart).
    Status exportPng(const QString& path);
    Status exportPdf(const QString& path);
    Status exportCsv(const QString& path) const;

private:
    QWidget* buildToolbar();
    void onTimeRangeChanged(TimeSeriesChart* source, const QCPRange& range);
    void exportWithDialog(const QString& kind);

    QList<Tearsheet> m_sheets;
    QList<QCPGraph*> m_graphs; ///< the cumulative-return graph of each sheet
    PeriodSelector* m_period;
    QToolButton* m_export;
    ErrorBanner* m_banner;
    QScrollArea* m_scroll;
    QWidget* m_report;
    TimeSeriesChart* m_cumulative;
    TimeSeriesChart* m_drawdown;
    TimeSeriesChart* m_sharpe;
    TimeSeriesChart* m_winRate;
    TimeSeriesChart* m_monthly;
    RegimeComparison* m_regimes;
    bool m_linking = false;
    std::optional<PeriodPreset> m_applyingPreset;
};

} // namespace strata
