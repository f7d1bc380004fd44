#include "analytics/ReportDocument.h"

#include <cmath>

#include <QDate>
#include <QDateTime>

#include "analytics/FamilyTableModel.h"
#include "analytics/MetricDefinition.h"

namespace strata {

namespace {

QString reportEsc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString reportPct(double fraction, int decimals = 2)
{
    if (!std::isfinite(fraction))
        return QStringLiteral("-");
    return QString::number(fraction * 100.0, 'f', decimals) + QStringLiteral(" %");
}

QString reportStyle(bool forPrint)
{
    const QString common = QStringLiteral(
        "body{font-family:'DejaVu Sans',Arial,sans-serif;color:#1f2933;background:#ffffff;margin:24px;}"
        "h1{font-size:22px;margin:0 0 4px 0;}h2{font-size:17px;margin:24px 0 8px 0;border-bottom:1px solid "
        "#c8d0d9;padding-bottom:3px;}h3{font-size:14px;margin:14px 0 6px 0;}"
        "table{border-collapse:collapse;margin:6px 0 12px 0;font-size:12px;}"
        "th,td{border:1px solid #d5dbe1;padding:3px 7px;}th{background:#eef1f4;text-align:left;}"
        "td.n{text-align:right;white-space:nowrap;}tr.section td{background:#f6f7f9;font-weight:bold;}"
        ".muted{color:#5b6775;font-size:12px;}.held{color:#1a7f3a;font-weight:bold;}"
        ".failed{color:#b3261e;font-weight:bold;}.changed{background:#fdf0d5;font-weight:bold;}");
    if (forPrint)
        return common;
    return common +
           QStringLiteral("img{max-width:100%;height:auto;display:block;margin:8px 0;border:1px solid "
                          "#e3e6ea;}.wrap{max-width:1100px;}");
}

QString reportImage(const QString& src, const QString& alt, bool forPrint)
{
    // The PDF's page is about 650 points wide: the chart is scaled to it.
    return forPrint
               ? QStringLiteral("<p><img src=\"%1\" width=\"640\" alt=\"%2\"></p>").arg(src, reportEsc(alt))
               : QStringLiteral("<img src=\"%1\" alt=\"%2\">").arg(src, reportEsc(alt));
}

void reportMetricTable(QString& out, const StrategyAnalytics& a)
{
    out += QStringLiteral("<table><tr><th>Metric</th>");
    for (const MetricColumn& column : a.metrics)
        out += QStringLiteral("<th>%1</th>").arg(reportEsc(column.title));
    out += QStringLiteral("</tr>");
    QString section;
    for (const MetricDefinition& d : MetricDefinition::all()) {
        if (d.section != section) {
            section = d.section;
            out += QStringLiteral("<tr class=\"section\"><td colspan=\"%1\">%2</td></tr>")
                       .arg(a.metrics.size() + 1)
                       .arg(reportEsc(section));
        }
        out += QStringLiteral("<tr><td>%1</td>").arg(reportEsc(d.label));
        for (const MetricColumn& column : a.metrics)
            out += QStringLiteral("<td class=\"n\">%1</td>")
                       .arg(reportEsc(ReportDocument::metricValue(d.key, column.value(d.key))));
        out += QStringLiteral("</tr>");
    }
    out += QStringLiteral("</table>");
}

void reportDrawdownTable(QString& out, const StrategyAnalytics& a)
{
    if (a.worstDrawdowns.isEmpty()) {
        out += QStringLiteral("<p class=\"muted\">No drawdown.</p>");
        return;
    }
    out += QStringLiteral("<table><tr><th>#</th><th>Start</th><th>Valley</th><th>Recovery</th><th>Depth</th>"
                          "<th>Days</th></tr>");
    int rank = 0;
    for (const DrawdownPeriod& p : a.worstDrawdowns)
        out += QStringLiteral(
                   "<tr><td class=\"n\">%1</td><td>%2</td><td>%3</td><td>%4</td><td class=\"n\">%5</td>"
                   "<td class=\"n\">%6</td></tr>")
                   .arg(++rank)
                   .arg(p.start.toString(Qt::ISODate), p.valley.toString(Qt::ISODate),
                        p.recovered() ? p.end.toString(Qt::ISODate) : QStringLiteral("not recovered"),
                        reportPct(p.depth))
                   .arg(p.days);
    out += QStringLiteral("</table>");
}

void reportYearlyTable(QString& out, const StrategyAnalytics& a)
{
    const bool benchmark = !a.benchmark.isEmpty();
    out += QStringLiteral("<table><tr><th>Year</th><th>Strategy</th>%1</tr>")
               .arg(benchmark ? QStringLiteral("<th>Benchmark</th><th>Difference</th>") : QString());
    for (const StrategyAnalytics::Year& y : a.yearly) {
        out +=
            QStringLiteral("<tr><td>%1</td><td class=\"n\">%2</td>").arg(y.year).arg(reportPct(y.strategy));
        if (benchmark)
            out += QStringLiteral("<td class=\"n\">%1</td><td class=\"n\">%2</td>")
                       .arg(reportPct(y.benchmark), reportPct(y.strategy - y.benchmark));
        out += QStringLiteral("</tr>");
    }
    out += QStringLiteral("</table>");
}

void reportMembersTable(QString& out, const FamilyView& family)
{
    out +=
        QStringLiteral("<table><tr><th>Gen.</th><th>Strategy</th><th>Version</th><th>From parent</th>"
                       "<th>Sharpe</th><th>CAGR</th><th>Max drawdown</th><th>Volatility</th><th>Win rate</th>"
                       "<th>Changed parameters</th></tr>");
    for (const FamilyView::Member& m : family.members) {
        QStringList changed;
        for (const QString& name : m.changed)
            changed << QStringLiteral("%1 = %2").arg(
                name, FamilyTableModel::formatParameter(m.parameters.value(name)));
        out +=
            QStringLiteral("<tr><td class=\"n\">%1</td><td>%2 <span class=\"muted\">%3</span></td><td>%4</td>"
                           "<td>%5</td>")
                .arg(m.generation)
                .arg(reportEsc(m.strategyId), reportEsc(m.name), reportEsc(m.version),
                     reportEsc(m.parentId.isEmpty() ? QStringLiteral("root") : m.relationship));
        for (const QString& key :
             {QStringLiteral("sharpe"), QStringLiteral("cagr"), QStringLiteral("max_drawdown"),
              QStringLiteral("volatility"), QStringLiteral("win_rate")})
            out += QStringLiteral("<td class=\"n\">%1</td>")
                       .arg(reportEsc(FamilyTableModel::formatResult(key, FamilyTableModel::result(m, key))));
        out += QStringLiteral("<td%1>%2</td></tr>")
                   .arg(changed.isEmpty() ? QString() : QStringLiteral(" class=\"changed\""),
                        reportEsc(changed.join(QStringLiteral(", "))));
    }
    out += QStringLiteral("</table>");
}

} // namespace

QString ReportDocument::metricValue(const QString& key, double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("-");
    const MetricDefinition* d = MetricDefinition::find(key);
    switch (d ? d->unit : MetricDefinition::Unit::Ratio) {
    case MetricDefinition::Unit::Percent:
        return reportPct(value);
    case MetricDefinition::Unit::Ratio:
        return QString::number(value, 'f', 2);
    case MetricDefinition::Unit::Days:
        return QStringLiteral("%1 days").arg(std::llround(value));
    case MetricDefinition::Unit::Date:
        return QDate::fromJulianDay(std::llround(value)).toString(Qt::ISODate);
    case MetricDefinition::Unit::Count:
        return QString::number(std::llround(value));
    }
    return QString::number(value);
}

QString ReportDocument::html(const StrategyAnalytics& a, const FamilyView* family, const Images& images,
                             bool forPrint)
{
    const Tearsheet& sheet = a.tearsheet;
    const QString title = QStringLiteral("%1 v%2 (%3)").arg(sheet.name, sheet.version, sheet.strategyId);
    QString out = QStringLiteral(
                      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                      "<title>Strategy report — %1</title><style>%2</style></head><body><div class=\"wrap\">")
                      .arg(reportEsc(title), reportStyle(forPrint));
    out += QStringLiteral(
               "<h1>Strategy report — %1</h1><p class=\"muted\">Written by Strata on %2 UTC from %3 daily "
               "returns%4.</p>")
               .arg(reportEsc(title),
                    QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
               .arg(a.returns.size())
               .arg(a.benchmarkChoice.kind == BenchmarkChoice::Kind::None || a.benchmark.isEmpty()
                        ? QStringLiteral(", without a benchmark")
                        : QStringLiteral(", against %1").arg(reportEsc(a.benchmark.label)));
    if (!a.benchmarkNote.isEmpty())
        out += QStringLiteral("<p class=\"muted\">Benchmark: %1</p>").arg(reportEsc(a.benchmarkNote));

    out += QStringLiteral("<h2 id=\"tearsheet\">Tearsheet</h2>");
    if (!a.split.verdict.isEmpty())
        out += QStringLiteral(
                   "<p class=\"%1\">In sample and out of sample: %2</p><p class=\"muted\">Split at %3.</p>")
                   .arg(a.split.heldUp ? QStringLiteral("held") : QStringLiteral("failed"),
                        reportEsc(a.split.verdict), reportEsc(a.split.boundaryWhy));
    for (int i = 0; i < images.tearsheet.size(); ++i)
        out += reportImage(images.tearsheet.at(i), QStringLiteral("Tearsheet chart %1").arg(i + 1), forPrint);
    out += QStringLiteral("<h3 id=\"metrics\">Metrics</h3>");
    reportMetricTable(out, a);
    out += QStringLiteral("<h3 id=\"drawdowns\">Worst drawdowns</h3>");
    reportDrawdownTable(out, a);
    out += QStringLiteral("<h3 id=\"yearly\">Yearly returns</h3>");
    reportYearlyTable(out, a);
    for (const QString& problem : a.problems)
        out += QStringLiteral("<p class=\"muted\">⚠ %1</p>").arg(reportEsc(problem));

    if (family) {
        out += QStringLiteral("<h2 id=\"family\">Family: %1 members over %2 generations</h2>")
                   .arg(family->members.size())
                   .arg(family->generations.size());
        const QStringList alts = {QStringLiteral("Parameters against results (parallel coordinates)"),
                                  QStringLiteral("Component attribution by generation")};
        for (int i = 0; i < images.family.size(); ++i)
            out += reportImage(images.family.at(i), alts.value(i, QStringLiteral("Family chart")), forPrint);
        out += QStringLiteral("<h3 id=\"members\">Members</h3>");
        reportMembersTable(out, *family);
        for (const QString& problem : family->problems)
            out += QStringLiteral("<p class=\"muted\">⚠ %1</p>").arg(reportEsc(problem));
    }
    out += QStringLiteral("</div></body></html>\n");
    return out;
}

} // namespace strata
