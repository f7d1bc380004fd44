#pragma once

#include <QList>

#include "analytics/StrategyAnalytics.h"
#include "strategy/QCustomPlotInclude.h"

namespace strata {

class TimeSeriesChart;

/// What the analytics add to the tearsheet's cumulative chart: the benchmark's cumulative return and the
/// same scaled to the strategy's volatility as extra lines, the worst drawdown periods shaded, and the
/// in-sample / out-of-sample boundary as a vertical line with both parts labelled (out of sample tinted).
/// Other time charts get the boundary line alone.
class CumulativeOverlay
{
public:
    struct Drawn
    {
        QCPGraph* benchmark = nullptr;
        QCPGraph* volMatched = nullptr;
        QList<QCPItemRect*> drawdownShading;
        QCPItemStraightLine* boundary = nullptr;
        QCPItemRect* outOfSampleTint = nullptr;
        QCPItemText* inSampleLabel = nullptr;
        QCPItemText* outOfSampleLabel = nullptr;
    };

    /// Draws on `chart`, which already holds the strategy's own line; `time` is AnalyticsTimeline::times.
    static Drawn draw(TimeSeriesChart& chart, const StrategyAnalytics& analytics, const QList<double>& time);
    /// The boundary line alone (the drawdown and rolling charts).
    static QCPItemStraightLine* drawBoundary(QCustomPlot& chart, const SampleSplit& split);
    /// Takes off what `previous` drew on `cumulative` and the boundary lines drawn on `others` (marked when
    /// drawn), and draws `analytics` again: after another benchmark, or a theme switch. The charts' own
    /// lines and references stay.
    static Drawn redraw(TimeSeriesChart& cumulative, const QList<TimeSeriesChart*>& others,
                        const Drawn& previous, const StrategyAnalytics& analytics, const QList<double>& time);
    /// The cumulative chart's legend in its top left corner, over the theme's background.
    static void placeLegend(TimeSeriesChart& cumulative);
};

} // namespace strata
