#include "analytics/TearsheetCharts.h"

#include <cmath>

#include "strategy/ChartStyle.h"
#include "strategy/RollingMean.h"
#include "strategy/Tearsheet.h"
#include "strategy/TimeSeriesChart.h"

namespace strata {

QPen TearsheetCharts::linePen(const QColor& colour, double width)
{
    QPen pen(colour, width);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

void TearsheetCharts::draw(const Tearsheet& sheet, TimeSeriesChart& cumulative, TimeSeriesChart& drawdown,
                           TimeSeriesChart& sharpe, TimeSeriesChart& winRate)
{
    const QString name = sheet.name.isEmpty() ? sheet.strategyId : sheet.name;
    const QPen reference(chartstyle::referenceColour(), 1, Qt::SolidLine);
    const QPen dashed(chartstyle::referenceColour(), 1, Qt::DashLine);

    cumulative.addSeries(name, sheet.time, sheet.cumulativeReturn,
                         linePen(chartstyle::strategyColour(), 1.8));
    cumulative.addReferenceLine(0, reference);

    QCPGraph* underwater = drawdown.addSeries(tr("Drawdown"), sheet.time, sheet.drawdown,
                                              linePen(chartstyle::drawdownColour(), 1.2));
    TimeSeriesChart::fillToZero(*underwater, chartstyle::drawdownColour());
    if (sheet.maxDrawdown < 0)
        drawdown.addReferenceLine(sheet.maxDrawdown, dashed);

    sharpe.addSeries(tr("Rolling Sharpe (%1 periods)").arg(sheet.rollingWindow), sheet.time,
                     sheet.rollingSharpe, linePen(QColor(0x4c, 0x72, 0xb0), 1.4));
    sharpe.addReferenceLine(0, reference);
    if (std::isfinite(sheet.sharpe))
        sharpe.addReferenceLine(sheet.sharpe, dashed);

    QCPGraph* perPeriod =
        winRate.addSeries(tr("Win rate"), sheet.time, sheet.winRate, QPen(QColor(0x9a, 0xb8, 0xd6), 1));
    perPeriod->setLineStyle(QCPGraph::lsNone);
    perPeriod->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0x9a, 0xb8, 0xd6), 2.5));
    winRate.addSeries(tr("Rolling mean (%1 periods)").arg(winRateWindow), sheet.time,
                      rollingMean(sheet.winRate, winRateWindow), linePen(QColor(0x2a, 0x4d, 0x7a), 1.6));
    winRate.addReferenceLine(0.5, dashed);
    winRate.yAxis->setRange(-0.02, 1.02);
}

} // namespace strata
