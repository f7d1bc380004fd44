#pragma once

#include <QStringList>

#include "analytics/FamilyView.h"
#include "analytics/StrategyAnalytics.h"

namespace strata {

/// The report's text as HTML, shared by the HTML file and the PDF: the images are named by the caller
/// (data: URIs for the HTML file, resource names for the PDF's QTextDocument). Every value is escaped.
class ReportDocument
{
public:
    struct Images
    {
        QStringList tearsheet; ///< one src per tearsheet chart, top to bottom
        QStringList family;    ///< the parallel coordinates, then the attribution
    };

    /// `forPrint`: plain tables QTextDocument lays out well (no CSS grid, explicit widths).
    static QString html(const StrategyAnalytics& analytics, const FamilyView* family, const Images& images,
                        bool forPrint);
    /// A metric's value as the table shows it, by its unit ("12.34 %", "1.84", "37 days", "2026-03-02").
    static QString metricValue(const QString& key, double value);
};

} // namespace strata
