#include "review/PlanReview.h"

#include "review/PostgresReview.h"
#include "review/SqliteReview.h"

namespace strata {

Result<ReviewReport> PlanReview::review(const MigrationPlan& plan, Database& db,
                                        std::optional<std::chrono::milliseconds> runLockTimeout)
{
    QList<MigrationStep> steps = plan.steps;
    if (plan.direction == MigrationPlan::Direction::Up) {
        steps += plan.repeatablesToRun();
    } else {
        // A rollback runs the rollback scripts: those are what is reviewed, under the step's name.
        for (auto& step : steps) {
            step.forwardPath = step.rollbackPath;
            step.forwardSql = step.rollbackSql;
            step.forwardFirstLine = step.rollbackFirstLine;
        }
    }
    return review(steps, db, runLockTimeout);
}

Result<ReviewReport> PlanReview::review(const QList<MigrationStep>& steps, Database& db,
                                        std::optional<std::chrono::milliseconds> runLockTimeout)
{
    ReviewReport report;
    report.dialect = db.dialect();
    TableLoads loads(db);
    ReviewContext context{db, loads, 0, runLockTimeout};
    for (const auto& step : steps) {
        StepReview review;
        review.step = step;
        auto suppressions = StepSuppression::parse(step.forwardSql, step.forwardPath, step.forwardFirstLine);
        if (!suppressions)
            return suppressions.error();
        review.suppressions = *suppressions;
        const Status reviewed = db.dialect() == Dialect::Postgres ? PostgresReview::review(review, context)
                                                                  : SqliteReview::review(review, context);
        if (!reviewed)
            return reviewed.error();
        for (auto& finding : review.findings)
            for (const auto& allow : review.suppressions)
                if (allow.rule == finding.rule) {
                    finding.suppressed = true;
                    finding.suppressionReason = allow.reason;
                }
        report.steps.append(review);
    }
    report.catalogProblem = loads.problem();
    return report;
}

} // namespace strata
