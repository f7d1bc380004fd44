#include "jobs/StrategyLineageJob.h"

#include "strategy/StrategyStore.h"

namespace strata {

Status StrategyLineageJob::run(Database& db, const Progress& progress)
{
    progress.report(0, 2, QStringLiteral("checking the strategy tables"));
    StrategyStore store(db);
    if (auto listed = db.userTables(); !listed)
        return listed.error(); // not readable at all: not the same as "no strategy tables"
    if (auto tables = store.requireTables(); !tables) {
        m_tablesMissing = true;
        return tables;
    }
    progress.report(1, 2, QStringLiteral("reading the registry and the lineage"));
    auto graph = store.lineage();
    if (!graph)
        return graph.error();
    m_graph = std::move(graph).value();
    progress.report(2, 2, QStringLiteral("done"));
    return {};
}

} // namespace strata
