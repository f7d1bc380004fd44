#include "StatusCommand.h"

#include <algorithm>
#include <future>

#include "ExitWithoutFreeing.h"
#include "IgnoredFilesReport.h"
#include "JsonReport.h"
#include "adoption/ForeignApplied.h"
#include "backup/LeftoverSweep.h"
#include "common/Counted.h"

namespace strata::cli {

namespace {

QString versionLine(const MigrationPlan& plan, const QStringList& baselineTables, bool managedElsewhere)
{
    if (!plan.tracked && plan.baselineRecognised)
        return QStringLiteral(
                   "v%1 (baseline): not tracked yet, recognised by its %2 tables; migrate records the "
                   "baseline first")
            .arg(plan.baselineVersion)
            .arg(baselineTables.size());
    if (!plan.tracked && managedElsewhere)
        return QStringLiteral("none in Strata's history; another tool's history is below");
    if (!plan.tracked)
        return QStringLiteral("none: not tracked, and none of this set's versions is applied");
    return plan.versionLabel();
}

} // namespace

int StatusCommand::run(const CliContext& context)
{
    auto session = context.openSession(DatabaseOpener::Mode::Inspect);
    if (!session)
        return context.out().fail(session.error(), QStringLiteral("status"));
    // Steps another tool applied, matched to its rows as `adopt` matches them: listed as applied by that
    // tool, not as pending (migrate still refuses until the history is adopted). Matched while the plan is
    // made: both only read the set and the history, and each costs milliseconds on a folder of 1,000 files.
    auto matching = std::async(std::launch::async, [&session] {
        return ForeignApplied::of(session->set, session->db->dialect(), session->history);
    });
    auto planning = std::async(std::launch::async, [&session, &context] {
        return session->planner().planUp({std::nullopt, context.enabledOptions(session->set)});
    });
    // What killed runs left is only listed here; migrate and backup remove what is safe to remove. Looked
    // for meanwhile: the only work of this command that waits on the database, which nothing else uses now.
    const auto leftovers =
        LeftoverSweep::sweep(*session->db, context.backupFolder(*session->db), LeftoverSweep::Mode::List);
    auto plan = planning.get();
    const auto appliedBy = matching.get();
    if (!plan)
        return context.out().fail(plan.error(), QStringLiteral("status"));

    // The steps still to run, pointed at in the plan: on a database another tool migrated, the plan holds
    // every step of the set, and copying a thousand of them cost more than reading that tool's table.
    QList<const MigrationStep*> upcoming;
    for (const auto* steps : {&plan->steps, &plan->optionalOff})
        for (const auto& s : *steps)
            if (appliedBy.isEmpty() || !appliedBy.contains(s.slot()))
                upcoming << &s;
    std::stable_sort(upcoming.begin(), upcoming.end(), [](const MigrationStep* a, const MigrationStep* b) {
        return a->version != b->version ? a->version < b->version : a->step < b->step;
    });
    QStringList phases;
    for (const auto* s : upcoming)
        if (!phases.contains(s->phase()))
            phases << s->phase();

    QString text;
    text += QStringLiteral("Database:  %1\n").arg(session->db->display());
    text += QStringLiteral("Set:       %1 (%2)\n").arg(session->set.name(), session->set.root);
    text += QStringLiteral("Version:   %1\n")
                .arg(versionLine(*plan, session->set.manifest.baseline.tables,
                                 !session->history.otherTools.isEmpty()));
    if (!session->history.otherTools.isEmpty())
        text += QStringLiteral("Other tools:\n") +
                JsonReport::otherToolsText(session->history.otherTools, QStringLiteral("  "));
    for (const auto& other : session->history.otherTools)
        if (const qsizetype n = ForeignApplied::count(appliedBy, other.tool); n > 0)
            text += QStringLiteral("Applied by %1: %2 of this set (not in Strata's history yet; `strata-cli "
                                   "adopt` records them)\n")
                        .arg(other.tool, counted(n, QStringLiteral("step"), QStringLiteral("steps")));
    for (const auto& p : plan->partialVersions)
        text += QStringLiteral("           a run stopped inside v%1: %2 still pending; migrate applies %3\n")
                    .arg(p.version)
                    .arg(p.pendingSlots.join(QStringLiteral(", ")),
                         p.pendingSlots.size() == 1 ? QStringLiteral("it") : QStringLiteral("them"));
    if (!session->history.versions.isEmpty()) {
        text += QStringLiteral("Applied:\n");
        for (const auto& v : session->history.versions)
            text += QStringLiteral("  v%1  %2  %3%4\n")
                        .arg(v.version)
                        .arg(v.appliedAt, v.description,
                             v.success ? QString() : QStringLiteral("  (FAILED: %1)").arg(v.errorMessage));
    }
    if (upcoming.isEmpty()) {
        text += plan->repeatablesToRun().isEmpty()
                    ? QStringLiteral("Pending:   nothing, the database is up to date (head v%1)\n")
                          .arg(plan->headVersion)
                    : QStringLiteral("Pending:   no versioned step (head v%1); repeatable scripts below\n")
                          .arg(plan->headVersion);
    } else {
        text += QStringLiteral("Pending:   %1 in %2, up to v%3%4\n")
                    .arg(counted(upcoming.size(), QStringLiteral("step"), QStringLiteral("steps")))
                    .arg(counted(phases.size(), QStringLiteral("phase"), QStringLiteral("phases")))
                    .arg(upcoming.last()->version)
                    .arg(plan->optionalOff.isEmpty()
                             ? QString()
                             : QStringLiteral(" (%1 optional, off)").arg(plan->optionalOff.size()));
        for (const QString& phase : phases) {
            text += QStringLiteral("  phase %1\n").arg(phase);
            for (const auto* step : upcoming) {
                const MigrationStep& s = *step;
                if (s.phase() != phase)
                    continue;
                const bool off = std::any_of(plan->optionalOff.begin(), plan->optionalOff.end(),
                                             [&](const MigrationStep& o) { return o.slot() == s.slot(); });
                text +=
                    QStringLiteral("    %1 %2  %3%4%5\n")
                        .arg(s.slot(), s.name, s.forwardPath,
                             off ? QStringLiteral("  [option %1: off; --enable %1]").arg(s.header.option)
                                 : (s.isOptional() ? QStringLiteral("  [option %1: on]").arg(s.header.option)
                                                   : QString()),
                             s.noOp ? QStringLiteral(" (no-op)")
                                    : (s.noTransactionReason.isEmpty()
                                           ? QString()
                                           : QStringLiteral("  [outside a transaction: %1]")
                                                 .arg(s.noTransactionReason)));
            }
        }
    }
    if (!plan->repeatables.isEmpty()) {
        text +=
            QStringLiteral("Repeatable: %1, %2 to run after the versioned steps\n")
                .arg(counted(plan->repeatables.size(), QStringLiteral("script"), QStringLiteral("scripts")))
                .arg(plan->repeatablesToRun().size());
        for (const auto& r : plan->repeatables)
            text += QStringLiteral("  %1 %2  (%3)\n")
                        .arg(r.runs ? QStringLiteral("*") : QStringLiteral(" "), r.script.label(), r.state);
    }
    if (plan->problems.isEmpty()) {
        text += QStringLiteral("Problems:  none\n");
    } else {
        text += QStringLiteral("Problems:  %1 (migrate refuses until they are resolved)\n")
                    .arg(plan->problems.size());
        for (const auto& p : plan->problems)
            text += QStringLiteral("  [%1] %2\n      -> %3\n").arg(p.kindName(), p.message, p.resolution);
    }
    if (!session->set.ignored.isEmpty())
        text +=
            QStringLiteral("Ignored files: %1 that no layout takes (never run)\n")
                .arg(counted(session->set.ignored.size(), QStringLiteral("file"), QStringLiteral("files"))) +
            IgnoredFilesReport::lines(session->set.ignored, QStringLiteral("  "));
    if (!plan->interruptedRuns.isEmpty())
        text +=
            QStringLiteral("Interrupted: %1 (reported until acknowledged)\n")
                .arg(counted(plan->interruptedRuns.size(), QStringLiteral("run"), QStringLiteral("runs"))) +
            JsonReport::interruptedRunsText(plan->interruptedRuns, QStringLiteral("  "));
    if (!leftovers.isEmpty()) {
        text += QStringLiteral("Leftovers: %1 that killed runs left\n")
                    .arg(counted(leftovers.size(), QStringLiteral("item"), QStringLiteral("items")));
        for (const auto& item : leftovers)
            text += QStringLiteral("  %1\n").arg(item.text);
    }
    context.out().report(text);
    // What was read is left to the process's exit (ExitWithoutFreeing says why).
    const auto leave = [&session, &plan] {
        ExitWithoutFreeing::keep(
            std::make_shared<std::pair<CliSession, MigrationPlan>>(std::move(*session), std::move(*plan)));
    };
    // The document is built only when asked for: for a set of 1,000 steps it cost as much as loading the set.
    if (!context.out().json()) {
        leave();
        return 0;
    }

    QJsonArray applied;
    for (const auto& v : session->history.versions)
        applied.append(JsonReport::versionRecord(v));
    QJsonObject doc{
        {QStringLiteral("command"), QStringLiteral("status")},
        {QStringLiteral("ok"), true},
        {QStringLiteral("database"), session->db->display()},
        {QStringLiteral("applied"), applied},
        {QStringLiteral("other_tools"), JsonReport::otherTools(session->history.otherTools, appliedBy)},
        {QStringLiteral("ignored_files"), IgnoredFilesReport::json(session->set.ignored)}};
    const QJsonObject planJson = JsonReport::plan(*plan);
    for (auto it = planJson.begin(); it != planJson.end(); ++it)
        doc.insert(it.key(), it.value());
    doc.insert(QStringLiteral("pending"), doc.take(QStringLiteral("steps")));
    QJsonArray leftoverJson;
    for (const auto& item : leftovers)
        leftoverJson.append(item.toJson());
    doc.insert(QStringLiteral("leftovers"), leftoverJson);
    context.out().document(doc);
    leave();
    return 0;
}

} // namespace strata::cli
