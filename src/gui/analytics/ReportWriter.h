#pragma once

#include <QList>
#include <QString>

#include "analytics/FamilyView.h"
#include "analytics/StrategyAnalytics.h"
#include "common/Result.h"

class QCustomPlot;
class QWidget;

namespace strata {

/// Writes a strategy's report: its tearsheet (the charts, the metric table, the worst drawdowns, the yearly
/// returns, the in/out-of-sample verdict) and, when given, its family view (the charts and the members
/// table). A path ending in .pdf gives a PDF; anything else one self-contained HTML file (styles inline,
/// charts as data: URI PNGs, nothing fetched). The file is written to a temporary file beside the target
/// that replaces it only when whole: a failure leaves the target as it was.
class ReportWriter
{
public:
    static Status write(const QString& path, const StrategyAnalytics& analytics,
                        const QList<QCustomPlot*>& tearsheetCharts, const FamilyView* family,
                        const QList<QWidget*>& familyCharts);

    /// The widths the charts are drawn at in the report (pixels).
    static constexpr int chartWidth = 1000;
    static constexpr int chartHeight = 380;
};

} // namespace strata
