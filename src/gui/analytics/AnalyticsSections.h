#pragma once

#include <QList>
#include <QObject>

#include "analytics/StrategyAnalytics.h"

class QLabel;
class QWidget;

namespace strata {

class DrawdownPeriodsTable;
class MetricTableView;
class ReturnDistributionChart;
class RollingRiskChart;
class SampleSplitBanner;
class YearlyReturnsChart;

/// The sections of a tearsheet that only the analytics fill: the in/out-of-sample verdict, the worst
/// drawdown periods, rolling beta and volatility, yearly returns, the return distributions and the metric
/// table. Made inside the tearsheet's report widget; TearsheetView lays them out among its own charts.
class AnalyticsSections : public QObject
{
    Q_OBJECT

public:
    AnalyticsSections(QWidget& report, QObject* parent);

    /// Draws every section from `analytics`; `time` is AnalyticsTimeline::times of it.
    void draw(const StrategyAnalytics& analytics, const QList<double>& time);
    /// Shown with the analytics, hidden while the window shows a tearsheet alone.
    void setShown(bool shown);

    SampleSplitBanner* splitBanner;
    QLabel* worstTitle;
    DrawdownPeriodsTable* worstDrawdowns;
    RollingRiskChart* beta;
    RollingRiskChart* volatility;
    YearlyReturnsChart* yearly;
    ReturnDistributionChart* daily;
    ReturnDistributionChart* monthly;
    QLabel* metricsTitle;
    MetricTableView* metrics;
};

} // namespace strata
