#include "migrations/MigrationPlanner.h"

#include <algorithm>
#include <vector>

#include <QHash>
#include <QMap>

#include "common/ParallelEach.h"
#include "migrations/RepeatableHistory.h"
#include "migrations/ScriptTransaction.h"
#include "migrations/SetLocation.h"
#include "tools/alembic/AlembicHeads.h"

namespace strata {

namespace {

QString versionList(const QList<qint64>& versions)
{
    QStringList parts;
    for (qint64 v : versions)
        parts << QString::number(v);
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

/// What other tools' history tables say that must be settled first: a database that only another tool has
/// migrated (Strata would start again from step 1), and that tool's dirty, failed or rolled-back rows.
QList<Problem> otherToolProblems(const HistoryState& history)
{
    QList<Problem> problems;
    QList<const ForeignHistory*> managing;
    for (const auto& other : history.otherTools)
        if (!other.rows.isEmpty() || !other.readError.isEmpty())
            managing << &other;
    if (!history.tracked && !managing.isEmpty()) {
        QStringList tools;
        QStringList what;
        QStringList keep;
        for (const auto* other : managing) {
            tools << other->tool;
            what << other->summary();
            keep << QStringLiteral("%1 (`%2`)").arg(other->tool, other->keepRunning);
        }
        Problem p{Problem::Kind::ManagedByOtherTool, {}, {}, {}, {}};
        p.message = (managing.size() == 1
                         ? QStringLiteral("The database has no Strata history; it is %1.").arg(what.first())
                         : QStringLiteral("The database has no Strata history, and %1 tools keep a history "
                                          "in it (%2): %3.")
                               .arg(managing.size())
                               .arg(tools.join(QStringLiteral(", ")), what.join(QStringLiteral("; ")))) +
                    QStringLiteral(" Migrating would run this set again from its first step.");
        p.resolution = QStringLiteral("Adopt it: `strata-cli adopt` records what %1 applied in Strata's "
                                      "history (it runs no SQL, and asks first), then keeps %1's table "
                                      "current on every step, so the team can go back to it any day. Until "
                                      "then keep running %2.")
                           .arg(tools.join(QStringLiteral(" and ")), keep.join(QStringLiteral(" and ")));
        if (managing.size() > 1)
            p.resolution +=
                QStringLiteral(" Two tools' histories in one database disagree on who "
                               "migrates it: drop the table of the tool the team no longer runs, or "
                               "adopt one with `strata-cli adopt --tool NAME`.");
        problems << p;
    }
    for (const auto& other : history.otherTools) {
        for (const auto& row : other.troubledRows()) {
            problems << Problem{Problem::Kind::OtherToolUnsettled,
                                {},
                                {},
                                QStringLiteral("%1 (table %2): %3").arg(other.tool, other.table, row.problem),
                                row.remedy};
        }
    }
    return problems;
}

} // namespace

MigrationPlanner::MigrationPlanner(const MigrationSet& set, Dialect dialect, const HistoryState& history,
                                   const QStringList& userTables)
    : m_set(set), m_dialect(dialect), m_history(history), m_userTables(userTables),
      m_steps(set.stepsFor(dialect))
{
    // The history's step rows by slot: each step asks whether it is applied, and a scan of the rows for each
    // made planning a set of thousands of steps quadratic. The first row of a slot counts, as before.
    m_stepRecords.reserve(m_history.steps.size());
    for (const auto& record : m_history.steps) {
        if (const auto slot = qMakePair(record.version, record.step); !m_stepRecords.contains(slot))
            m_stepRecords.insert(slot, &record);
        m_versionsWithSteps.insert(record.version);
    }
    // Repeatable scripts have no version: they stay out of everything versioned (slots, versions, order).
    for (qsizetype i = m_steps.size() - 1; i >= 0; --i)
        if (m_steps.at(i).repeatable)
            m_repeatables.prepend(m_steps.takeAt(i));
    // Flyway's order: by description, as Java compares strings (UTF-16 code units).
    std::stable_sort(m_repeatables.begin(), m_repeatables.end(),
                     [](const MigrationStep& a, const MigrationStep& b) { return a.name < b.name; });
    const auto& baseline = m_set.manifest.baseline;
    if (!m_history.tracked && baseline.version > 0 && !baseline.tables.isEmpty()) {
        for (const QString& table : baseline.tables)
            if (!m_userTables.contains(table))
                m_missingBaselineTables << table;
        m_baselineRecognised = m_missingBaselineTables.isEmpty();
    }
}

bool MigrationPlanner::isApplied(const MigrationStep& step) const
{
    if (const StepRecord* record = m_stepRecords.value(qMakePair(step.version, step.step)))
        return record->isIn();
    // A version recorded in schema_version by another tool (e.g. seed 004's scripts run by hand) has no
    // step rows: its steps count as applied.
    const bool anyStepRow = m_versionsWithSteps.contains(step.version);
    if (!anyStepRow) {
        for (const auto& v : m_history.versions)
            if (v.version == step.version && v.success)
                return true;
    }
    return m_baselineRecognised && step.version <= m_set.manifest.baseline.version;
}

qint64 MigrationPlanner::appliedVersion() const
{
    qint64 version = m_history.currentVersion();
    for (const auto& r : m_history.steps)
        if (r.isIn())
            version = std::max(version, r.version);
    if (m_baselineRecognised)
        version = std::max(version, m_set.manifest.baseline.version);
    return version;
}

QList<Problem> MigrationPlanner::findProblems(bool forRollback) const
{
    QList<Problem> problems = otherToolProblems(m_history);
    problems << AlembicHeads::problems(m_set); // seed 002: two Alembic heads, no merge
    if (m_set.providerLock)
        if (auto lock = m_set.providerLock->problemFor(m_dialect))
            problems << *lock;
    const QList<qint64> versions = m_set.versionsFor(m_dialect);
    const qint64 head = versions.isEmpty() ? 0 : versions.last();
    const qint64 applied = appliedVersion();

    // The files of each slot, looked up by number: slot texts cost more than the rest of the planning on a
    // set of 1,000 steps. Slots two files claim are reported in the order of their text, as always.
    QHash<QPair<qint64, int>, QList<const MigrationStep*>> filesOf;
    filesOf.reserve(m_steps.size());
    for (const auto& s : m_steps)
        filesOf[qMakePair(s.version, s.step)] << &s;
    QMap<QString, QList<const MigrationStep*>> bySlot; // the claimed ones only
    for (auto it = filesOf.cbegin(); it != filesOf.cend(); ++it)
        if (it.value().size() > 1)
            bySlot.insert(it.value().first()->slot(), it.value());
    for (auto it = bySlot.cbegin(); it != bySlot.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        Problem p{Problem::Kind::SlotConflict, it.key(), {}, {}, {}};
        for (const auto* s : it.value())
            p.files << s->forwardPath;
        p.message = QStringLiteral("%1 files claim version/step %2: %3. Only one change can hold a slot.")
                        .arg(p.files.size())
                        .arg(it.key(), p.files.join(QStringLiteral(", ")));
        p.resolution =
            QStringLiteral("Merge them into one file, or give one of them the next free version (rename "
                           "it), then run the command again.");
        problems << p;
    }

    QMap<QString, QStringList> byDescription;
    for (const auto& r : m_repeatables)
        byDescription[r.name] << r.forwardPath;
    for (auto it = byDescription.cbegin(); it != byDescription.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        Problem p{Problem::Kind::SlotConflict, {}, it.value(), {}, {}};
        p.message = QStringLiteral("%1 repeatable scripts have the description \"%2\": %3. A repeatable "
                                   "script is known by its description, so only one can have it.")
                        .arg(it.value().size())
                        .arg(it.key(), it.value().join(QStringLiteral(", ")));
        p.resolution =
            QStringLiteral("Rename one of them (R__<another description>.sql), or merge them, then "
                           "run the command again.");
        problems << p;
    }

    if (applied > head) {
        problems << Problem{
            Problem::Kind::DatabaseAhead,
            {},
            {},
            QStringLiteral("The database is at version %1, but the files in %2 only go to version "
                           "%3: a newer release has migrated it.")
                .arg(applied)
                .arg(setLocation(m_set.root))
                .arg(head),
            QStringLiteral("Use the migration files of the release that migrated this database (or "
                           "a newer one). Strata will not run older files against it.")};
    }

    for (const auto& record : m_history.steps) {
        const auto files = filesOf.value(qMakePair(record.version, record.step));
        if (record.isDirty()) {
            Problem p{Problem::Kind::Dirty, record.slot(), {record.script}, {}, {}};
            p.message =
                QStringLiteral("Step %1 (%2) runs outside a transaction; it started at %3 (%4@%5) and never "
                               "finished%6.")
                    .arg(record.slot(), record.script, record.startedAt, record.appliedBy, record.host,
                         record.errorMessage.isEmpty() ? QString()
                                                       : QStringLiteral(": ") + record.errorMessage);
            p.resolution =
                QStringLiteral("Check the database by hand. If the step's changes are complete, run "
                               "`strata-cli resolve %1 --mark-applied`; if they are absent (undo any "
                               "partial change first), run `strata-cli resolve %1 --mark-rolled-back`. "
                               "Then run migrate again.")
                    .arg(record.slot());
            problems << p;
            continue;
        }
        if (!record.isIn())
            continue;
        if (files.isEmpty()) {
            if (record.version > head)
                continue; // reported once, as DatabaseAhead
            problems << Problem{
                Problem::Kind::MissingFile,
                record.slot(),
                {record.script},
                QStringLiteral("Step %1 was applied from %2, and that file is gone.")
                    .arg(record.slot(), record.script),
                QStringLiteral("Restore %1 from version control. Applied migrations are history: "
                               "they stay in the folder.")
                    .arg(record.script)};
            continue;
        }
        const MigrationStep* file = files.first();
        if (!record.checksum.isEmpty() && record.checksum != file->checksum) {
            problems << Problem{
                Problem::Kind::ChangedFile,
                record.slot(),
                {file->forwardPath},
                QStringLiteral(
                    "%1 was changed after it was applied as step %2 (SHA-256 then %3..., now %4...).")
                    .arg(file->forwardPath, record.slot(), record.checksum.left(12), file->checksum.left(12)),
                QStringLiteral(
                    "Restore the file as it was applied (see git log -p %1). If the change is harmless "
                    "(whitespace or comments), accept it with `strata-cli resolve %2 --accept-checksum`. "
                    "To change the schema, write a new version instead.")
                    .arg(file->forwardPath, record.slot())};
        }
    }

    if (!forRollback) {
        for (const auto& s : m_steps) {
            if (isApplied(s) || s.isOptional() || s.version >= applied)
                continue;
            problems << Problem{
                Problem::Kind::OutOfOrder,
                s.slot(),
                {s.forwardPath},
                QStringLiteral("%1 is not applied, but the database is already at version %2: the "
                               "file is new and older than the database.")
                    .arg(s.forwardPath)
                    .arg(applied),
                QStringLiteral("Give it a version after %1 (rename it), or roll back to version %2 "
                               "first.")
                    .arg(applied)
                    .arg(s.version - 1)};
        }
        if (!m_history.tracked && !m_baselineRecognised && !m_missingBaselineTables.isEmpty() &&
            m_missingBaselineTables.size() < m_set.manifest.baseline.tables.size()) {
            problems << Problem{
                Problem::Kind::PartialBaseline,
                {},
                {},
                QStringLiteral("The database is not tracked and has some of the tables of version "
                               "%1, but not %2.")
                    .arg(m_set.manifest.baseline.version)
                    .arg(m_missingBaselineTables.join(QStringLiteral(", "))),
                QStringLiteral("Check that this is the right database for set %1. If it is, create "
                               "the missing tables by hand and run `strata-cli baseline`.")
                    .arg(m_set.name())};
        }
    }
    return problems;
}

Result<QStringList> MigrationPlanner::enabledOptions(const QStringList& requested, bool exact) const
{
    QStringList known;
    for (const auto& o : m_set.manifest.options)
        known << o.name;
    for (const auto& s : m_steps)
        if (s.isOptional() && !known.contains(s.header.option))
            known << s.header.option;
    QStringList enabled;
    for (const auto& o : m_set.manifest.options)
        if (o.defaultOn && !exact)
            enabled << o.name;
    for (const QString& name : requested) {
        if (!known.contains(name))
            return Error::badInput(
                QStringLiteral("The set %1 has no option \"%2\".").arg(m_set.name(), name),
                known.isEmpty()
                    ? QStringLiteral("This set has no optional steps.")
                    : QStringLiteral("Its options are: %1.").arg(known.join(QStringLiteral(", "))));
        if (!enabled.contains(name))
            enabled << name;
    }
    return enabled;
}

void MigrationPlanner::describeVersions(MigrationPlan& plan) const
{
    // Per version, in the set's order: its steps that count (the required ones, and an option only once it
    // is applied: an option that is off or not yet run leaves its version complete), and how many are in.
    // Counted first, and the pending slots named only for the versions partly in: naming every pending step
    // of a set of 1,000 was most of this.
    QMap<qint64, PartialVersion> byVersion;
    std::vector<char> applied(static_cast<size_t>(m_steps.size()));
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        const auto& s = m_steps.at(i);
        applied[static_cast<size_t>(i)] = isApplied(s);
        if (s.isOptional() && !applied[static_cast<size_t>(i)])
            continue;
        PartialVersion& v = byVersion[s.version];
        v.version = s.version;
        ++v.steps;
        if (applied[static_cast<size_t>(i)])
            ++v.appliedSteps;
    }
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        const auto& s = m_steps.at(i);
        if (applied[static_cast<size_t>(i)] || s.isOptional())
            continue;
        if (const auto v = byVersion.find(s.version); v != byVersion.end() && v->appliedSteps > 0)
            v->pendingSlots << s.slot();
    }
    plan.completeVersion = 0;
    for (const PartialVersion& v : std::as_const(byVersion)) {
        if (v.appliedSteps == v.steps)
            plan.completeVersion = std::max(plan.completeVersion, v.version);
        else if (v.appliedSteps > 0)
            plan.partialVersions << v;
    }
    // Versions the history records that the files no longer have (or a baseline) count as they are.
    if (plan.partialVersions.isEmpty())
        plan.completeVersion = plan.currentVersion;
}

