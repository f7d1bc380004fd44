#include "AdoptCommand.h"

#include "adoption/AdoptedTools.h"
#include "adoption/AdoptionPlanner.h"
#include "adoption/AdoptionRecorder.h"
#include "common/Counted.h"

namespace strata::cli {

namespace {

/// What will be recorded, one line per step, checksum disagreements marked.
QString planText(const AdoptionPlan& plan)
{
    QStringList lines;
    lines << QStringLiteral("%1's history (table %2): %3 to record as adopted:")
                 .arg(plan.toolName(), plan.table,
                      counted(plan.steps.size(), QStringLiteral("step"), QStringLiteral("steps")));
    for (const auto& s : plan.steps) {
        QString line = QStringLiteral("  %1  %2 row %3").arg(s.step.label(), plan.toolName(), s.row.version);
        if (!s.row.appliedAt.isEmpty())
            line += QStringLiteral(", applied at %1").arg(s.row.appliedAt);
        if (s.checksumDisagrees())
            line += QStringLiteral("\n      CHECKSUM DISAGREES: %1 recorded %2, the file today gives %3 (it "
                                   "changed after %1 ran it)")
                        .arg(plan.toolName(), s.row.checksum, s.fileChecksum);
        lines << line;
    }
    lines << QStringLiteral("Still to apply with `strata-cli migrate`: %1.")
                 .arg(plan.pending.isEmpty()
                          ? QStringLiteral("none")
                          : counted(plan.pending.size(), QStringLiteral("step"), QStringLiteral("steps")));
    if (plan.disagreements() > 0)
        lines << QStringLiteral("%1 where %2's checksum disagrees with the file today: they are recorded and "
                                "marked (schema_version_adopted.checksum_agrees = 0). Check those changes "
                                "before you rely on the files.")
                     .arg(counted(plan.disagreements(), QStringLiteral("step"), QStringLiteral("steps")),
                          plan.toolName());
    return lines.join(QLatin1Char('\n'));
}

QJsonArray stepsJson(const AdoptionPlan& plan)
{
    QJsonArray steps;
    for (const auto& s : plan.steps)
        steps.append(QJsonObject{
            {QStringLiteral("slot"), s.step.slot()},
            {QStringLiteral("file"), s.step.forwardPath},
            {QStringLiteral("tool_version"), s.row.version},
            {QStringLiteral("tool_applied_at"), s.row.appliedAt},
            {QStringLiteral("tool_checksum"), s.row.checksum},
            {QStringLiteral("file_checksum"), s.fileChecksum},
            {QStringLiteral("checksum_disagrees"), s.checksumDisagrees()},
        });
    return steps;
}

} // namespace

int AdoptCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("adopt");
    auto session = context.openLockedSession();
    if (!session)
        return context.out().fail(session.error(), command);
    auto adopted = AdoptedTools::read(*session->db);
    if (!adopted)
        return context.out().fail(adopted.error(), command);
    auto plan = AdoptionPlanner::plan(session->set, session->db->dialect(), session->history, *adopted,
                                      context.options().tool);
    if (!plan)
        return context.out().fail(plan.error(), command);
    if (!plan->alreadyAdopted.isEmpty()) {
        context.out().report(QStringLiteral("%1: already adopted, nothing to do. %2")
                                 .arg(session->db->display(), plan->alreadyAdopted));
        context.out().document({{QStringLiteral("command"), command},
                                {QStringLiteral("ok"), true},
                                {QStringLiteral("database"), session->db->display()},
                                {QStringLiteral("already_adopted"), true},
                                {QStringLiteral("tool"), plan->toolName()},
                                {QStringLiteral("table"), plan->table},
                                {QStringLiteral("message"), plan->alreadyAdopted}});
        return 0;
    }
    const QString what = planText(*plan);
    context.out().notice(what);
    if (auto confirmed = context.confirm(
            QStringLiteral("Record these %1 in Strata's history of %2 (no SQL runs), and keep "
                           "%3's table current from now on?")
                .arg(counted(plan->steps.size(), QStringLiteral("step"), QStringLiteral("steps")),
                     session->db->display(), plan->toolName()));
        !confirmed)
        return context.out().fail(confirmed.error(), command);
    if (auto done = AdoptionRecorder::record(*session->db, session->set, *plan, RunIdentity::current());
        !done)
        return context.out().fail(done.error(), command);
    context.out().report(
        QStringLiteral("%1 adopted %2's history: %3 recorded as adopted%4. From now on `strata-cli migrate` "
                       "and `rollback` keep %5 current, so the team can go back to %2 any day.")
            .arg(session->db->display(), plan->toolName(),
                 counted(plan->steps.size(), QStringLiteral("step"), QStringLiteral("steps")),
                 plan->disagreements() > 0
                     ? QStringLiteral(" (%1 with a checksum that disagrees with the file, marked)")
                           .arg(plan->disagreements())
                     : QString(),
                 plan->table));
    context.out().document({{QStringLiteral("command"), command},
                            {QStringLiteral("ok"), true},
                            {QStringLiteral("database"), session->db->display()},
                            {QStringLiteral("already_adopted"), false},
                            {QStringLiteral("tool"), plan->toolName()},
                            {QStringLiteral("table"), plan->table},
                            {QStringLiteral("adopted"), stepsJson(*plan)},
                            {QStringLiteral("checksum_disagreements"), plan->disagreements()},
                            {QStringLiteral("pending"), plan->pending.size()}});
    return 0;
}

} // namespace strata::cli
