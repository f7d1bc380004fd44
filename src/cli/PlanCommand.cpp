#include "PlanCommand.h"

#include "IgnoredFilesReport.h"
#include "JsonReport.h"
#include "common/Counted.h"

namespace strata::cli {

int PlanCommand::run(const CliContext& context)
{
    auto session = context.openSession(DatabaseOpener::Mode::Inspect);
    if (!session)
        return context.out().fail(session.error(), QStringLiteral("plan"));
    auto plan = session->planner().planUp({context.options().to, context.enabledOptions(session->set)});
    if (!plan)
        return context.out().fail(plan.error(), QStringLiteral("plan"));

    const QList<MigrationStep> repeatables = plan->repeatablesToRun();
    QString text = QStringLiteral("-- Plan for %1: %2 -> v%3, %4%5. Nothing has been run.\n")
                       .arg(session->db->display(), plan->versionLabel())
                       .arg(plan->targetVersion)
                       .arg(counted(plan->steps.size(), QStringLiteral("step"), QStringLiteral("steps")),
                            repeatables.isEmpty()
                                ? QString()
                                : QStringLiteral(", then %1")
                                      .arg(counted(repeatables.size(), QStringLiteral("repeatable script"),
                                                   QStringLiteral("repeatable scripts"))));
    if (plan->baselineRecognised)
        text += QStringLiteral("-- First, the untracked database is recorded as v%1 (baseline).\n")
                    .arg(plan->baselineVersion);
    const QString interrupted =
        JsonReport::interruptedRunsText(plan->interruptedRuns, QStringLiteral("--   "));
    if (!interrupted.isEmpty())
        text += QStringLiteral("-- NOTE an earlier run did not finish:\n") + interrupted;
    for (const auto& p : plan->problems)
        text += QStringLiteral("-- PROBLEM [%1] %2\n--   -> %3\n").arg(p.kindName(), p.message, p.resolution);
    QJsonArray steps;
    for (const auto& s : plan->steps) {
        text += QStringLiteral("\n-- %1, phase %2%3\n").arg(s.label(), s.phase(), JsonReport::howItRuns(s));
        text += QString::fromUtf8(s.forwardSql);
        QJsonObject step = JsonReport::step(s);
        step.insert(QStringLiteral("sql"), QString::fromUtf8(s.forwardSql));
        steps.append(step);
    }
    for (const auto& r : plan->repeatables) {
        if (!r.runs) {
            text += QStringLiteral("\n-- %1: %2, not run\n").arg(r.script.label(), r.state);
            continue;
        }
        text += QStringLiteral("\n-- %1: %2; runs after the versioned steps%3\n")
                    .arg(r.script.label(), r.state, JsonReport::howItRuns(r.script));
        text += QString::fromUtf8(r.script.forwardSql);
        QJsonObject step = JsonReport::step(r.script);
        step.insert(QStringLiteral("state"), r.state);
        step.insert(QStringLiteral("sql"), QString::fromUtf8(r.script.forwardSql));
        steps.append(step);
    }
    for (const auto& s : plan->optionalOff)
        text += QStringLiteral("\n-- skipped: %1 (option %2 is off; --enable %2)\n")
                    .arg(s.label(), s.header.option);
    if (!session->set.ignored.isEmpty())
        text +=
            QStringLiteral("\n-- Ignored files: %1 that no layout takes; nothing runs from them\n")
                .arg(counted(session->set.ignored.size(), QStringLiteral("file"), QStringLiteral("files"))) +
            IgnoredFilesReport::lines(session->set.ignored, QStringLiteral("--   "));
    context.out().report(text);

    QJsonObject doc = JsonReport::plan(*plan);
    doc.insert(QStringLiteral("command"), QStringLiteral("plan"));
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("database"), session->db->display());
    doc.insert(QStringLiteral("steps"), steps);
    doc.insert(QStringLiteral("ignored_files"), IgnoredFilesReport::json(session->set.ignored));
    context.out().document(doc);
    return 0;
}

} // namespace strata::cli
