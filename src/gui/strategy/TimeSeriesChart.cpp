#include "strategy/TimeSeriesChart.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "strategy/ChartStyle.h"

namespace strata {

TimeSeriesChart::TimeSeriesChart(const QString& title, ValueFormat format, QWidget* parent)
    : QCustomPlot(parent)
{
    chartstyle::applyBase(*this);
    if (!title.isEmpty())
        chartstyle::addTitle(*this, title);
    chartstyle::useDateTicks(*xAxis);
    if (format == ValueFormat::Percent)
        chartstyle::usePercentTicks(*yAxis);
    // The time charts of a tearsheet are stacked: a fixed left margin keeps their time axes aligned
    // whatever the width of their value labels.
    axisRect()->setAutoMargins(QCP::msTop | QCP::msBottom | QCP::msRight);
    axisRect()->setMargins(QMargins(72, 0, 0, 0));
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    axisRect()->setRangeZoomFactor(0.85);
    selectionRect()->setPen(QPen(chartstyle::strategyColour(), 1, Qt::DashLine));
    selectionRect()->setBrush(QColor(31, 111, 180, 40));
    connect(selectionRect(), &QCPSelectionRect::accepted, this,
            [this](const QRect& rect, QMouseEvent*) { onSelectionAccepted(rect); });
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        if (m_followValues)
            fitValueAxis();
    });
}

QCPGraph* TimeSeriesChart::addSeries(const QString& name, const QList<double>& time,
                                     const QList<double>& values, const QPen& pen)
{
    QCPGraph* graph = addGraph();
    graph->setName(name);
    const qsizetype count = std::min(time.size(), values.size());
    // Past a few points per pixel the line is a dense band whatever its width, and a wide antialiased pen
    // costs a third more time per replot than a hairline: a dense series is drawn as a hairline.
    constexpr qsizetype densePoints = 50000;
    QPen line = pen;
    if (count > densePoints)
        line.setWidth(0);
    graph->setPen(line);
    graph->setAdaptiveSampling(true);
    QVector<QCPGraphData> points(count);
    for (qsizetype i = 0; i < count; ++i)
        points[i] = QCPGraphData(time[i], values[i]);
    const bool sorted = std::is_sorted(time.cbegin(), time.cbegin() + count);
    graph->data()->set(points, sorted);
    return graph;
}

void TimeSeriesChart::fillToZero(QCPGraph& graph, const QColor& colour)
{
    QColor fill = colour;
    fill.setAlpha(90);
    graph.setBrush(fill);
    graph.setChannelFillGraph(nullptr);
}

void TimeSeriesChart::addReferenceLine(double value, const QPen& pen)
{
    auto* line = new QCPItemStraightLine(this);
    line->setPen(pen);
    line->setAntialiased(false);
    line->setSelectable(false);
    line->point1->setCoords(0, value);
    line->point2->setCoords(1, value);
    line->setLayer(QStringLiteral("grid"));
}

QCPRange TimeSeriesChart::fullTimeRange() const
{
    bool any = false;
    QCPRange all;
    for (int i = 0; i < graphCount(); ++i) {
        bool found = false;
        const QCPRange range = graph(i)->getKeyRange(found);
        if (!found)
            continue;
        all = any ? QCPRange(std::min(all.lower, range.lower), std::max(all.upper, range.upper)) : range;
        any = true;
    }
    return any ? all : QCPRange(0, 0);
}

void TimeSeriesChart::setTimeRange(double from, double to)
{
    if (to <= from)
        to = from + 86400.0; // one period: QCustomPlot refuses an empty range
    xAxis->setRange(from, to);
    fitValueAxis();
}

void TimeSeriesChart::fitValueAxis()
{
    bool any = false;
    QCPRange values;
    const QCPRange visible = xAxis->range();
    for (int i = 0; i < graphCount(); ++i) {
        bool found = false;
        const QCPRange range = graph(i)->getValueRange(found, QCP::sdBoth, visible);
        if (!found)
            continue;
        values =
            any ? QCPRange(std::min(values.lower, range.lower), std::max(values.upper, range.upper)) : range;
        any = true;
    }
    if (!any)
        return;
    if (m_includeZero)
        values = QCPRange(std::min(values.lower, 0.0), std::max(values.upper, 0.0));
    double margin = values.size() * 0.06;
    if (margin <= 0)
        margin = std::max(std::abs(values.upper) * 0.1, 0.01);
    yAxis->setRange(values.lower - margin, values.upper + margin);
}

void TimeSeriesChart::mousePressEvent(QMouseEvent* event)
{
    // Shift+drag picks a period; a plain drag pans. QCustomPlot does one or the other per press.
    setSelectionRectMode(event->modifiers().testFlag(Qt::ShiftModifier) ? QCP::srmCustom : QCP::srmNone);
    QCustomPlot::mousePressEvent(event);
}

void TimeSeriesChart::mouseDoubleClickEvent(QMouseEvent* event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    Q_EMIT showAllRequested();
}

void TimeSeriesChart::onSelectionAccepted(const QRect& rect)
{
    if (rect.width() < 3)
        return; // a click, not a range
    const double from = xAxis->pixelToCoord(rect.left());
    const double to = xAxis->pixelToCoord(rect.right());
    Q_EMIT periodDragged(std::min(from, to), std::max(from, to));
}

} // namespace strata
