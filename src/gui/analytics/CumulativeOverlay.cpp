#include "analytics/CumulativeOverlay.h"

#include "analytics/AnalyticsTimeline.h"
#include "strategy/ChartStyle.h"
#include "strategy/TimeSeriesChart.h"

namespace strata {

namespace cumulative_overlay {

/// A rectangle spanning the chart's height from `from` to `to` on the time axis, under the lines.
QCPItemRect* band(QCustomPlot& chart, double from, double to, const QColor& fill)
{
    auto* rect = new QCPItemRect(&chart);
    rect->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
    rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    rect->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
    rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    rect->topLeft->setCoords(from, 0);
    rect->bottomRight->setCoords(to, 1);
    rect->setPen(Qt::NoPen);
    rect->setBrush(fill);
    rect->setSelectable(false);
    rect->setLayer(QStringLiteral("grid"));
    return rect;
}

QCPItemText* label(QCustomPlot& chart, double x, Qt::Alignment align, const QString& text)
{
    auto* item = new QCPItemText(&chart);
    item->position->setTypeX(QCPItemPosition::ptPlotCoords);
    item->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    // At the foot of the chart: the legend sits in its top left corner, and a cumulative return seldom
    // runs along the bottom for long.
    item->position->setCoords(x, 0.98);
    item->setPositionAlignment(align | Qt::AlignBottom);
    item->setPadding(QMargins(6, 2, 6, 2));
    item->setFont(chartstyle::tickFont());
    item->setColor(chartstyle::textColour());
    QColor behind = chartstyle::backgroundColour();
    behind.setAlpha(200);
    item->setBrush(behind);
    item->setSelectable(false);
    item->setText(text);
    return item;
}

} // namespace cumulative_overlay

QCPItemStraightLine* CumulativeOverlay::drawBoundary(QCustomPlot& chart, const SampleSplit& split)
{
    if (!split.boundary.isValid())
        return nullptr;
    const double x = AnalyticsTimeline::at(split.boundary);
    auto* line = new QCPItemStraightLine(&chart);
    line->setPen(QPen(chartstyle::textColour(), 1.2, Qt::DashLine));
    line->setAntialiased(false);
    line->setSelectable(false);
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
    return line;
}

CumulativeOverlay::Drawn CumulativeOverlay::draw(TimeSeriesChart& chart, const StrategyAnalytics& analytics,
                                                 const QList<double>& time)
{
    Drawn drawn;
    const bool dark = chartstyle::darkTheme();
    // Shading first, under everything: the worst drawdowns, each from its start to its recovery (or the
    // history's last day while still under water).
    const double lastTime = time.isEmpty() ? 0 : time.last();
    QColor shade = chartstyle::drawdownColour();
    shade.setAlpha(dark ? 40 : 26);
    for (const DrawdownPeriod& period : analytics.worstDrawdowns) {
        const double from = AnalyticsTimeline::at(period.start);
        const double to = period.recovered() ? AnalyticsTimeline::at(period.end) : lastTime;
        drawn.drawdownShading << cumulative_overlay::band(chart, from, std::max(to, from + 86400.0), shade);
    }
    const SampleSplit& split = analytics.split;
    if (split.boundary.isValid() && !time.isEmpty()) {
        const double x = AnalyticsTimeline::at(split.boundary);
        // A cool grey-blue, apart from the drawdowns' red, and faint: the lines stay the figure.
        QColor tint = dark ? QColor(0x8f, 0xa8, 0xd8) : QColor(0x4a, 0x6f, 0xb5);
        tint.setAlpha(dark ? 26 : 16);
        drawn.outOfSampleTint = cumulative_overlay::band(chart, x, std::max(lastTime, x) + 86400.0, tint);
        drawn.boundary = drawBoundary(chart, split);
        drawn.inSampleLabel =
            cumulative_overlay::label(chart, x, Qt::AlignRight, QObject::tr("◀ In sample (backtest)"));
        drawn.outOfSampleLabel =
            cumulative_overlay::label(chart, x, Qt::AlignLeft, QObject::tr("Out of sample (live) ▶"));
    }

    // The benchmark's lines over the strategy's days.
    if (!analytics.benchmark.isEmpty() && analytics.benchmarkCumulativeByDay.size() == time.size()) {
        const QString name = analytics.benchmark.label.isEmpty() ? analytics.benchmarkChoice.describe()
                                                                 : analytics.benchmark.label;
        QPen benchmarkPen(chartstyle::seriesColour(1), 1.5);
        drawn.benchmark = chart.addSeries(QObject::tr("Benchmark: %1").arg(name), time,
                                          analytics.benchmarkCumulativeByDay, benchmarkPen);
        if (analytics.volMatchedCumulativeByDay.size() == time.size()) {
            QPen matched(dark ? QColor(0xb0, 0xb4, 0xba) : QColor(0x6b, 0x70, 0x78), 1.3, Qt::DashLine);
            drawn.volMatched = chart.addSeries(QObject::tr("Benchmark at the strategy's volatility"), time,
                                               analytics.volMatchedCumulativeByDay, matched);
        }
    }
    chart.legend->setVisible(chart.graphCount() > 1);
    return drawn;
}

CumulativeOverlay::Drawn CumulativeOverlay::redraw(TimeSeriesChart& cumulative,
                                                   const QList<TimeSeriesChart*>& others,
                                                   const Drawn& previous, const StrategyAnalytics& analytics,
                                                   const QList<double>& time)
{
    const char* mark = "strataAnalytics";
    QList<TimeSeriesChart*> charts = others;
    charts.prepend(&cumulative);
    for (TimeSeriesChart* chart : std::as_const(charts))
        for (int i = chart->itemCount() - 1; i >= 0; --i)
            if (chart->item(i)->property(mark).toBool())
                chart->removeItem(i);
    for (QCPGraph* graph : {previous.benchmark, previous.volMatched})
        if (graph && cumulative.hasPlottable(graph))
            cumulative.removeGraph(graph);
    const int itemsBefore = cumulative.itemCount();
    Drawn drawn = draw(cumulative, analytics, time);
    for (int i = itemsBefore; i < cumulative.itemCount(); ++i)
        cumulative.item(i)->setProperty(mark, true);
    cumulative.legend->setTextColor(chartstyle::textColour());
    for (TimeSeriesChart* chart : others)
        if (QCPItemStraightLine* line = drawBoundary(*chart, analytics.split))
            line->setProperty(mark, true);
    return drawn;
}

void CumulativeOverlay::placeLegend(TimeSeriesChart& cumulative)
{
    cumulative.legend->setFont(chartstyle::tickFont());
    cumulative.legend->setBorderPen(Qt::NoPen);
    QColor behind = chartstyle::backgroundColour();
    behind.setAlpha(210);
    cumulative.legend->setBrush(behind);
    cumulative.legend->setTextColor(chartstyle::textColour());
    cumulative.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

} // namespace strata
