#pragma once

#include <optional>

#include <QList>
#include <QObject>

#include "strategy/PeriodSelector.h"
#include "strategy/QCustomPlotInclude.h"

class QDate;
class QWidget;

namespace strata {

class TimeSeriesChart;

/// The tearsheet window's time charts linked on one period: zooming, panning or Shift+dragging one moves
/// them all, and the period selector shows the range and takes the presets (1M, 3M, YTD, 1Y, All). The
/// first chart leads: the period is read from it.
class TimeChartLink : public QObject
{
    Q_OBJECT

public:
    /// `charts` are redrawn only while `window` is visible.
    TimeChartLink(QWidget& window, PeriodSelector& selector, const QList<TimeSeriesChart*>& charts);

    /// `hasPeriods`: the series have two days or more (otherwise there is nothing to narrow).
    void choosePeriod(PeriodPreset preset, bool hasPeriods);
    /// Shows `from`–`to` (seconds since the epoch) on every chart.
    void setPeriod(double from, double to);
    QCPRange visiblePeriod() const;
    /// Shows the days `start`–`end` (a drawdown period; `end` invalid: still open) with a margin either
    /// side, so its start and its recovery are both in view.
    void showDates(const QDate& start, const QDate& end);
    const QList<TimeSeriesChart*>& charts() const { return m_charts; }

Q_SIGNALS:
    /// The visible period changed (a preset, a drag, a zoom or a pan).
    void periodChanged(double from, double to);
    /// A chart asked for the whole history (its Show all).
    void showAllRequested();

private:
    void onRangeChanged(TimeSeriesChart* source, const QCPRange& range);

    QWidget& m_window;
    PeriodSelector& m_selector;
    QList<TimeSeriesChart*> m_charts;
    bool m_linking = false;
    std::optional<PeriodPreset> m_applyingPreset;
};

} // namespace strata
