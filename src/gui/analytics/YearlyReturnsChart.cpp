#include "analytics/YearlyReturnsChart.h"

#include <algorithm>
#include <cmath>

#include "strategy/ChartStyle.h"

namespace strata {

YearlyReturnsChart::YearlyReturnsChart(QWidget* parent)
    : QCustomPlot(parent), m_strategy(new QCPBars(xAxis, yAxis)), m_benchmark(new QCPBars(xAxis, yAxis))
{
    chartstyle::applyBase(*this);
    chartstyle::addTitle(*this, tr("Yearly returns against the benchmark"));
    chartstyle::usePercentTicks(*yAxis);
    xAxis->grid()->setVisible(false);
    auto* group = new QCPBarsGroup(this);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(2);
    m_strategy->setName(tr("Strategy"));
    m_strategy->setPen(Qt::NoPen);
    m_strategy->setBrush(chartstyle::strategyColour());
    m_strategy->setWidth(0.36);
    m_strategy->setBarsGroup(group);
    m_benchmark->setName(tr("Benchmark"));
    m_benchmark->setPen(Qt::NoPen);
    m_benchmark->setBrush(chartstyle::seriesColour(1));
    m_benchmark->setWidth(0.36);
    m_benchmark->setBarsGroup(group);

    // The legend in a row of its own under the chart: it never covers a bar.
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
}

void YearlyReturnsChart::setYears(const QList<StrategyAnalytics::Year>& years, const QString& benchmarkName)
{
    QVector<double> keys, strategy, benchmark, benchmarkKeys;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double low = 0, high = 0;
    for (const StrategyAnalytics::Year& year : years) {
        keys.append(year.year);
        strategy.append(year.strategy);
        low = std::min(low, year.strategy);
        high = std::max(high, year.strategy);
        if (std::isfinite(year.benchmark)) {
            benchmarkKeys.append(year.year);
            benchmark.append(year.benchmark);
            low = std::min(low, year.benchmark);
            high = std::max(high, year.benchmark);
        }
        ticker->addTick(year.year, QString::number(year.year));
    }
    m_strategy->setData(keys, strategy, true);
    m_benchmark->setData(benchmarkKeys, benchmark, true);
    m_benchmark->setName(benchmarkName.isEmpty() ? tr("Benchmark") : benchmarkName);
    m_benchmark->setVisible(!benchmark.isEmpty());
    if (benchmark.isEmpty())
        m_benchmark->removeFromLegend();
    else if (!legend->hasItemWithPlottable(m_benchmark))
        m_benchmark->addToLegend();
    xAxis->setTicker(ticker);
    if (!keys.isEmpty())
        xAxis->setRange(keys.first() - 0.6, keys.last() + 0.6);
    const double margin = std::max((high - low) * 0.1, 0.01);
    yAxis->setRange(low - (low < 0 ? margin : 0), high + margin);
}

} // namespace strata
