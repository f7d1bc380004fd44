#include "migrations/MigrationPlan.h"

namespace strata {

bool MigrationPlan::completesVersion(qsizetype index) const
{
    if (index < 0 || index >= steps.size())
        return false;
    return index + 1 == steps.size() || steps.at(index + 1).version != steps.at(index).version;
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
