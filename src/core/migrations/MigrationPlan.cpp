#include "migrations/MigrationPlan.h"

#include "common/Counted.h"

namespace strata {

bool MigrationPlan::completesVersion(qsizetype index) const
{
    if (index < 0 || index >= steps.size())
        return false;
    return index + 1 == steps.size() || steps.at(index + 1).version != steps.at(index).version;
}

QString MigrationPlan::versionLabel() const
{
    if (partialVersions.isEmpty())
        return QStringLiteral("v%1").arg(currentVersion);
    QStringList parts;
    for (const auto& p : partialVersions)
        parts << QStringLiteral("v%1: %2 of %3")
                     .arg(p.version)
                     .arg(p.appliedSteps)
                     .arg(counted(p.steps, QStringLiteral("step"), QStringLiteral("steps")));
    return QStringLiteral("%1 (%2)").arg(parts.join(QStringLiteral(", ")),
                                         completeVersion > 0
                                             ? QStringLiteral("v%1 complete").arg(completeVersion)
                                             : QStringLiteral("no version complete"));
}

QList<MigrationStep> MigrationPlan::repeatablesToRun() const
{
    QList<MigrationStep> result;
    for (const auto& r : repeatables)
        if (r.runs)
            result << r.script;
    return result;
}

QStringList MigrationPlan::phases() const
{
    QStringList result;
    for (const auto& s : steps)
        if (!result.contains(s.phase()))
            result << s.phase();
    return result;
}

} // namespace strata