MigrationPlan MigrationPlanner::basePlan() const
{
    MigrationPlan plan;
    plan.dialect = m_dialect;
    plan.setName = m_set.name();
    plan.currentVersion = appliedVersion();
    describeVersions(plan);
    const auto versions = m_set.versionsFor(m_dialect);
    plan.headVersion = versions.isEmpty() ? 0 : versions.last();
    plan.tracked = m_history.tracked;
    for (const RunEntry& run : m_history.unfinishedRuns)
        if (!run.live()) // a run going on right now is not interrupted
            plan.interruptedRuns << run;
    plan.baselineRecognised = m_baselineRecognised;
    if (m_baselineRecognised) {
        plan.baselineVersion = m_set.manifest.baseline.version;
        for (const auto& s : m_steps)
            if (s.version <= plan.baselineVersion)
                plan.baselineSteps << s;
    }
    return plan;
}

Result<MigrationPlan> MigrationPlanner::planUp(const Request& request) const
{
    if (!m_set.manifest.supports(m_dialect))
        return Error::badInput(QStringLiteral("The migration set %1 is not for %2 databases.")
                                   .arg(m_set.name(), dialectName(m_dialect)),
                               QStringLiteral("Pass --migrations with a set for this engine."));
    auto enabled = enabledOptions(request.enable, request.exactOptions);
    if (!enabled)
        return enabled.error();
    MigrationPlan plan = basePlan();
    plan.enabledOptions = *enabled;
    const auto versions = m_set.versionsFor(m_dialect);
    qint64 target = plan.headVersion;
    if (request.target) {
        target = *request.target;
        if (target != plan.currentVersion && !versions.contains(target))
            return Error::badInput(QStringLiteral("Version %1 is not in the set %2 (its versions: %3).")
                                       .arg(target)
                                       .arg(m_set.name(), versionList(versions)),
                                   QStringLiteral("Pass --to with one of those versions."));
        if (target < plan.currentVersion)
            return Error::badInput(
                QStringLiteral("The database is already at version %1, past version %2.")
                    .arg(plan.currentVersion)
                    .arg(target),
                QStringLiteral("To go back, run `strata-cli rollback --to %1`.").arg(target));
    }
    plan.steps.reserve(m_steps.size());
    for (const auto& s : m_steps) {
        if (isApplied(s) || s.version > target)
            continue;
        if (s.isOptional() && !plan.enabledOptions.contains(s.header.option))
            plan.optionalOff << s;
        else
            plan.steps << s;
    }
    plan.targetVersion =
        plan.steps.isEmpty() ? plan.currentVersion : std::max(plan.currentVersion, plan.steps.last().version);
    // How each step's script meets the step's transaction is read from its text, step by step: on every
    // core, since `status` plans every pending step of a folder (1,000 in a new database).
    MigrationStep* const pending = plan.steps.data();
    parallelEach(plan.steps.size(), [&](qsizetype i) {
        MigrationStep& s = pending[i];
        if (!s.noOp)
            ScriptTransaction::prepare(s, s.forwardScript(), m_dialect);
    });
    plan.repeatables = planRepeatables();
    plan.problems = findProblems(false);

    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const auto& s = plan.steps.at(i);
        for (const StepRef& ref : s.header.requirements) {
            bool met = true;
            for (const auto& candidate : m_steps) {
                if (candidate.version != ref.version || (ref.step != 0 && candidate.step != ref.step))
                    continue;
                if (ref.step == 0 && candidate.isOptional() &&
                    !plan.enabledOptions.contains(candidate.header.option))
                    continue;
                bool before = isApplied(candidate);
                for (qsizetype j = 0; j < i && !before; ++j)
                    before = plan.steps.at(j).slot() == candidate.slot();
                met = met && before;
            }
            const bool exists = std::any_of(m_steps.begin(), m_steps.end(), [&](const MigrationStep& c) {
                return c.version == ref.version && (ref.step == 0 || c.step == ref.step);
            });
            if (!met || !exists) {
                plan.problems << Problem{
                    Problem::Kind::UnmetRequirement,
                    s.slot(),
                    {s.forwardPath},
                    QStringLiteral("%1 requires %2, which is %3.")
                        .arg(s.forwardPath, ref.text(),
                             exists ? QStringLiteral("neither applied nor planned before it")
                                    : QStringLiteral("not in the set")),
                    exists ? QStringLiteral("Enable the option that %1 needs, or include it with --to.")
                                 .arg(ref.text())
                           : QStringLiteral("Fix the strata:requires directive of %1.").arg(s.forwardPath)};
            }
        }
    }
    return plan;
}

