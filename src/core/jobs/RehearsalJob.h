#pragma once

#include <chrono>
#include <optional>

#include "jobs/DatabaseJob.h"
#include "migrations/MigrationPlanner.h"
#include "rehearsal/RehearsalCopy.h"
#include "rehearsal/RehearsalReport.h"
#include "timeouts/StepTimeouts.h"

namespace strata {

/// A timed rehearsal of the pending steps (Rehearsal) on the worker's connection, for the wizard's plan
/// page: takes the run lock, plans as the run would, backs the database up into `where.folder`, rehearses
/// on a copy of that backup and removes the copy and the backup. The live database is only read.
/// Progress stages: "rehearsal: backup", "rehearsal: making the copy", "rehearsal up: 2.2", ...;
/// a cancel stops between steps and the copy is removed all the same.
class RehearsalJob final : public DatabaseJob
{
public:
    RehearsalJob(QString setFolder, MigrationPlanner::Request request, RehearsalCopy::Where where,
                 std::chrono::milliseconds lockTimeout = std::chrono::milliseconds(60000))
        : m_setFolder(std::move(setFolder)), m_request(std::move(request)), m_where(std::move(where)),
          m_lockTimeout(lockTimeout)
    {}

    /// The operator config's step timeouts, as the run will use them.
    void setTimeouts(const StepTimeouts& timeouts) { m_timeouts = timeouts; }
    QString title() const override { return QStringLiteral("Rehearsing the migration on a copy"); }
    /// An error when the rehearsal could not start or failed (then report() still says how far it got).
    Status run(Database& db, const Progress& progress) override;
    const std::optional<RehearsalReport>& report() const { return m_report; }

private:
    QString m_setFolder;
    MigrationPlanner::Request m_request;
    RehearsalCopy::Where m_where;
    std::chrono::milliseconds m_lockTimeout;
    StepTimeouts m_timeouts;
    std::optional<RehearsalReport> m_report;
};

} // namespace strata
