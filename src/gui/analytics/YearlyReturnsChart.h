#pragma once

#include "analytics/StrategyAnalytics.h"
#include "strategy/QCustomPlotInclude.h"

namespace strata {

/// The strategy's return in each calendar year beside its benchmark's, as grouped bars.
class YearlyReturnsChart : public QCustomPlot
{
    Q_OBJECT

public:
    explicit YearlyReturnsChart(QWidget* parent = nullptr);

    void setYears(const QList<StrategyAnalytics::Year>& years, const QString& benchmarkName);
    QCPBars* strategyBars() const { return m_strategy; }
    QCPBars* benchmarkBars() const { return m_benchmark; }

private:
    QCPBars* m_strategy;
    QCPBars* m_benchmark;
};

} // namespace strata
