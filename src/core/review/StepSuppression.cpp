#include "review/StepSuppression.h"

#include <QRegularExpression>

#include "review/ReviewRules.h"

namespace strata {

Result<QList<StepSuppression>> StepSuppression::parse(const QByteArray& script, const QString& path,
                                                      int firstLine)
{
    static const QRegularExpression allowLine(
        QStringLiteral("^\\s*--\\s*strata:allow(?:\\s+(\\S+))?(?:\\s+(.*?))?\\s*$"));
    QList<StepSuppression> list;
    if (!script.contains("strata:allow"))
        return list;
    const QStringList lines = QString::fromUtf8(script).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto m = allowLine.match(lines.at(i));
        if (!m.hasMatch())
            continue;
        const int line = firstLine + int(i);
        const QString rule = m.captured(1);
        const QString reason = m.captured(2).trimmed();
        const QString where = QStringLiteral("%1:%2").arg(path).arg(line);
        if (rule.isEmpty())
            return Error::badInput(QStringLiteral("%1: -- strata:allow names no rule.").arg(where),
                                   QStringLiteral("Write -- strata:allow RULE reason, RULE one of: %1.")
                                       .arg(ReviewRules::idList()),
                                   QStringLiteral("Nothing was reviewed or run."));
        if (!ReviewRules::find(rule))
            return Error::badInput(
                QStringLiteral("%1: -- strata:allow names the unknown rule \"%2\".").arg(where, rule),
                QStringLiteral("Name one of the review's rules: %1.").arg(ReviewRules::idList()),
                QStringLiteral("Nothing was reviewed or run."));
        if (reason.isEmpty())
            return Error::badInput(
                QStringLiteral("%1: -- strata:allow %2 gives no reason.").arg(where, rule),
                QStringLiteral("Say why the finding is acceptable after the rule, e.g. "
                               "-- strata:allow %1 the table is written only by the nightly job.")
                    .arg(rule),
                QStringLiteral("Nothing was reviewed or run."));
        list.append({rule, reason, line});
    }
    return list;
}

} // namespace strata
