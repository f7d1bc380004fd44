#pragma once

#include <chrono>
#include <optional>

#include "jobs/DatabaseJob.h"
#include "migrations/MigrationPlan.h"
#include "review/ReviewReport.h"

namespace strata {

/// The review of a plan's pending steps (PlanReview) on a worker's own connection, joined with the live
/// sizes of their tables, for Migrations > Plan…. Changes nothing.
class ReviewJob final : public DatabaseJob
{
public:
    ReviewJob(MigrationPlan plan, std::optional<std::chrono::milliseconds> lockTimeout)
        : m_plan(std::move(plan)), m_lockTimeout(lockTimeout)
    {}

    QString title() const override { return QStringLiteral("Reviewing the pending steps"); }
    bool onlyReads() const override { return true; }
    Status run(Database& db, const Progress& progress) override;
    const std::optional<ReviewReport>& report() const { return m_report; }

private:
    MigrationPlan m_plan;
    std::optional<std::chrono::milliseconds> m_lockTimeout;
    std::optional<ReviewReport> m_report;
};

} // namespace strata
