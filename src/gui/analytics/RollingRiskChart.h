#pragma once

#include "analytics/StrategyAnalytics.h"
#include "strategy/TimeSeriesChart.h"

namespace strata {

/// A time chart of the strategy's rolling risk against its benchmark, over 6 and 12 months (126 and 252
/// days): its beta, or its annualised volatility beside the benchmark's. Linked to the tearsheet's other
/// time charts.
class RollingRiskChart : public TimeSeriesChart
{
    Q_OBJECT

public:
    enum class Measure { Beta, Volatility };

    RollingRiskChart(Measure measure, QWidget* parent = nullptr);

    /// `time` holds the chart time of each of the analytics' days (AnalyticsTimeline::times).
    void setAnalytics(const StrategyAnalytics& analytics, const QList<double>& time);
    Measure measure() const { return m_measure; }
    /// The graph named `name`, nullptr when there is none (no benchmark: no beta).
    QCPGraph* series(const QString& name) const;

private:
    Measure m_measure;
};

} // namespace strata
