#pragma once

#include <QString>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/MigrationPlan.h"
#include "migrations/MigrationSet.h"
#include "rehearsal/RehearsalCopy.h"
#include "rehearsal/RehearsalReport.h"
#include "timeouts/StepTimeouts.h"

namespace strata {

/// A timed rehearsal of a plan: the real runner (MigrationRunner) applies the plan's steps to a copy with
/// the production data, made from a verified backup (RehearsalCopy), and each step is measured (StepMeter,
/// with a LockSampler on PostgreSQL); then every rollback script runs, newest first, and the steps run once
/// more (up, down, up), which proves the rollbacks. A step without a rollback script ends the down pass
/// before it and is reported, not failed. The live database is only read (its backup); the copy is removed
/// at the end, also after a failure or a cancel.
///
/// The caller holds the live database's run lock and planned under it, as a run does.
class Rehearsal
{
public:
    Rehearsal(Database& live, const MigrationSet& set, RehearsalCopy::Where where);
    /// The live run's step timeouts: a step that would exceed its statement_timeout fails here first.
    void setTimeouts(const StepTimeouts& timeouts) { m_timeouts = timeouts; }

    /// Rehearses on a copy of a verified backup (migrate --rehearse: the backup the run just took).
    /// An error when the copy cannot be made (said before starting: no space, a bad target); a report
    /// otherwise, whose `failure` says when a step, a rollback or a step again failed.
    Result<RehearsalReport> run(const MigrationPlan& plan, const QString& backupPath, qint64 backupSize,
                                const Progress& progress);
    /// Rehearses alone (strata-cli rehearse): first a verified backup of the live database, kept only for
    /// the rehearsal in the copy's folder, then run() on it; the backup is removed at the end.
    Result<RehearsalReport> runOnNewBackup(const MigrationPlan& plan, const Progress& progress);

private:
    void rehearse(const MigrationPlan& plan, RehearsalCopy& copy, RehearsalReport& report,
                  const Progress& progress);
    /// The rollbacks of the steps the up pass applied, newest first, up to the newest one without a
    /// rollback script (the others are listed in `withoutRollback`).
    MigrationPlan downPlan(const MigrationPlan& up, QStringList& withoutRollback) const;

    Database& m_live;
    const MigrationSet& m_set;
    RehearsalCopy::Where m_where;
    StepTimeouts m_timeouts;
};

} // namespace strata
