#include "migrations/ProblemRemedy.h"

#include <QCoreApplication>

namespace strata {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("strata::ProblemRemedy", text);
}

} // namespace

ProblemRemedy ProblemRemedy::of(const Problem& p)
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
        return {tr("Managed by another tool"), p.resolution, {Action::Adopt}};
    case Kind::OtherToolUnsettled:
        return {tr("Unsettled in another tool"), p.resolution, {}};
    case Kind::MultipleHeads:
        return {tr("Two Alembic heads"), p.resolution, {}};
    }
    return {p.kindName(), p.resolution, {}};
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
