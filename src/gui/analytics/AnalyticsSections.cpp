#include "analytics/AnalyticsSections.h"

#include <QLabel>

#include "analytics/CumulativeOverlay.h"
#include "analytics/DrawdownPeriodsTable.h"
#include "analytics/MetricTableView.h"
#include "analytics/ReturnDistributionChart.h"
#include "analytics/RollingRiskChart.h"
#include "analytics/SampleSplitBanner.h"
#include "analytics/YearlyReturnsChart.h"
#include "strategy/ChartStyle.h"

namespace strata {

namespace analytics_sections {

/// A heading over a table of the report.
QLabel* sectionTitle(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setFont(chartstyle::titleFont());
    label->setContentsMargins(10, 8, 0, 2);
    return label;
}

} // namespace analytics_sections

AnalyticsSections::AnalyticsSections(QWidget& report, QObject* parent)
    : QObject(parent), splitBanner(new SampleSplitBanner(&report)),
      worstTitle(analytics_sections::sectionTitle(
          tr("Worst drawdown periods (click one to show it on the charts)"), &report)),
      worstDrawdowns(new DrawdownPeriodsTable(&report)),
      beta(new RollingRiskChart(RollingRiskChart::Measure::Beta, &report)),
      volatility(new RollingRiskChart(RollingRiskChart::Measure::Volatility, &report)),
      yearly(new YearlyReturnsChart(&report)),
      daily(new ReturnDistributionChart(tr("Daily returns"), &report)),
      monthly(new ReturnDistributionChart(tr("Monthly returns"), &report)),
      metricsTitle(analytics_sections::sectionTitle(tr("Metrics"), &report)),
      metrics(new MetricTableView(&report))
{
    beta->setMinimumHeight(180);
    volatility->setMinimumHeight(190);
    yearly->setMinimumHeight(240);
    daily->setMinimumHeight(220);
    monthly->setMinimumHeight(220);
    setShown(false);
}

void AnalyticsSections::setShown(bool shown)
{
    for (QWidget* part :
         std::initializer_list<QWidget*>{splitBanner, worstTitle, worstDrawdowns, beta, volatility, yearly,
                                         daily, monthly, metricsTitle, metrics})
        part->setVisible(shown);
    // The banner has nothing to say without both samples.
    splitBanner->setVisible(shown && !splitBanner->verdict().isEmpty());
}

void AnalyticsSections::draw(const StrategyAnalytics& a, const QList<double>& time)
{
    splitBanner->setSplit(a.split);
    beta->setAnalytics(a, time);
    volatility->setAnalytics(a, time);
    for (RollingRiskChart* chart : {beta, volatility})
        CumulativeOverlay::drawBoundary(*chart, a.split);
    worstDrawdowns->setPeriods(a.worstDrawdowns, a.returns.day.isEmpty() ? QDate() : a.returns.day.last());
    const QString benchmarkName =
        a.benchmark.isEmpty()
            ? QString()
            : tr("Benchmark: %1")
                  .arg(a.benchmark.label.isEmpty() ? a.benchmarkChoice.describe() : a.benchmark.label);
    yearly->setYears(a.yearly, benchmarkName);
    daily->setHistogram(a.dailyDistribution);
    monthly->setHistogram(a.monthlyDistribution);
    metrics->setAnalytics(a);
}

} // namespace strata