QList<PlannedRepeatable> MigrationPlanner::planRepeatables() const
{
    // As Flyway decides: a repeatable runs when it never ran, or when the checksum of its last successful run
    // is not the checksum of its text today; every run of the set applies those after its versioned steps.
    QList<PlannedRepeatable> planned;
    for (const auto& script : m_repeatables) {
        PlannedRepeatable p{script, true, {}};
        const RepeatableRecord* record = m_history.repeatable(script.name);
        const QString checksum = RepeatableHistory::checksumOf(script);
        if (!record)
            p.state = QStringLiteral("never applied");
        else if (record->isDirty())
            p.state = QStringLiteral("its last run, outside a transaction, did not finish: it runs again");
        else if (record->checksum.isEmpty())
            p.state = QStringLiteral("its last run failed and was rolled back; never applied");
        else if (record->checksum != checksum)
            p.state =
                record->status == QLatin1String("failed")
                    ? QStringLiteral("changed since last applied; its last run failed and was rolled back")
                    : QStringLiteral("changed since last applied");
        else if (record->status == QLatin1String("failed"))
            p.state = QStringLiteral("its last run failed and was rolled back");
        else {
            p.runs = false;
            p.state = QStringLiteral("unchanged since last applied");
        }
        if (p.runs && !script.noOp)
            ScriptTransaction::prepare(p.script, p.script.forwardScript(), m_dialect);
        planned << p;
    }
    return planned;
}

