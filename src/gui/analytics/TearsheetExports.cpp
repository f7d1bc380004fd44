#include "analytics/TearsheetExports.h"

#include "analytics/AnalyticsCsv.h"
#include "analytics/ReportWriter.h"
#include "strategy/ChartExport.h"
#include "strategy/TearsheetSummary.h"
#include "strategy/TearsheetView.h"

namespace strata {

Status TearsheetExports::png(TearsheetView& view, const QString& path)
{
    return chartexport::savePng(*view.reportWidget(), path);
}

Status TearsheetExports::pdf(const TearsheetView& view, const QString& path)
{
    QStringList summary = view.summary()->lines();
    summary.append(tr("Period shown: %1").arg(view.periodSelector()->rangeText()));
    if (view.hasAnalytics()) {
        const StrategyAnalytics& a = view.analytics();
        summary.append(tr("Benchmark: %1")
                           .arg(a.benchmark.isEmpty()
                                    ? tr("none") + (a.benchmarkNote.isEmpty()
                                                        ? QString()
                                                        : QStringLiteral(" (%1)").arg(a.benchmarkNote))
                                    : a.benchmarkChoice.describe()));
        if (!a.split.verdict.isEmpty())
            summary.append(a.split.verdict);
    }
    for (const QString& problem : view.tearsheet().problems)
        summary.append(tr("Problem: %1").arg(problem));
    return chartexport::savePdf(view.summary()->heading(), summary, view.charts(), path);
}

Status TearsheetExports::csv(const TearsheetView& view, const QString& path)
{
    if (view.hasAnalytics())
        return AnalyticsCsv::write(view.analytics(), path);
    return chartexport::writeTearsheetCsv(view.tearsheet(), path);
}

Status TearsheetExports::html(const TearsheetView& view, const QString& path)
{
    if (!view.hasAnalytics())
        return Error::badInput(
            tr("The tearsheet of %1 has no analytics to report yet.").arg(view.tearsheet().strategyId),
            tr("Wait for the tearsheet to be read, then export again; nothing was written."));
    return ReportWriter::write(path, view.analytics(), view.charts(), nullptr, {});
}

} // namespace strata
