#include "analytics/FamilyReadJob.h"

#include "analytics/AnalyticsReader.h"
#include "analytics/FamilyReader.h"

namespace strata {

Status FamilyReadJob::run(Database& db, const Progress& progress)
{
    const qint64 steps = m_scope == Scope::Family ? 1 : 2;
    progress.report(0, steps, QStringLiteral("reading the family of %1").arg(m_rootId));
    auto family = FamilyReader(db).read(m_rootId);
    if (!family)
        return family.error();
    m_family = std::move(family).value();
    if (m_scope == Scope::Family || progress.cancelled())
        return {};
    progress.report(1, steps, QStringLiteral("reading the analytics of %1").arg(m_rootId));
    auto analytics = AnalyticsReader(db).read(m_rootId);
    if (!analytics)
        return analytics.error();
    m_analytics = std::move(analytics).value();
    progress.report(steps, steps, QStringLiteral("done"));
    return {};
}

} // namespace strata
