#pragma once

#include <optional>

#include <QHash>
#include <QPair>
#include <QSet>

#include "common/Result.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlan.h"
#include "migrations/MigrationSet.h"

namespace strata {

/// Compares a migration set with what a database's history says, and plans a run.
class MigrationPlanner
{
public:
    struct Request
    {
        std::optional<qint64> target; ///< --to V
        QStringList enable;           ///< --enable OPT, and the operator config's switches
        /// true: exactly the options in `enable` are on, and default-on options not in it are off (the
        /// wizard's checkboxes).
        bool exactOptions = false;
    };

    MigrationPlanner(const MigrationSet& set, Dialect dialect, const HistoryState& history,
                     const QStringList& userTables);

    /// Pending steps up to the target, and every problem. An unknown option or target version, or a set that
    /// is not for this engine, is bad input.
    Result<MigrationPlan> planUp(const Request& request) const;
    /// Applied steps above `target`, newest first. A step without a rollback script refuses the plan.
    Result<MigrationPlan> planDown(qint64 target) const;

private:
    bool isApplied(const MigrationStep& step) const;
    qint64 appliedVersion() const;
    QList<Problem> findProblems(bool forRollback) const;
    Result<QStringList> enabledOptions(const QStringList& requested, bool exact = false) const;
    MigrationPlan basePlan() const;
    /// The set's repeatable scripts in Flyway's order, each saying whether it runs and why.
    QList<PlannedRepeatable> planRepeatables() const;
    /// Fills the plan's complete version and its partly applied versions from the history.
    void describeVersions(MigrationPlan& plan) const;

    const MigrationSet& m_set;
    Dialect m_dialect;
    const HistoryState& m_history;
    QStringList m_userTables;
    QList<MigrationStep> m_steps;       ///< the set's versioned steps for this dialect
    QList<MigrationStep> m_repeatables; ///< its repeatable scripts, in Flyway's order (by description)
    bool m_baselineRecognised = false;
    QStringList m_missingBaselineTables;
    QHash<QPair<qint64, int>, const StepRecord*> m_stepRecords; ///< the history's first row of each slot
    QSet<qint64> m_versionsWithSteps;                           ///< versions the history has step rows of
};

} // namespace strata
