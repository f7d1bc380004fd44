#pragma once

#include <QList>
#include <QWidget>

#include "common/Result.h"
#include "strategy/PeriodSelector.h"
#include "strategy/Tearsheet.h"

class QCPGraph;
class QToolButton;

namespace strata {

class ErrorBanner;
class TimeSeriesChart;

/// Several strategies' cumulative returns overlaid — a strategy with its parent and its children — each in
/// a distinct colour with a legend, the focused strategy drawn thicker and on top. Same period selection,
/// zoom and pan as a tearsheet; exports to PNG, PDF and CSV (date + one column per strategy).
class ComparisonChart : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonChart(QWidget* parent = nullptr);

    /// Draws `sheets`; the one whose strategyId is `focusedStrategyId` is emphasised (none when empty).
    void setStrategies(const QList<Tearsheet>& sheets, const QString& focusedStrategyId = {});
    const QList<Tearsheet>& strategies() const { return m_sheets; }

    TimeSeriesChart* chart() const { return m_chart; }
    PeriodSelector* periodSelector() const { return m_period; }
    /// The graph of `strategyId`, or nullptr.
    QCPGraph* graphOf(const QString& strategyId) const;

    void choosePeriod(PeriodPreset preset);

    Status exportPng(const QString& path);
    Status exportPdf(const QString& path);
    Status exportCsv(const QString& path) const;

private:
    void exportWithDialog(const QString& kind);

    QList<Tearsheet> m_sheets;
    QList<QCPGraph*> m_graphs;
    PeriodSelector* m_period;
    QToolButton* m_export;
    ErrorBanner* m_banner;
    TimeSeriesChart* m_chart;
    std::optional<PeriodPreset> m_applyingPreset;
};

} // namespace strata
