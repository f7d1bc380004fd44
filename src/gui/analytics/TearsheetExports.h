#pragma once

#include <QCoreApplication>
#include <QString>

#include "common/Result.h"

namespace strata {

class TearsheetView;

/// What the tearsheet window writes to files: the report as on screen (PNG), a PDF of the summary and every
/// chart, the CSV of every series, and the self-contained HTML report. The window's Export menu and
/// TearsheetView's export functions call these.
class TearsheetExports
{
    Q_DECLARE_TR_FUNCTIONS(TearsheetExports)

public:
    /// The report as on screen (summary, problems, every chart).
    static Status png(TearsheetView& view, const QString& path);
    /// The summary's figures, the period shown, the benchmark and the verdict, then every chart.
    static Status pdf(const TearsheetView& view, const QString& path);
    /// Every series, one row per period; the analytics' columns too once they are shown.
    static Status csv(const TearsheetView& view, const QString& path);
    /// The HTML report (a PDF when `path` ends in .pdf); needs the analytics.
    static Status html(const TearsheetView& view, const QString& path);
};

} // namespace strata
