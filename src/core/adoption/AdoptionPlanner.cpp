#include "adoption/AdoptionPlanner.h"

#include <vector>

#include <QDir>
#include <QFile>
#include <QMultiMap>

#include "tools/ToolHistories.h"
#include "tools/alembic/AlembicProject.h"
#include "tools/alembic/AlembicSteps.h"

namespace strata {

namespace {

const QString kUnchanged = QStringLiteral("Nothing was recorded: the database is as it was.");

Error refusedUnchanged(const QString& what, const QString& next)
{
    return Error::refused(what, next).withUnchanged(kUnchanged);
}

/// The tool the operator named with --tool: its name as Strata shows it, or its first word
/// ("numbered", "prisma"), in any letter case.
bool named(const ForeignHistory& history, const QString& name)
{
    return history.tool.compare(name, Qt::CaseInsensitive) == 0 ||
           history.tool.section(QLatin1Char(' '), 0, 0).compare(name, Qt::CaseInsensitive) == 0 ||
           history.table.compare(name, Qt::CaseInsensitive) == 0;
}

const ToolHistory* adapterOf(const ForeignHistory& history)
{
    for (const auto& tool : ToolHistories::all())
        if (tool->tool() == history.tool)
            return tool.get();
    return nullptr;
}

Result<const ForeignHistory*> chooseTool(const HistoryState& history, const QString& toolName)
{
    QList<const ForeignHistory*> managing;
    for (const auto& other : history.otherTools)
        if (!other.rows.isEmpty() || !other.readError.isEmpty())
            managing << &other;
    QStringList found;
    for (const auto* other : managing)
        found << QStringLiteral("%1 (table %2)").arg(other->tool, other->table);
    if (!toolName.isEmpty()) {
        for (const auto* other : managing)
            if (named(*other, toolName))
                return other;
        return Error::badInput(
            QStringLiteral("--tool %1: no history of that tool is in the database%2.")
                .arg(toolName, found.isEmpty()
                                   ? QString()
                                   : QStringLiteral(" (found: %1)").arg(found.join(QStringLiteral(", ")))),
            QStringLiteral("Pass --tool with one of the tools `strata-cli status` lists."), kUnchanged);
    }
    if (managing.isEmpty())
        return Error::badInput(
            QStringLiteral("The database holds no other tool's history to adopt."),
            QStringLiteral("Run `strata-cli status` to see it; an untracked database that predates any tool "
                           "is marked with `strata-cli baseline`, an empty one is migrated with `migrate`."),
            kUnchanged);
    if (managing.size() > 1)
        return refusedUnchanged(
            QStringLiteral("%1 tools keep a history in this database: %2. They disagree on who migrates it, "
                           "and Strata adopts one.")
                .arg(managing.size())
                .arg(found.join(QStringLiteral(", "))),
            QStringLiteral("Drop the table of the tool the team no longer runs (e.g. DROP TABLE %1), or "
                           "pass --tool NAME (--tool %2) to adopt one of them, then run adopt again.")
                .arg(managing.last()->table, managing.first()->tool.section(QLatin1Char(' '), 0, 0)));
    return managing.first();
}

} // namespace

Result<AdoptionPlan> AdoptionPlanner::plan(const MigrationSet& set, Dialect dialect,
                                           const HistoryState& history, const AdoptedTools& adopted,
                                           const QString& toolName)
{
    AdoptionPlan plan;
    if (!adopted.isEmpty()) {
        QStringList said;
        for (const auto& e : adopted.entries())
            said << QStringLiteral("%1's history (%2) was adopted at %3 by %4")
                        .arg(e.tool->tool(), e.table, e.adoptedAt, e.adoptedBy);
        plan.tool = adopted.entries().first().tool;
        plan.table = adopted.entries().first().table;
        plan.alreadyAdopted = said.join(QStringLiteral("; ")) +
                              QStringLiteral(": Strata tracks this database and keeps that table current.");
        return plan;
    }
    if (history.tracked)
        return refusedUnchanged(
            QStringLiteral("Strata already tracks this database (version %1): its history is Strata's own, "
                           "and adopting another tool's history would record steps twice.")
                .arg(history.currentVersion()),
            QStringLiteral("Run `strata-cli status` to see both histories; if the other tool's table is "
                           "left from before Strata, drop it."));
    auto chosen = chooseTool(history, toolName);
    if (!chosen)
        return chosen.error();
    const ForeignHistory& foreign = **chosen;
    const ToolHistory* tool = adapterOf(foreign);
    if (!foreign.readError.isEmpty())
        return Error::failed(QStringLiteral("%1's history (%2) cannot be read: %3")
                                 .arg(foreign.tool, foreign.table, foreign.readError),
                             kUnchanged,
                             QStringLiteral("Check the table and the connection's rights on it."));
    if (!tool || foreign.readOnly)
        return refusedUnchanged(QStringLiteral("Strata shows %1's history (%2) but never adopts it.")
                                    .arg(foreign.tool, foreign.table),
                                QStringLiteral("Keep running %1.").arg(foreign.keepRunning));
    if (!tool->writable())
        return refusedUnchanged(
            QStringLiteral("This version of Strata reads %1's history (%2) but cannot keep it current yet: "
                           "after an adoption the team could not go back to %1.")
                .arg(foreign.tool, foreign.table),
            QStringLiteral("Keep running %1 for this database.").arg(foreign.keepRunning));
    const auto troubled = foreign.troubledRows();
    if (!troubled.isEmpty()) {
        QStringList problems;
        QStringList remedies;
        for (const auto& row : troubled) {
            problems << row.problem;
            remedies << row.remedy;
        }
        return refusedUnchanged(
            QStringLiteral("%1's history (%2) is not settled: %3 Adopting it would record as applied what %1 "
                           "itself does not count as applied.")
                .arg(foreign.tool, foreign.table, problems.join(QLatin1Char(' '))),
            remedies.join(QLatin1Char(' ')) + QStringLiteral(" Then run adopt again."));
    }

    plan.tool = tool;
    plan.table = foreign.table;
    const QList<MigrationStep> steps = set.stepsFor(dialect);
    QMultiMap<QString, qsizetype> byVersion;
    for (qsizetype i = 0; i < steps.size(); ++i)
        byVersion.insert(tool->versionOf(steps.at(i)), i);

    QList<QPair<qsizetype, ForeignRow>> matched;
    QStringList missing;
    const auto applied = foreign.appliedRows();
    if (foreign.table == QLatin1String("alembic_version") && AlembicSteps::isAlembic(set)) {
        // Alembic keeps the current revision of each head: every revision below one of them is applied,
        // branch by branch (a generation number says nothing across sibling branches).
        auto project = AlembicProject::load(set.root);
        if (!project)
            return project.error();
        QStringList current;
        for (const auto& row : applied) {
            if (!byVersion.contains(row.version))
                missing << row.version;
            current << row.version;
        }
        const QSet<QString> revisions = AlembicSteps::applied(project->graph, current);
        for (qsizetype i = 0; i < steps.size(); ++i) {
            if (!revisions.contains(steps.at(i).toolVersion))
                continue;
            // The head row it stands under: the first current revision that has it below (or is it).
            ForeignRow row = applied.value(0);
            for (const auto& head : applied)
                if (AlembicSteps::applied(project->graph, {head.version}).contains(steps.at(i).toolVersion)) {
                    row = head;
                    break;
                }
            matched << qMakePair(i, row);
        }
    } else if (tool->keepsOnlyCurrent()) {
        // golang-migrate: one row, the current version; every file up to it is applied.
        for (const auto& row : applied) {
            if (!byVersion.contains(row.version)) {
                missing << row.version;
                continue;
            }
            const qint64 current = steps.at(byVersion.value(row.version)).version;
            for (qsizetype i = 0; i < steps.size(); ++i)
                if (!steps.at(i).repeatable && steps.at(i).version <= current)
                    matched << qMakePair(i, row);
        }
    } else {
        for (const auto& row : applied) {
            const auto found = byVersion.values(row.version);
            if (found.isEmpty()) {
                missing << (row.name.isEmpty() ? row.version
                                               : QStringLiteral("%1 (%2)").arg(row.version, row.name));
                continue;
            }
            for (qsizetype i : found)
                matched << qMakePair(i, row);
        }
    }
    if (!missing.isEmpty())
        return refusedUnchanged(
            QStringLiteral("%1 recorded %2 as applied (table %3), but %4 has no file for %5: %6.")
                .arg(foreign.tool)
                .arg(missing.size() == 1 ? QStringLiteral("a migration")
                                         : QStringLiteral("%1 migrations").arg(missing.size()))
                .arg(foreign.table, set.root,
                     missing.size() == 1 ? QStringLiteral("it") : QStringLiteral("them"),
                     missing.join(QStringLiteral(", "))),
            QStringLiteral("Point --migrations at the folder %1 runs, or put the missing files back (from "
                           "version control). If they were removed on purpose, remove their rows with %1 "
                           "first. Then run adopt again.")
                .arg(foreign.tool));

    std::sort(matched.begin(), matched.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<char> taken(static_cast<size_t>(steps.size()));
    plan.steps.reserve(matched.size());
    for (const auto& [index, row] : matched) {
        if (taken[static_cast<size_t>(index)])
            continue;
        taken[static_cast<size_t>(index)] = true;
        AdoptedStep adoptedStep;
        adoptedStep.step = steps.at(index);
        adoptedStep.row = row;
        if (!row.checksum.isEmpty()) {
            QFile file(QDir(set.root).filePath(adoptedStep.step.forwardPath));
            const QByteArray bytes =
                file.open(QIODevice::ReadOnly) ? file.readAll() : adoptedStep.step.forwardSql;
            adoptedStep.fileChecksum = tool->checksumOf(adoptedStep.step, bytes);
        }
        plan.steps << std::move(adoptedStep);
    }
    for (qsizetype i = 0; i < steps.size(); ++i)
        if (!taken[static_cast<size_t>(i)])
            plan.pending << steps.at(i);
    // A repeatable script whose checksum changed runs again, as Flyway would run it.
    for (const auto& adoptedStep : plan.steps)
        if (adoptedStep.step.repeatable && adoptedStep.checksumDisagrees())
            plan.pending << adoptedStep.step;
    return plan;
}

} // namespace strata
