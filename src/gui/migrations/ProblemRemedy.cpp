#include "migrations/ProblemRemedy.h"

#include <QCoreApplication>

#include "common/MenuRemedy.h"

namespace strata {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("strata::ProblemRemedy", text);
}

/// The advice for a database another tool manages, in the app's words: the Adopt… button, not the command.
QString adoptAdvice(const Problem& p, const QList<ForeignHistory>& otherTools)
{
    QStringList tools;
    QStringList keep;
    for (const auto& other : otherTools) {
        if (other.rows.isEmpty() && other.readError.isEmpty())
            continue;
        tools << other.tool;
        keep << QStringLiteral("%1 (`%2`)").arg(other.tool, other.keepRunning);
    }
    if (tools.isEmpty())
        return MenuRemedy::wording(p.resolution);
    if (tools.size() > 1)
        return tr("Two tools' histories in one database disagree on who migrates it (%1): drop the table of "
                  "the tool the team no longer runs, then Adopt… records the other one's history in "
                  "Strata's. Until then keep running %2.")
            .arg(tools.join(tr(" and ")), keep.join(tr(" and ")));
    return tr("Adopt… records what %1 applied in Strata's history (it runs no SQL, and asks first), then "
              "keeps %1's table current on every step, so the team can go back to it any day. Until then "
              "keep running %2.")
        .arg(tools.first(), keep.first());
}

} // namespace

ProblemRemedy ProblemRemedy::of(const Problem& p, const QList<ForeignHistory>& otherTools)
{
    using Kind = Problem::Kind;
    switch (p.kind) {
    case Kind::ChangedFile:
        return {tr("Changed file"),
                tr("See what changed. If only whitespace or comments changed, accept the current file; "
                   "otherwise restore the file as it was applied, and write a new version to change the "
                   "schema."),
                {Action::ShowDiff, Action::AcceptChecksum}};
    case Kind::Dirty:
        return {tr("Dirty step"),
                tr("Check the database by hand. If the step's changes are complete, mark it applied; if "
                   "they are absent (undo any partial change first), mark it rolled back."),
                {Action::MarkApplied, Action::MarkRolledBack}};
    case Kind::SlotConflict:
        return {tr("Slot conflict"),
                tr("Edit the files: merge them into one, or rename one to the next free version. Then "
                   "refresh (Migrations > Status)."),
                {}};
    case Kind::MissingFile:
        return {tr("Missing file"),
                tr("Restore %1 from version control: applied migrations stay in the folder. Then refresh "
                   "(Migrations > Status).")
                    .arg(p.files.value(0)),
                {}};
    case Kind::OutOfOrder:
        return {tr("Out of order"),
                tr("Rename the file to a version after the database's (then refresh), or roll the "
                   "database back to before it."),
                {Action::RollBack}};
    case Kind::DatabaseAhead:
        return {tr("Database ahead"),
                tr("Open this database with the migration files of the release that migrated it, or a "
                   "newer one (File > Connect…, Migration set)."),
                {}};
    case Kind::PartialBaseline:
        return {tr("Partial baseline"),
                tr("Check that this is the right database for the set. If it is, create the missing tables "
                   "by hand and refresh: Migrations > Baseline… then records it."),
                {}};
    case Kind::UnmetRequirement:
        return {tr("Unmet requirement"),
                tr("Switch on the option the step needs in the plan (Migrations > Plan…), or fix the "
                   "step's strata:requires directive."),
                {Action::OpenPlan}};
    case Kind::WrongDialect:
        return {tr("Wrong engine"), tr("Open this database with a migration set for its engine."), {}};
    case Kind::ManagedByOtherTool:
        return {tr("Managed by another tool"), adoptAdvice(p, otherTools), {Action::Adopt}};
    case Kind::OtherToolUnsettled:
        return {tr("Unsettled in another tool"), MenuRemedy::wording(p.resolution), {}};
    case Kind::MultipleHeads:
        return {tr("Two Alembic heads"), MenuRemedy::wording(p.resolution), {}};
    }
    return {p.kindName(), MenuRemedy::wording(p.resolution), {}};
}

QString ProblemRemedy::label(Action action)
{
    switch (action) {
    case Action::ShowDiff:
        return tr("Show diff…");
    case Action::AcceptChecksum:
        return tr("Accept the current file…");
    case Action::MarkApplied:
        return tr("Mark applied…");
    case Action::MarkRolledBack:
        return tr("Mark rolled back…");
    case Action::RollBack:
        return tr("Roll back…");
    case Action::OpenPlan:
        return tr("Plan…");
    case Action::Adopt:
        return tr("Adopt…");
    }
    return {};
}

QString ProblemRemedy::name(Action action)
{
    switch (action) {
    case Action::ShowDiff:
        return QStringLiteral("showDiff");
    case Action::AcceptChecksum:
        return QStringLiteral("acceptChecksum");
    case Action::MarkApplied:
        return QStringLiteral("markApplied");
    case Action::MarkRolledBack:
        return QStringLiteral("markRolledBack");
    case Action::RollBack:
        return QStringLiteral("rollBack");
    case Action::OpenPlan:
        return QStringLiteral("openPlan");
    case Action::Adopt:
        return QStringLiteral("adopt");
    }
    return {};
}

} // namespace strata
