#pragma once

#include <QList>
#include <QPen>

#include "strategy/QCustomPlotInclude.h"

namespace strata {

/// One chart over time of a strategy's history: dates along the bottom, a percent or ratio axis, zoom with
/// the wheel and pan by dragging along the time axis, Shift+drag to pick a period, a double click to show
/// everything. The value axis follows the visible data. Series of any length are drawn with QCustomPlot's
/// adaptive sampling, fed as whole sorted vectors.
class TimeSeriesChart : public QCustomPlot
{
    Q_OBJECT

public:
    enum class ValueFormat { Percent, Ratio };

    TimeSeriesChart(const QString& title, ValueFormat format, QWidget* parent = nullptr);

    /// A line for `values` at `time` (same length; NaN values leave a gap). Unsorted times are sorted.
    QCPGraph* addSeries(const QString& name, const QList<double>& time, const QList<double>& values,
                        const QPen& pen);
    /// Fills between the series and zero: the underwater curve.
    static void fillToZero(QCPGraph& graph, const QColor& colour);
    /// A horizontal line at `value` across the chart (zero, a 50 % win rate, the overall Sharpe).
    void addReferenceLine(double value, const QPen& pen);

    /// The first and last time of every series; an empty range when there is no data.
    QCPRange fullTimeRange() const;
    /// Shows `from`–`to` and fits the value axis to what is visible.
    void setTimeRange(double from, double to);
    /// Fits the value axis to the data in the visible time range (with a margin).
    void fitValueAxis();
    /// Whether the value axis follows the visible time range (on by default).
    void setFollowVisibleValues(bool follow) { m_followValues = follow; }
    /// Keeps 0 inside the value axis (returns, drawdowns): the baseline is always in view.
    void setIncludeZero(bool include) { m_includeZero = include; }

Q_SIGNALS:
    /// The operator picked `from`–`to` by dragging with Shift held.
    void periodDragged(double from, double to);
    /// The operator double-clicked the chart: show the whole history.
    void showAllRequested();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void onSelectionAccepted(const QRect& rect);

    bool m_followValues = true;
    bool m_includeZero = false;
};

} // namespace strata
