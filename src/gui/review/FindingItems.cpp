#include "review/FindingItems.h"

#include <QTreeWidgetItem>

#include "review/FindingStyle.h"

namespace strata {

QString FindingItems::verdict(const StepReview& review)
{
    QStringList parts;
    int allowed = 0;
    for (auto severity : {ReviewSeverity::Block, ReviewSeverity::Warn, ReviewSeverity::Info}) {
        int n = 0;
        for (const auto& f : review.findings)
            if (f.severity == severity && !f.suppressed)
                ++n;
        if (n > 0)
            parts << QStringLiteral("%1 %2").arg(FindingStyle::label(severity)).arg(n);
    }
    for (const auto& f : review.findings)
        allowed += f.suppressed ? 1 : 0;
    if (allowed > 0)
        parts << QStringLiteral("%1 allowed").arg(allowed);
    return parts.isEmpty() ? QStringLiteral("no findings") : parts.join(QStringLiteral(", "));
}

void FindingItems::clear(QTreeWidgetItem* stepItem, int column)
{
    for (int i = stepItem->childCount() - 1; i >= 0; --i)
        if (stepItem->child(i)->data(0, RuleRole).isValid())
            delete stepItem->takeChild(i);
    stepItem->setText(column, QString());
    stepItem->setIcon(column, QIcon());
    stepItem->setToolTip(column, QString());
}

void FindingItems::add(QTreeWidgetItem* stepItem, const StepReview& review, int column)
{
    clear(stepItem, column);
    const ReviewFinding* worst = nullptr;
    for (const auto& f : review.findings)
        if (!f.suppressed && (!worst || int(f.severity) > int(worst->severity)))
            worst = &f;
    stepItem->setText(column, verdict(review));
    if (worst) {
        stepItem->setIcon(column, FindingStyle::icon(*worst));
        stepItem->setForeground(column, FindingStyle::colour(*worst));
    }
    QStringList all;
    for (const auto& f : review.findings)
        all << f.toText(QString());
    stepItem->setToolTip(column, all.join(QLatin1Char('\n')).trimmed());

    int at = 0;
    for (const auto& f : review.findings) {
        // The size first: the message is long and the row may be cut; the details pane has it all.
        QString text = QStringLiteral("%1  %2").arg(FindingStyle::label(f), f.rule);
        if (!f.table.isEmpty())
            text += QStringLiteral("  [") + f.load.text() + QLatin1Char(']');
        if (f.suppressed)
            text += QStringLiteral("  allowed: ") + f.suppressionReason;
        text += QStringLiteral(" — ") + f.message;
        auto* row = new QTreeWidgetItem({text});
        row->setData(0, RuleRole, f.rule);
        row->setIcon(0, FindingStyle::icon(f));
        row->setForeground(0, FindingStyle::colour(f));
        row->setToolTip(0, f.toText(QString()).trimmed());
        stepItem->insertChild(at++, row);
        row->setFirstColumnSpanned(true);
    }
}

} // namespace strata
