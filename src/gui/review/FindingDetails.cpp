#include "review/FindingDetails.h"

#include <QHash>

#include "review/FindingStyle.h"

namespace strata {

namespace {

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString findingHtml(const ReviewFinding& f)
{
    QString html = QStringLiteral("<p style='margin-top:8px'><b style='color:%1'>%2</b> <code>%3</code>")
                       .arg(FindingStyle::colour(f).name(), FindingStyle::label(f), escaped(f.rule));
    if (f.line > 0)
        html += QStringLiteral(" line %1").arg(f.line);
    html += QStringLiteral("<br/>%1</p>").arg(escaped(f.message));
    if (!f.excerpt.isEmpty())
        html += QStringLiteral("<p style='margin-left:12px'>Statement: <code>%1</code></p>")
                    .arg(escaped(f.excerpt));
    if (!f.lockMode.isEmpty())
        html += QStringLiteral("<p style='margin-left:12px'>Locks <b>%1</b> (%2)</p>")
                    .arg(escaped(f.table), escaped(f.lockMode));
    if (!f.table.isEmpty())
        html += QStringLiteral("<p style='margin-left:12px'>Table: %1</p>").arg(escaped(f.load.text()));
    if (!f.rewrite.isEmpty())
        html += QStringLiteral("<p style='margin-left:12px'>Safe rewrite:</p><p style='margin-left:24px; "
                               "white-space:pre-wrap; font-family:monospace'>%1</p>")
                    .arg(escaped(f.rewrite));
    if (!f.rewriteNote.isEmpty())
        html += QStringLiteral("<p style='margin-left:12px'>How: %1</p>").arg(escaped(f.rewriteNote));
    if (f.suppressed)
        html += QStringLiteral("<p style='margin-left:12px'>Allowed in the step's file: <i>%1</i></p>")
                    .arg(escaped(f.suppressionReason));
    return html;
}

} // namespace

QString FindingDetails::html(const StepReview& review)
{
    if (review.findings.isEmpty())
        return QStringLiteral("<p>The review found nothing to say about %1.</p>")
            .arg(escaped(review.step.label()));
    QString html = QStringLiteral("<p><b>%1</b> — review</p>").arg(escaped(review.step.label()));
    for (const auto& f : review.findings)
        html += findingHtml(f);
    return html;
}

QString FindingDetails::blockMessage(const ReviewReport& report)
{
    // One entry per step, each rule once with the tables it blocks on: "2.2 indexes (...):
    // pg-index-not-concurrent on enforcement_log, positions, orders".
    QStringList steps;
    for (const auto& step : report.steps) {
        QStringList rules;
        QHash<QString, QStringList> tables;
        for (const auto& f : step.findings) {
            if (!f.blocks())
                continue;
            if (!rules.contains(f.rule))
                rules << f.rule;
            if (!f.table.isEmpty() && !tables[f.rule].contains(f.table))
                tables[f.rule] << f.table;
        }
        QStringList parts;
        for (const QString& rule : rules)
            parts << (tables.value(rule).isEmpty()
                          ? rule
                          : QStringLiteral("%1 on %2")
                                .arg(rule, tables.value(rule).join(QStringLiteral(", "))));
        if (!parts.isEmpty())
            steps << QStringLiteral("%1: %2").arg(step.step.label(), parts.join(QStringLiteral("; ")));
    }
    if (steps.isEmpty())
        return {};
    return QStringLiteral("The review blocks the migration: %1.").arg(steps.join(QStringLiteral("; ")));
}

} // namespace strata
