#include "jobs/ReviewJob.h"

#include "review/PlanReview.h"

namespace strata {

Status ReviewJob::run(Database& db, const Progress& progress)
{
    progress.report(0, 1, QStringLiteral("reviewing %1 steps").arg(m_plan.steps.size()));
    auto review = PlanReview::review(m_plan, db, m_lockTimeout);
    if (!review)
        return review.error();
    m_report = *review;
    progress.report(1, 1, QStringLiteral("reviewed"));
    return {};
}

} // namespace strata
