#include "review/ReviewReport.h"

#include <QJsonArray>

#include "common/Counted.h"

namespace strata {

bool ReviewReport::blocked() const
{
    for (const auto& s : steps)
        if (s.blocks())
            return true;
    return false;
}

int ReviewReport::count(ReviewSeverity severity, bool includeSuppressed) const
{
    int n = 0;
    for (const auto& s : steps)
        for (const auto& f : s.findings)
            if (f.severity == severity && (includeSuppressed || !f.suppressed))
                ++n;
    return n;
}

int ReviewReport::suppressedCount() const
{
    int n = 0;
    for (const auto& s : steps)
        for (const auto& f : s.findings)
            n += f.suppressed ? 1 : 0;
    return n;
}

QString ReviewReport::summary() const
{
    const int block = count(ReviewSeverity::Block);
    const int warn = count(ReviewSeverity::Warn);
    const int info = count(ReviewSeverity::Info);
    const int allowed = suppressedCount();
    QString text = QStringLiteral("%1 reviewed: %2 block, %3 warn, %4 info")
                       .arg(counted(steps.size(), QStringLiteral("step"), QStringLiteral("steps")))
                       .arg(block)
                       .arg(warn)
                       .arg(info);
    if (allowed > 0)
        text += QStringLiteral("; %1 allowed by the steps' -- strata:allow").arg(allowed);
    return text;
}

QJsonObject ReviewReport::toJson() const
{
    QJsonArray stepArray;
    for (const auto& s : steps) {
        QJsonObject step;
        step.insert(QStringLiteral("step"), s.step.slot());
        step.insert(QStringLiteral("label"), s.step.label());
        step.insert(QStringLiteral("file"), s.step.forwardPath);
        step.insert(QStringLiteral("blocks"), s.blocks());
        QJsonArray findings;
        for (const auto& f : s.findings)
            findings.append(f.toJson());
        step.insert(QStringLiteral("findings"), findings);
        QJsonArray allows;
        for (const auto& a : s.suppressions)
            allows.append(QJsonObject{{QStringLiteral("rule"), a.rule},
                                      {QStringLiteral("reason"), a.reason},
                                      {QStringLiteral("line"), a.line}});
        step.insert(QStringLiteral("allowed"), allows);
        stepArray.append(step);
    }
    QJsonObject counts;
    counts.insert(QStringLiteral("block"), count(ReviewSeverity::Block));
    counts.insert(QStringLiteral("warn"), count(ReviewSeverity::Warn));
    counts.insert(QStringLiteral("info"), count(ReviewSeverity::Info));
    counts.insert(QStringLiteral("suppressed"), suppressedCount());
    QJsonObject o;
    o.insert(QStringLiteral("blocked"), blocked());
    o.insert(QStringLiteral("counts"), counts);
    o.insert(QStringLiteral("catalog_problem"),
             catalogProblem.isEmpty() ? QJsonValue() : QJsonValue(catalogProblem));
    o.insert(QStringLiteral("steps"), stepArray);
    return o;
}

} // namespace strata