Result<MigrationPlan> MigrationPlanner::planDown(qint64 target) const
{
    MigrationPlan plan = basePlan();
    plan.direction = MigrationPlan::Direction::Down;
    const auto versions = m_set.versionsFor(m_dialect);
    if (target < 0 || (target != 0 && target < plan.currentVersion && !versions.contains(target)))
        return Error::badInput(
            QStringLiteral("Version %1 is not in the set %2 (its versions: %3).")
                .arg(target)
                .arg(m_set.name(), versionList(versions)),
            QStringLiteral("Pass --to with one of those versions, or 0 to roll back everything."));
    if (target > plan.currentVersion)
        return Error::badInput(
            QStringLiteral("The database is at version %1; rollback --to %2 would go forward.")
                .arg(plan.currentVersion)
                .arg(target),
            QStringLiteral("To go forward, run `strata-cli migrate --to %1`.").arg(target));
    plan.targetVersion = target;
    for (auto it = m_steps.crbegin(); it != m_steps.crend(); ++it) {
        if (it->version <= target || !isApplied(*it))
            continue;
        if (!it->hasRollback() && it->noOp) {
            plan.steps << *it; // nothing ran forward, so nothing runs back
            continue;
        }
        if (!it->hasRollback())
            return Error::refused(
                QStringLiteral("Step %1 has no rollback script, so Strata cannot roll back to "
                               "version %2.")
                    .arg(it->label())
                    .arg(target),
                QStringLiteral("Write its rollback script (e.g. %1), or restore the backup taken "
                               "before that version was applied.")
                    .arg(
                        QString(it->forwardPath).replace(QLatin1String(".sql"), QLatin1String(".down.sql"))));
        plan.steps << *it;
        ScriptTransaction::prepare(plan.steps.last(), it->rollbackScript(), m_dialect);
    }
    plan.problems = findProblems(true);
    return plan;
}

} // namespace strata
