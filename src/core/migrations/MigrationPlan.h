#pragma once

#include <QList>
#include <QStringList>

#include "connection/ConnectionUrl.h"
#include "migrations/MigrationStep.h"
#include "migrations/Problem.h"

namespace strata {

/// What a run would do to one database: the steps in the order they would run, what is skipped, and the
/// problems that must be settled first. Computing a plan changes nothing.
struct MigrationPlan
{
    enum class Direction { Up, Down };

    Direction direction = Direction::Up;
    Dialect dialect = Dialect::Sqlite;
    QString setName;
    qint64 currentVersion = 0; ///< before the run
    qint64 targetVersion = 0;  ///< after the run
    qint64 headVersion = 0;    ///< the newest version in the files
    bool tracked = false;      ///< the database has Strata's (or seed 004's) history
    /// An untracked database recognised by the set's baseline tables: the run records the baseline first.
    bool baselineRecognised = false;
    qint64 baselineVersion = 0;
    QList<MigrationStep> baselineSteps; ///< recorded as baseline, not run
    QList<MigrationStep> steps;         ///< to run, in order (Down: newest first)
    QList<MigrationStep> optionalOff;   ///< not run because their option is off
    QStringList enabledOptions;
    QList<Problem> problems;

    bool blocked() const { return !problems.isEmpty(); }
    bool isEmpty() const { return steps.isEmpty() && !baselineRecognised; }
    /// Whether steps[index] is the last step of its version in this plan (its version is done after it).
    bool completesVersion(qsizetype index) const;
    /// The phases of the steps, in the order they first appear.
    QStringList phases() const;
};

} // namespace strata
