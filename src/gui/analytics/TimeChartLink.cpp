#include "analytics/TimeChartLink.h"

#include <algorithm>

#include <QDate>
#include <QWidget>

#include "analytics/AnalyticsTimeline.h"
#include "strategy/TimeSeriesChart.h"

namespace strata {

TimeChartLink::TimeChartLink(QWidget& window, PeriodSelector& selector, const QList<TimeSeriesChart*>& charts)
    : QObject(&window), m_window(window), m_selector(selector), m_charts(charts)
{
    for (TimeSeriesChart* chart : m_charts) {
        connect(chart->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
                [this, chart](const QCPRange& range) { onRangeChanged(chart, range); });
        connect(chart, &TimeSeriesChart::periodDragged, this, &TimeChartLink::setPeriod);
        connect(chart, &TimeSeriesChart::showAllRequested, this, &TimeChartLink::showAllRequested);
    }
}

void TimeChartLink::choosePeriod(PeriodPreset preset, bool hasPeriods)
{
    TimeSeriesChart* lead = m_charts.first();
    const QCPRange all = lead->fullTimeRange();
    if (all.upper <= all.lower && !hasPeriods) {
        m_selector.showRange(all.lower, all.upper, preset);
        return;
    }
    const auto [from, to] = presetRange(preset, all.lower, all.upper);
    m_applyingPreset = preset;
    setPeriod(from, to);
    m_applyingPreset.reset();
}

void TimeChartLink::setPeriod(double from, double to)
{
    // The lead chart is moved; onRangeChanged carries the range to the others and to the selector.
    TimeSeriesChart* lead = m_charts.first();
    lead->setTimeRange(from, to);
    onRangeChanged(lead, lead->xAxis->range());
}

QCPRange TimeChartLink::visiblePeriod() const
{
    return m_charts.first()->xAxis->range();
}

void TimeChartLink::showDates(const QDate& start, const QDate& end)
{
    const double from = AnalyticsTimeline::at(start);
    const double to = AnalyticsTimeline::at(end.isValid() ? end : start);
    const double margin = std::max((to - from) * 0.15, 5 * 86400.0);
    setPeriod(from - margin, to + margin);
}

void TimeChartLink::onRangeChanged(TimeSeriesChart* source, const QCPRange& range)
{
    if (m_linking)
        return;
    m_linking = true;
    for (TimeSeriesChart* chart : m_charts) {
        if (chart != source)
            chart->xAxis->setRange(range);
    }
    m_linking = false;
    m_selector.showRange(range.lower, range.upper, m_applyingPreset);
    if (m_window.isVisible())
        for (TimeSeriesChart* chart : m_charts)
            chart->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT periodChanged(range.lower, range.upper);
}

} // namespace strata
