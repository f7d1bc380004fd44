#include "analytics/StrategyFamilyJob.h"

#include "analytics/FamilyReader.h"

namespace strata {

Status StrategyFamilyJob::run(Database& db, const Progress& progress)
{
    progress.report(0, 1, QStringLiteral("reading the family of %1").arg(m_rootId));
    auto family = FamilyReader(db).read(m_rootId);
    if (!family)
        return family.error();
    m_family = std::move(family).value();
    progress.report(1, 1, QStringLiteral("done"));
    return {};
}

} // namespace strata
