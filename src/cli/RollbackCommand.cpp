#include "RollbackCommand.h"

#include "CliProgress.h"
#include "JsonReport.h"
#include "common/Counted.h"
#include "migrations/MigrationRunner.h"

namespace strata::cli {

int RollbackCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("rollback");
    if (!context.options().to)
        return context.out().failUsage(
            Error::badInput(QStringLiteral("rollback needs --to VERSION."),
                            QStringLiteral("Pass the version to go back to, e.g. --to 1, or "
                                           "--to 0 to roll back everything of the set.")),
            command);
    auto session = context.openLockedSession();
    if (!session)
        return context.out().fail(session.error(), command);
    auto plan = session->planner().planDown(*context.options().to);
    if (!plan)
        return context.out().fail(plan.error(), command);
    if (plan->blocked())
        return context.out().fail(Problem::refusal(plan->problems, command), command);
    QJsonObject doc = JsonReport::plan(*plan);
    doc.insert(QStringLiteral("command"), command);
    doc.insert(QStringLiteral("database"), session->db->display());
    if (plan->steps.isEmpty()) {
        context.out().report(QStringLiteral("Nothing to roll back: %1 is at %2.")
                                 .arg(session->db->display(), plan->versionLabel()));
        doc.insert(QStringLiteral("ok"), true);
        doc.insert(QStringLiteral("rolled_back"), QJsonArray());
        context.out().document(doc);
        return 0;
    }
    if (auto confirmed = context.confirm(
            QStringLiteral("Roll back %1 of %2 (%3 -> v%4)?")
                .arg(counted(plan->steps.size(), QStringLiteral("step"), QStringLiteral("steps")),
                     session->db->display(), plan->versionLabel())
                .arg(plan->targetVersion));
        !confirmed)
        return context.out().fail(confirmed.error(), command);

    CliProgress progress(context.out(), QStringLiteral("roll back"));
    MigrationRunner runner(*session->db, session->set, RunIdentity::current(), &progress);
    if (context.config())
        runner.setTimeouts(context.config()->timeouts);
    auto outcome = runner.rollback(*plan);
    if (!outcome)
        return context.out().fail(outcome.error(), command);
    context.out().report(QStringLiteral("Rolled back %1 from %2 to v%3: %4 in %5 ms.")
                             .arg(session->db->display(), plan->versionLabel())
                             .arg(plan->targetVersion)
                             .arg(counted(outcome->steps, QStringLiteral("step"), QStringLiteral("steps")))
                             .arg(outcome->elapsedMs));
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("rolled_back"), doc.take(QStringLiteral("steps")));
    doc.insert(QStringLiteral("elapsed_ms"), outcome->elapsedMs);
    context.out().document(doc);
    return 0;
}

} // namespace strata::cli
