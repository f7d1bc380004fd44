#include "strategy/RegimeComparison.h"

#include <algorithm>

#include "strategy/ChartStyle.h"

namespace strata {

RegimeComparison::RegimeComparison(QWidget* parent) : QCustomPlot(parent), m_group(new QCPBarsGroup(this))
{
    chartstyle::applyBase(*this);
    chartstyle::addTitle(*this, tr("Performance by regime compared (total return)"));
    chartstyle::usePercentTicks(*yAxis);
    xAxis->grid()->setVisible(false);
    xAxis->setTickLabelFont(chartstyle::tickFont());
    m_group->setSpacingType(QCPBarsGroup::stAbsolute);
    m_group->setSpacing(2);
}

void RegimeComparison::setStrategies(const QList<Tearsheet>& sheets, const QStringList& names,
                                     const QList<QColor>& colours)
{
    clearPlottables();
    m_bars.clear();
    m_group->clear();
    m_regimes.clear();
    for (const Tearsheet& sheet : sheets)
        for (const Tearsheet::Regime& regime : sheet.regimes)
            if (!m_regimes.contains(regime.name))
                m_regimes.append(regime.name);

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (qsizetype i = 0; i < m_regimes.size(); ++i)
        ticker->addTick(double(i + 1), m_regimes[i]);
    xAxis->setTicker(ticker);
    xAxis->setRange(0.4, double(m_regimes.size()) + 0.6);

    // The bars of one regime share its slot: the wider the group, the thinner each bar.
    const double width = 0.8 / double(std::max<qsizetype>(1, sheets.size()));
    double low = 0;
    double high = 0;
    for (qsizetype s = 0; s < sheets.size(); ++s) {
        auto* bars = new QCPBars(xAxis, yAxis);
        bars->setName(names.value(s));
        bars->setPen(Qt::NoPen);
        bars->setBrush(colours.value(s, chartstyle::seriesColour(int(s))));
        bars->setWidth(width);
        bars->setBarsGroup(m_group);
        QVector<double> keys;
        QVector<double> values;
        for (const Tearsheet::Regime& regime : sheets[s].regimes) {
            keys.append(double(m_regimes.indexOf(regime.name) + 1));
            values.append(regime.totalReturn);
            low = std::min(low, regime.totalReturn);
            high = std::max(high, regime.totalReturn);
        }
        bars->setData(keys, values);
        m_bars.append(bars);
    }
    const double margin = std::max((high - low) * 0.12, 1e-6);
    yAxis->setRange(low - (low < 0 ? margin : 0), high + margin);
}

} // namespace strata
