#pragma once

#include <QList>
#include <QStringList>

#include "connection/ConnectionUrl.h"
#include "migrations/MigrationStep.h"
#include "migrations/PartialVersion.h"
#include "migrations/PlannedRepeatable.h"
#include "migrations/Problem.h"
#include "migrations/RunEntry.h"

namespace strata {

/// What a run would do to one database: the steps in the order they would run, what is skipped, and the
/// problems that must be settled first. Computing a plan changes nothing.
struct MigrationPlan
{
    enum class Direction { Up, Down };

    Direction direction = Direction::Up;
    Dialect dialect = Dialect::Sqlite;
    QString setName;
    qint64 currentVersion = 0; ///< before the run: the newest version any of whose steps is applied
    /// The newest version all of whose steps are applied (equal to currentVersion unless a version is
    /// partly applied).
    qint64 completeVersion = 0;
    QList<PartialVersion> partialVersions; ///< versions with some but not all of their steps applied
    qint64 targetVersion = 0;              ///< after the run
    qint64 headVersion = 0;                ///< the newest version in the files
    bool tracked = false;                  ///< the database has Strata's (or seed 004's) history
    /// An untracked database recognised by the set's baseline tables: the run records the baseline first.
    bool baselineRecognised = false;
    qint64 baselineVersion = 0;
    QList<MigrationStep> baselineSteps; ///< recorded as baseline, not run
    QList<MigrationStep> steps;         ///< to run, in order (Down: newest first)
    QList<MigrationStep> optionalOff;   ///< not run because their option is off
    /// Up: the set's repeatable scripts in the order Flyway runs them (by description), each saying whether
    /// it runs after `steps` in this run (never applied, or changed since it last ran) and why.
    QList<PlannedRepeatable> repeatables;
    QStringList enabledOptions;
    QList<Problem> problems;
    /// Earlier runs that were interrupted (killed, or their machine died) after their steps began and that
    /// no operator acknowledged: reported by every status, plan and migrate until someone does.
    QList<RunEntry> interruptedRuns;

    /// The database's version as operators read it: "v2", or "v3: 1 of 3 steps (v2 complete)".
    QString versionLabel() const;
    bool blocked() const { return !problems.isEmpty(); }
    bool isEmpty() const { return steps.isEmpty() && !baselineRecognised && repeatablesToRun().isEmpty(); }
    /// The repeatable scripts this run applies after its steps, in order.
    QList<MigrationStep> repeatablesToRun() const;
    /// Whether steps[index] is the last step of its version in this plan (its version is done after it).
    bool completesVersion(qsizetype index) const;
    /// The phases of the steps, in the order they first appear.
    QStringList phases() const;
};

} // namespace strata
