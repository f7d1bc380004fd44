#include "analytics/FamilyReader.h"

#include "analytics/FamilyBuilder.h"
#include "analytics/FamilyResultsQuery.h"
#include "strategy/StrategyStore.h"

namespace strata {

Result<FamilyView> FamilyReader::read(const QString& rootId)
{
    StrategyStore store(m_db);
    if (auto tables = store.requireTables(); !tables)
        return tables.error();
    auto graph = store.lineage();
    if (!graph)
        return graph.error();
    const int root = graph->indexOf(rootId);
    if (root < 0)
        return Error::badInput(
            QStringLiteral("No strategy \"%1\" in strategy_registry of %2.").arg(rootId, m_db.display()),
            QStringLiteral("`strata-cli strategies lineage` lists the strategy ids."),
            QStringLiteral("Nothing was read or changed."));
    QStringList ids{rootId};
    for (int node : graph->descendants(root))
        ids << graph->strategies().at(node).strategyId;
    auto results = FamilyResultsQuery(m_db).read(ids);
    if (!results)
        return results.error();
    return FamilyBuilder::build(*graph, rootId, *results);
}

} // namespace strata
