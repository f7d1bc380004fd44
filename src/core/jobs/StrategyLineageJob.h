#pragma once

#include <optional>

#include "jobs/DatabaseJob.h"
#include "strategy/LineageGraph.h"

namespace strata {

/// Reads the strategy registry and lineage as a graph on the worker's connection, for the lineage view.
class StrategyLineageJob final : public DatabaseJob
{
public:
    QString title() const override { return QStringLiteral("Reading the strategy lineage"); }
    bool onlyReads() const override { return true; }
    Status run(Database& db, const Progress& progress) override;
    const std::optional<LineageGraph>& graph() const { return m_graph; }
    /// The job failed because the database has no strategy tables (not because it could not be read).
    bool tablesMissing() const { return m_tablesMissing; }

private:
    std::optional<LineageGraph> m_graph;
    bool m_tablesMissing = false;
};

} // namespace strata
