#pragma once

#include "analytics/StrategyAnalytics.h"
#include "strategy/QCustomPlotInclude.h"

namespace strata {

/// How a strategy's returns are distributed: a histogram of its daily or monthly returns, with their mean
/// and one standard deviation either side marked.
class ReturnDistributionChart : public QCustomPlot
{
    Q_OBJECT

public:
    ReturnDistributionChart(const QString& title, QWidget* parent = nullptr);

    void setHistogram(const StrategyAnalytics::Histogram& histogram);
    QCPBars* bars() const { return m_bars; }
    /// The total of the histogram's counts: how many returns it draws.
    int total() const { return m_total; }

private:
    QCPBars* m_bars;
    int m_total = 0;
};

} // namespace strata
