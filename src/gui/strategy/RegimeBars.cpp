#include "strategy/RegimeBars.h"

#include <algorithm>
#include <cmath>

#include "strategy/ChartStyle.h"

namespace strata {

namespace {

/// A range around `values` that always holds 0, with a margin so the bars never touch the frame.
QCPRange rangeWithZero(const QVector<double>& values)
{
    double low = 0;
    double high = 0;
    for (double value : values) {
        if (std::isnan(value))
            continue;
        low = std::min(low, value);
        high = std::max(high, value);
    }
    const double margin = std::max((high - low) * 0.12, 1e-6);
    return QCPRange(low - (low < 0 ? margin : 0), high + margin);
}

} // namespace

RegimeBars::RegimeBars(QWidget* parent)
    : QCustomPlot(parent), m_return(new QCPBars(xAxis, yAxis)), m_sharpe(new QCPBars(xAxis, yAxis2))
{
    chartstyle::applyBase(*this);
    chartstyle::addTitle(*this, tr("Performance by regime"));
    yAxis2->setVisible(true);
    yAxis2->setTickLabels(true);
    yAxis2->grid()->setVisible(false);
    chartstyle::usePercentTicks(*yAxis);
    yAxis->setLabel(tr("Total return"));
    yAxis2->setLabel(tr("Sharpe"));
    xAxis->grid()->setVisible(false);
    xAxis->setTickLabelFont(chartstyle::tickFont());

    auto* group = new QCPBarsGroup(this);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(3);
    m_return->setName(tr("Total return"));
    m_return->setPen(Qt::NoPen);
    m_return->setBrush(chartstyle::strategyColour());
    m_return->setWidth(0.34);
    m_return->setBarsGroup(group);
    m_sharpe->setName(tr("Sharpe (right axis)"));
    m_sharpe->setPen(Qt::NoPen);
    m_sharpe->setBrush(QColor(0xf0, 0xa2, 0x3b));
    m_sharpe->setWidth(0.34);
    m_sharpe->setBarsGroup(group);

    // The legend in a row of its own under the chart, side by side: it never covers a bar.
    legend->setVisible(true);
    legend->setFont(chartstyle::tickFont());
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    axisRect()->insetLayout()->take(legend);
    const int legendRow = plotLayout()->rowCount();
    plotLayout()->addElement(legendRow, 0, legend);
    plotLayout()->setRowStretchFactor(legendRow, 0.001);
    plotLayout()->simplify();
}

void RegimeBars::setRegimes(const QList<Tearsheet::Regime>& regimes)
{
    QVector<double> keys;
    QVector<double> returns;
    QVector<double> sharpes;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (qsizetype i = 0; i < regimes.size(); ++i) {
        const Tearsheet::Regime& regime = regimes[i];
        keys.append(double(i + 1));
        returns.append(regime.totalReturn);
        sharpes.append(regime.sharpe);
        ticker->addTick(double(i + 1), tr("%1\n%2 periods\nmean %3")
                                           .arg(regime.name)
                                           .arg(regime.periods)
                                           .arg(chartstyle::percent(regime.meanReturn, 2, true)));
    }
    m_return->setData(keys, returns, true);
    m_sharpe->setData(keys, sharpes, true);
    xAxis->setTicker(ticker);
    xAxis->setRange(0.4, double(regimes.size()) + 0.6);

    // Both axes put 0 at the same height, so the two bar series share one baseline.
    const QCPRange left = rangeWithZero(returns);
    const QCPRange right = rangeWithZero(sharpes);
    const double below = std::min(left.lower / left.upper, right.lower / right.upper); // both <= 0
    yAxis->setRange(below * left.upper, left.upper);
    yAxis2->setRange(below * right.upper, right.upper);
}

} // namespace strata
