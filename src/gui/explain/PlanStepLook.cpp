#include "explain/PlanStepLook.h"

#include <QCoreApplication>
#include <QStringList>

#include "explain/PlanText.h"
#include "theme/Theme.h"

namespace strata {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("strata::PlanStepLook", text);
}

} // namespace

QColor PlanStepLook::expenseBackground(PlanExpense expense)
{
    const bool dark = Theme::isDark();
    switch (expense) {
    case PlanExpense::High:
        return dark ? QColor(0x6b, 0x24, 0x20) : QColor(0xf9, 0xd3, 0xcf);
    case PlanExpense::Notable:
        return dark ? QColor(0x5c, 0x46, 0x12) : QColor(0xfc, 0xe9, 0xb8);
    case PlanExpense::None:
        break;
    }
    return {};
}

QColor PlanStepLook::adviceColour()
{
    // Dark enough on the red tint of an expensive row in the light theme (4.5:1), lightened on dark.
    return Theme::readable(QColor(0x6d, 0x47, 0x00));
}

QColor PlanStepLook::linkColour()
{
    return Theme::readable(QColor(0x15, 0x65, 0xc0));
}

bool PlanStepLook::misestimated(const PlanNode& node)
{
    if (!node.analyzed || node.neverExecuted || node.planRows < 0 || node.actualRows < 0)
        return false;
    const double estimated = std::max(1.0, node.planRows);
    const double actual = std::max(1.0, node.actualRows);
    return estimated / actual >= 10 || actual / estimated >= 10;
}

QString PlanStepLook::detailHtml(const PlanNode& node, const QList<IndexAdvice>& advice)
{
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(node.title().toHtmlEscaped());
    QStringList figures;
    const QString cost = PlanText::cost(node);
    const QString own = PlanText::own(node);
    const QString buffers = PlanText::buffers(node);
    for (const QString& f : {cost.isEmpty() ? QString() : tr("cost %1").arg(cost), PlanText::rows(node),
                             own.isEmpty() ? QString() : tr("own %1").arg(own),
                             buffers.isEmpty() ? QString() : tr("buffers %1").arg(buffers)})
        if (!f.isEmpty())
            figures << f.toHtmlEscaped();
    if (!figures.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(figures.join(QStringLiteral(" · ")));
    for (const QString& line : PlanText::conditions(node))
        html += QStringLiteral("<p style=\"font-family: monospace\">%1</p>").arg(line.toHtmlEscaped());
    if (node.advice >= 0 && node.advice < advice.size()) {
        const IndexAdvice& a = advice.at(node.advice);
        html += QStringLiteral("<p style=\"color: %1\"><b>%2</b>: %3</p><pre>%4</pre>")
                    .arg(adviceColour().name(), IndexAdvice::kindTitle(a.kind).toHtmlEscaped(),
                         a.message.toHtmlEscaped(), a.sql.toHtmlEscaped());
    }
    return html;
}

} // namespace strata
