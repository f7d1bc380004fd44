#include "MigrateCommand.h"

#include "CliProgress.h"
#include "JsonReport.h"
#include "migrations/MigrationRunner.h"

namespace strata::cli {

namespace {

Error problemsError(const QList<Problem>& problems, const QString& command)
{
    QStringList what;
    QStringList next;
    for (const auto& p : problems) {
        what << QStringLiteral("[%1] %2").arg(p.kindName(), p.message);
        next << p.resolution;
    }
    return Error::refused(
        QStringLiteral("%1 refuses to run: %2 problem(s) found.\n  ").arg(command).arg(problems.size()) +
            what.join(QStringLiteral("\n  ")),
        next.join(QStringLiteral("\n        ")));
}

} // namespace

int MigrateCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("migrate");
    auto session = context.openSession(DatabaseOpener::Mode::ReadWrite);
    if (!session)
        return context.out().fail(session.error(), command);
    auto lock = context.lock(*session->db);
    if (!lock)
        return context.out().fail(lock.error(), command);
    // Plan only now, under the lock: another run may have applied steps while this one waited.
    if (auto refreshed = session->refresh(); !refreshed)
        return context.out().fail(refreshed.error(), command);
    auto plan = session->planner().planUp({context.options().to, context.enabledOptions(session->set)});
    if (!plan)
        return context.out().fail(plan.error(), command);
    if (plan->blocked())
        return context.out().fail(problemsError(plan->problems, command), command);

    QJsonObject doc = JsonReport::plan(*plan);
    doc.insert(QStringLiteral("command"), command);
    doc.insert(QStringLiteral("database"), session->db->display());
    if (plan->isEmpty()) {
        context.out().report(
            QStringLiteral("Nothing to do: %1 is at v%2%3.")
                .arg(session->db->display())
                .arg(plan->currentVersion)
                .arg(plan->optionalOff.isEmpty()
                         ? QString()
                         : QStringLiteral(" (%1 optional step(s) off)").arg(plan->optionalOff.size())));
        doc.insert(QStringLiteral("ok"), true);
        doc.insert(QStringLiteral("applied"), QJsonArray());
        context.out().document(doc);
        return 0;
    }
    if (auto confirmed = context.confirm(QStringLiteral("Apply %1 step(s) to %2 (v%3 -> v%4)?")
                                             .arg(plan->steps.size())
                                             .arg(session->db->display())
                                             .arg(plan->currentVersion)
                                             .arg(plan->targetVersion));
        !confirmed)
        return context.out().fail(confirmed.error(), command);

    CliProgress progress(context.out(), QStringLiteral("apply"));
    MigrationRunner runner(*session->db, session->set, RunIdentity::current(), &progress);
    auto outcome = runner.apply(*plan);
    if (!outcome)
        return context.out().fail(outcome.error(), command);

    context.out().report(QStringLiteral("Migrated %1 from v%2 to v%3: %4 step(s) in %5 ms.%6")
                             .arg(session->db->display())
                             .arg(plan->currentVersion)
                             .arg(plan->targetVersion)
                             .arg(outcome->steps)
                             .arg(outcome->elapsedMs)
                             .arg(plan->optionalOff.isEmpty()
                                      ? QString()
                                      : QStringLiteral(" Skipped %1 optional step(s) whose option is off.")
                                            .arg(plan->optionalOff.size())));
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("applied"), doc.take(QStringLiteral("steps")));
    doc.insert(QStringLiteral("elapsed_ms"), outcome->elapsedMs);
    context.out().document(doc);
    return 0;
}

} // namespace strata::cli
