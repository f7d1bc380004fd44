#pragma once

#include <optional>

#include "analytics/FamilyView.h"
#include "analytics/StrategyAnalytics.h"
#include "jobs/DatabaseJob.h"

namespace strata {

/// Reads a strategy's family (FamilyReader) on the worker's connection for the family window, and, for a
/// report, the strategy's own analytics too (AnalyticsReader), so the window never waits on a database.
class FamilyReadJob final : public DatabaseJob
{
public:
    enum class Scope { Family, FamilyAndAnalytics };

    FamilyReadJob(QString rootId, Scope scope) : m_rootId(std::move(rootId)), m_scope(scope) {}

    QString title() const override { return QStringLiteral("Reading the family of %1").arg(m_rootId); }
    bool onlyReads() const override { return true; }
    /// An unknown strategy fails the job, naming it (bad input).
    Status run(Database& db, const Progress& progress) override;

    const QString& rootId() const { return m_rootId; }
    Scope scope() const { return m_scope; }
    const std::optional<FamilyView>& family() const { return m_family; }
    const std::optional<StrategyAnalytics>& analytics() const { return m_analytics; }

private:
    QString m_rootId;
    Scope m_scope;
    std::optional<FamilyView> m_family;
    std::optional<StrategyAnalytics> m_analytics;
};

} // namespace strata
