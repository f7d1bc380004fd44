#include "drift/SchemaReplay.h"

#include <algorithm>

#include "migrations/RepeatableHistory.h"
#include "migrations/ScriptTransaction.h"
#include "migrations/SetLocation.h"

namespace strata {

namespace {

/// Whether the history says `step` is in the database, as MigrationPlanner reads it: its own row, or (for a
/// version that another tool recorded without step rows, such as seed 004's scripts run by hand) the
/// version's successful row.
bool isIn(const MigrationStep& step, const HistoryState& history)
{
    if (const StepRecord* record = history.step(step.version, step.step))
        return record->isIn();
    const bool anyStepRow = std::any_of(history.steps.begin(), history.steps.end(),
                                        [&](const StepRecord& r) { return r.version == step.version; });
    if (anyStepRow || step.isOptional())
        return false;
    return std::any_of(history.versions.begin(), history.versions.end(),
                       [&](const VersionRecord& v) { return v.version == step.version && v.success; });
}

/// Runs a step as the migration run does: a no-op runs nothing, a script wrapped in its own BEGIN ... COMMIT
/// runs inside one transaction without them, one that its tool runs outside a transaction runs as written.
Status runStep(Database& db, const MigrationStep& file)
{
    if (file.noOp)
        return {};
    MigrationStep step = file;
    ScriptTransaction::prepare(step, step.forwardScript(), db.dialect());
    if (!step.transactional())
        return db.runScript(step.forwardScript(), false);
    const SqlScript script = step.ownTransaction
                                 ? ScriptTransaction::read(step.forwardScript(), db.dialect()).body
                                 : step.forwardScript();
    if (auto begun = db.begin(); !begun)
        return begun;
    if (auto ran = db.runScript(script, true); !ran) {
        (void)db.rollback();
        return ran;
    }
    return db.commit();
}

} // namespace

Result<ReplayPlan> SchemaReplay::plan(const MigrationSet& set, Dialect dialect, const HistoryState& history)
{
    if (!history.tracked)
        return Error::badInput(
            QStringLiteral("The database is not tracked: it has no migration history, so there is nothing to "
                           "say what its schema should be, and drift cannot be judged."),
            QStringLiteral(
                "Record where it stands first: `strata-cli baseline --version V` if it is at version V "
                "already, or `strata-cli migrate` to bring it under the set %1.")
                .arg(set.name()),
            QStringLiteral("Nothing was changed."));
    ReplayPlan plan;
    QList<MigrationStep> steps = set.stepsFor(dialect);
    // Repeatable scripts (Flyway's R__) have no version: replayed last, as they last ran.
    QList<MigrationStep> repeatables;
    for (qsizetype i = steps.size() - 1; i >= 0; --i)
        if (steps.at(i).repeatable)
            repeatables.prepend(steps.takeAt(i));
    std::stable_sort(repeatables.begin(), repeatables.end(),
                     [](const MigrationStep& a, const MigrationStep& b) { return a.name < b.name; });
    for (const StepRecord& record : history.steps) {
        const bool known = std::any_of(steps.begin(), steps.end(), [&](const MigrationStep& s) {
            return s.version == record.version && s.step == record.step;
        });
        if (record.isIn() && !known)
            return Error::badInput(
                QStringLiteral(
                    "The history says step %1 (%2) is applied, but the set %3 has no file for it: it "
                    "is not the set this database was migrated with.")
                    .arg(record.slot(), record.script, setLocation(set.root)),
                QStringLiteral(
                    "Point --migrations at the set this database was migrated with (or restore the "
                    "missing file)."),
                QStringLiteral("Nothing was changed."));
        if (record.isDirty())
            plan.notes << QStringLiteral(
                              "Step %1 is recorded as started and never finished (dirty): it is left "
                              "out of the replay. Settle it with `strata-cli resolve %1` first.")
                              .arg(record.slot());
    }
    qsizetype pending = 0;
    for (const MigrationStep& step : steps) {
        if (!isIn(step, history)) {
            const StepRecord* record = history.step(step.version, step.step);
            if (!step.isOptional() && !(record && record->isDirty())) // dirty steps have a note of their own
                ++pending;
            continue;
        }
        plan.steps << step;
        if (!plan.versions.contains(step.version))
            plan.versions << step.version;
        const StepRecord* record = history.step(step.version, step.step);
        if (record && !record->checksum.isEmpty() && record->checksum != step.checksum)
            plan.notes << QStringLiteral(
                              "The file of step %1 (%2) changed after it was applied: the replay ran "
                              "the file as it is now. `strata-cli status` shows the change.")
                              .arg(step.slot(), step.forwardPath);
    }
    for (const MigrationStep& script : repeatables) {
        const RepeatableRecord* record = history.repeatable(script.name);
        if (!record || record->checksum.isEmpty())
            continue; // never applied
        plan.steps << script;
        if (record->checksum != RepeatableHistory::checksumOf(script))
            plan.notes << QStringLiteral(
                              "%1 changed since it last ran: the replay ran the file as it is now, "
                              "and migrate runs it again.")
                              .arg(script.forwardPath);
    }
    if (pending > 0)
        plan.notes << QStringLiteral(
                          "%1 step%2 of the set %3 not applied yet and not part of this comparison: "
                          "run `strata-cli migrate` to apply them.")
                          .arg(pending)
                          .arg(pending == 1 ? QStringLiteral(" is") : QStringLiteral("s are"))
                          .arg(set.name());
    std::sort(plan.versions.begin(), plan.versions.end());
    return plan;
}

Status SchemaReplay::run(Database& scratch, const ReplayPlan& plan, const Progress& progress)
{
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const MigrationStep& step = plan.steps.at(i);
        if (progress.cancelled())
            return Error::failed(
                QStringLiteral("The drift check was cancelled while replaying the migrations."),
                QStringLiteral("Nothing was changed: the live database was only read."),
                QStringLiteral("Check for drift again when there is time."));
        progress.report(i, plan.steps.size(), QStringLiteral("replaying step %1").arg(step.label()));
        if (auto ran = runStep(scratch, step); !ran) {
            Error error = ran.error().prefixed(
                QStringLiteral("Step %1 failed when replayed into an empty database").arg(step.label()));
            error.code = ExitCode::Failed;
            error.unchanged = QStringLiteral("Nothing was changed: the live database was only read.");
            error.next =
                QStringLiteral("The set cannot rebuild the schema from nothing (a step may depend on "
                               "something made by hand). Fix %1 so that the set replays, then check again.")
                    .arg(step.forwardPath);
            return error;
        }
    }
    progress.report(plan.steps.size(), plan.steps.size(), QStringLiteral("replayed"));
    return {};
}

} // namespace strata
