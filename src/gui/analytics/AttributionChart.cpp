#include "analytics/AttributionChart.h"

#include <cmath>

#include "strategy/ChartStyle.h"
#include "theme/Theme.h"

namespace strata {

AttributionChart::AttributionChart(QWidget* parent) : QCustomPlot(parent)
{
    chartstyle::applyBase(*this);
    chartstyle::addTitle(*this, tr("Component attribution by generation"));
    const QStringList names = {tr("Signal generator"), tr("Risk manager"), tr("Position sizer")};
    for (int i = 0; i < 3; ++i) {
        auto* bars = new QCPBars(xAxis, yAxis);
        bars->setName(names.at(i));
        bars->setWidth(0.6);
        bars->setStackingGap(0);
        if (!m_bars.isEmpty())
            bars->moveAbove(m_bars.last());
        m_bars << bars;
    }
    m_sharpe = addGraph(xAxis, yAxis2);
    m_sharpe->setName(tr("Mean Sharpe (right)"));
    m_sharpe->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    xAxis->setLabel(tr("Generation (members)"));
    yAxis->setLabel(tr("Mean contribution"));
    yAxis2->setLabel(tr("Mean Sharpe"));
    yAxis2->setVisible(true);
    yAxis2->setTickLabels(true);
    xAxis->grid()->setVisible(false);
    legend->setVisible(true);
    legend->setFont(chartstyle::tickFont());
    legend->setRowSpacing(0);
    legend->setWrap(2);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    // The legend in a row of its own under the title, so it never covers a bar.
    plotLayout()->insertRow(1);
    plotLayout()->addElement(1, 0, legend);
    plotLayout()->setRowStretchFactor(1, 0.001);
    applyTheme();
    connect(&Theme::instance(), &Theme::changed, this, [this] {
        applyTheme();
        replot();
    });
}

void AttributionChart::applyTheme()
{
    chartstyle::restyle(*this);
    for (int i = 0; i < m_bars.size(); ++i) {
        const QColor colour = chartstyle::seriesColour(i);
        m_bars.at(i)->setPen(QPen(colour.darker(130), 1));
        m_bars.at(i)->setBrush(colour);
    }
    m_sharpe->setPen(QPen(chartstyle::textColour(), 2));
    legend->setBrush(chartstyle::backgroundColour());
    legend->setBorderPen(Qt::NoPen);
    legend->setTextColor(chartstyle::textColour());
}

void AttributionChart::setFamily(const FamilyView& family)
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QList<QVector<double>> values(3);
    QVector<double> keys;
    QVector<double> sharpe;
    double low = 0;
    double high = 0;
    const int step = std::max(1, static_cast<int>(std::ceil(family.generations.size() / 12.0)));
    for (const FamilyView::Generation& g : family.generations) {
        keys << g.generation;
        // Every generation named while there is room; for a long history every step-th, without the count.
        if (g.generation % step == 0)
            ticker->addTick(g.generation, step == 1
                                              ? QStringLiteral("%1\n(%2)").arg(g.generation).arg(g.members)
                                              : QString::number(g.generation));
        double up = 0;
        double down = 0;
        for (int i = 0; i < 3; ++i) {
            const double v = std::isfinite(g.attribution.at(i)) ? g.attribution.at(i) : 0.0;
            values[i] << v;
            (v >= 0 ? up : down) += v;
        }
        low = std::min(low, down);
        high = std::max(high, up);
        sharpe << g.meanSharpe;
    }
    m_generations = static_cast<int>(keys.size());
    xAxis->setLabel(step == 1 ? tr("Generation (members)") : tr("Generation"));
    for (int i = 0; i < 3; ++i)
        m_bars.at(i)->setData(keys, values.at(i), true);
    m_sharpe->setData(keys, sharpe, true);
    xAxis->setTicker(ticker);
    xAxis->setRange(keys.isEmpty() ? -0.5 : keys.first() - 0.6, keys.isEmpty() ? 0.5 : keys.last() + 0.6);
    const double pad = std::max(1e-9, (high - low) * 0.08);
    yAxis->setRange(low - pad, high + pad);
    bool found = false;
    const QCPRange sharpeRange = m_sharpe->getValueRange(found);
    if (found)
        yAxis2->setRange(sharpeRange.lower - 0.2 - std::abs(sharpeRange.lower) * 0.1,
                         sharpeRange.upper + 0.2 + std::abs(sharpeRange.upper) * 0.1);
    // Drawn with the next paint: an immediate replot would repaint the whole window at once.
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace strata
