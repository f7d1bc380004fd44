#include "analytics/RollingRiskChart.h"

#include <cmath>

#include "strategy/ChartStyle.h"

namespace strata {

namespace rolling_risk_chart {

QPen pen(const QColor& colour, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen p(colour, width, style);
    p.setJoinStyle(Qt::RoundJoin);
    return p;
}

bool anyFinite(const QList<double>& values)
{
    for (double value : values)
        if (std::isfinite(value))
            return true;
    return false;
}

} // namespace rolling_risk_chart

RollingRiskChart::RollingRiskChart(Measure measure, QWidget* parent)
    : TimeSeriesChart(measure == Measure::Beta ? tr("Rolling beta to the benchmark")
                                               : tr("Rolling volatility (annualised)"),
                      measure == Measure::Beta ? ValueFormat::Ratio : ValueFormat::Percent, parent),
      m_measure(measure)
{
    // The legend in a row of its own under the chart: four lines would cover the top of the plot.
    legend->setVisible(true);
    legend->setFont(chartstyle::tickFont());
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setTextColor(chartstyle::textColour());
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    axisRect()->insetLayout()->take(legend);
    const int legendRow = plotLayout()->rowCount();
    plotLayout()->addElement(legendRow, 0, legend);
    plotLayout()->setRowStretchFactor(legendRow, 0.001);
    // Left aligned under the plot, where the time axis starts.
    legend->setMargins(QMargins(66, 0, 0, 2));
    plotLayout()->setMinimumSize(0, 0);
}

QCPGraph* RollingRiskChart::series(const QString& name) const
{
    for (int i = 0; i < graphCount(); ++i)
        if (graph(i)->name() == name)
            return graph(i);
    return nullptr;
}

void RollingRiskChart::setAnalytics(const StrategyAnalytics& analytics, const QList<double>& time)
{
    clearGraphs();
    clearItems();
    const QColor strategy = chartstyle::strategyColour();
    const QColor benchmark = chartstyle::seriesColour(1);
    const QPen reference(chartstyle::referenceColour(), 1, Qt::SolidLine);
    if (m_measure == Measure::Beta) {
        if (rolling_risk_chart::anyFinite(analytics.rollingBeta6mByDay))
            addSeries(tr("6 months"), time, analytics.rollingBeta6mByDay,
                      rolling_risk_chart::pen(strategy, 1.1, Qt::DashLine));
        if (rolling_risk_chart::anyFinite(analytics.rollingBeta12mByDay))
            addSeries(tr("12 months"), time, analytics.rollingBeta12mByDay,
                      rolling_risk_chart::pen(strategy, 1.8));
        addReferenceLine(0, reference);
        addReferenceLine(1, QPen(chartstyle::referenceColour(), 1, Qt::DashLine));
    } else {
        addSeries(tr("Strategy 6 months"), time, analytics.rollingVolatility6mByDay,
                  rolling_risk_chart::pen(strategy, 1.1, Qt::DashLine));
        addSeries(tr("Strategy 12 months"), time, analytics.rollingVolatility12mByDay,
                  rolling_risk_chart::pen(strategy, 1.8));
        if (rolling_risk_chart::anyFinite(analytics.benchmarkRollingVol6mByDay))
            addSeries(tr("Benchmark 6 months"), time, analytics.benchmarkRollingVol6mByDay,
                      rolling_risk_chart::pen(benchmark, 1.2, Qt::DashLine));
        if (rolling_risk_chart::anyFinite(analytics.benchmarkRollingVol12mByDay))
            addSeries(tr("Benchmark 12 months"), time, analytics.benchmarkRollingVol12mByDay,
                      rolling_risk_chart::pen(benchmark, 1.8));
        setIncludeZero(true);
    }
    // No line, no legend: an empty legend row left in the layout squeezes the plot to a sliver, so it is
    // taken out of the layout and put back under the plot when there are lines again.
    const bool lines = graphCount() > 0;
    legend->setVisible(lines);
    if (!lines && legend->layout()) {
        plotLayout()->take(legend);
        plotLayout()->simplify();
    } else if (lines && !legend->layout()) {
        const int legendRow = plotLayout()->rowCount();
        plotLayout()->addElement(legendRow, 0, legend);
        plotLayout()->setRowStretchFactor(legendRow, 0.001);
    }
    // The value axis fitted to the new lines now: the time range may not change (the same period shown
    // again), and QCustomPlot's default 0–5 would read as a volatility of 0–500 %.
    if (lines)
        fitValueAxis();
    if (m_measure == Measure::Beta && graphCount() == 0) {
        // Said where the lines would be, so an empty chart is never taken for a flat beta.
        auto* note = new QCPItemText(this);
        note->position->setType(QCPItemPosition::ptAxisRectRatio);
        note->position->setCoords(0.5, 0.5);
        note->setPositionAlignment(Qt::AlignCenter);
        note->setFont(chartstyle::tickFont());
        note->setColor(chartstyle::textColour());
        // One short line: the benchmark's full explanation is in the banner above (and at the report's top),
        // and a longer note runs out of the chart on both sides.
        constexpr qsizetype shortNote = 90;
        const QString why = analytics.benchmarkNote.isEmpty() || analytics.benchmarkNote.size() > shortNote
                                ? tr("choose one in the Benchmark chooser to see the beta")
                                : analytics.benchmarkNote;
        note->setText(analytics.benchmark.isEmpty() ? tr("No benchmark: %1").arg(why)
                                                    : tr("Not enough common days for a 6-month beta"));
        yAxis->setRange(-0.5, 1.5);
    }
}

} // namespace strata
