#include "jobs/StrategyTearsheetJob.h"

#include "analytics/AnalyticsReader.h"
#include "strategy/StrategyStore.h"
#include "strategy/TearsheetBuilder.h"

namespace strata {

Status StrategyTearsheetJob::run(Database& db, const Progress& progress)
{
    StrategyStore store(db);
    if (auto tables = store.requireTables(); !tables)
        return tables;
    for (qsizetype i = 0; i < m_ids.size(); ++i) {
        if (progress.cancelled())
            return Error::failed(QStringLiteral("Reading strategy performance was cancelled."),
                                 QStringLiteral("Nothing was changed."), QStringLiteral("Open it again."));
        const QString& id = m_ids.at(i);
        progress.report(i, m_ids.size(), QStringLiteral("reading %1").arg(id));
        auto strategy = store.strategy(id);
        if (!strategy)
            return strategy.error();
        if (!*strategy)
            return Error::badInput(
                QStringLiteral("No strategy %1 in strategy_registry of %2.").arg(id, db.display()),
                QStringLiteral("Pick a strategy the lineage lists."));
        auto versions = store.versions(id);
        if (!versions)
            return versions.error();
        Item item;
        item.strategy = **strategy;
        item.versions = std::move(versions).value();
        if (m_withAnalytics) {
            // The analytics hold the tearsheet built from the same rows: read them once.
            progress.report(
                i, m_ids.size(),
                QStringLiteral("reading %1 and its benchmark (%2)").arg(id, m_benchmark.describe()));
            auto analytics = AnalyticsReader(db).read(id, m_benchmark);
            if (!analytics)
                return analytics.error();
            item.analytics = std::move(analytics).value();
            item.tearsheet = item.analytics.tearsheet;
        } else {
            auto periods = store.performance({id});
            if (!periods)
                return periods.error();
            item.tearsheet = TearsheetBuilder::build(item.strategy, *periods);
        }
        m_items << std::move(item);
    }
    progress.report(m_ids.size(), m_ids.size(), QStringLiteral("done"));
    return {};
}

} // namespace strata
