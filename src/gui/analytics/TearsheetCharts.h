#pragma once

#include <QCoreApplication>
#include <QPen>

namespace strata {

struct Tearsheet;
class TimeSeriesChart;

/// The tearsheet window's time charts drawn from the Tearsheet alone (the analytics draw over them):
/// cumulative return with its zero line, the drawdown underwater with its maximum dashed, the rolling
/// Sharpe with the whole history's Sharpe dashed, and the win rate per period with its rolling mean and
/// the 50 % line. The charts are expected empty (their graphs and items cleared).
class TearsheetCharts
{
    Q_DECLARE_TR_FUNCTIONS(TearsheetCharts)

public:
    static void draw(const Tearsheet& sheet, TimeSeriesChart& cumulative, TimeSeriesChart& drawdown,
                     TimeSeriesChart& sharpe, TimeSeriesChart& winRate);
    /// A series' line: rounded joins, so a steep turn has no spike.
    static QPen linePen(const QColor& colour, double width = 1.6);
};

} // namespace strata
