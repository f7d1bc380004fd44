#pragma once

#include <chrono>
#include <optional>

#include "connection/Database.h"
#include "migrations/MigrationPlan.h"
#include "review/ReviewReport.h"

namespace strata {

/// Reviews the pending steps of a plan before anything runs: per engine (PostgresReview, SqliteReview),
/// joined with the live sizes and users of the tables named, with each step's `strata:allow` lines applied.
/// Changes nothing on the database.
class PlanReview
{
public:
    /// Bad input when a step's `strata:allow` names an unknown rule or gives no reason.
    /// `runLockTimeout`: the lock_timeout the run sets for every step (operator config), if any.
    static Result<ReviewReport>
    review(const MigrationPlan& plan, Database& db,
           std::optional<std::chrono::milliseconds> runLockTimeout = std::nullopt);
    static Result<ReviewReport>
    review(const QList<MigrationStep>& steps, Database& db,
           std::optional<std::chrono::milliseconds> runLockTimeout = std::nullopt);
};

} // namespace strata
