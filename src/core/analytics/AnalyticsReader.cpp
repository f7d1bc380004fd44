#include "analytics/AnalyticsReader.h"

#include "analytics/AnalyticsBuilder.h"
#include "analytics/BenchmarkLoader.h"
#include "strategy/StrategyStore.h"

namespace strata {

Result<StrategyAnalytics> AnalyticsReader::read(const QString& strategyId, const BenchmarkChoice& benchmark)
{
    StrategyStore store(m_db);
    auto strategy = store.strategy(strategyId);
    if (!strategy)
        return strategy.error();
    if (!*strategy)
        return Error::badInput(
            QStringLiteral("No strategy \"%1\" in strategy_registry of %2.").arg(strategyId, m_db.display()),
            QStringLiteral("`strata-cli strategies lineage` lists the strategy ids."),
            QStringLiteral("Nothing was read or changed."));
    auto versions = store.versions(strategyId);
    if (!versions)
        return versions.error();
    auto periods = store.performance({strategyId});
    if (!periods)
        return periods.error();
    auto loaded = BenchmarkLoader(m_db).load(**strategy, benchmark);
    if (!loaded)
        return loaded.error();
    return AnalyticsBuilder::build(**strategy, *versions, *periods, benchmark, loaded->series, loaded->note);
}

} // namespace strata
