#pragma once

#include <cstdint>

#include <QList>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "strategy/DemoStrategy.h"
#include "strategy/StrategyDemoReturns.h"

namespace strata {

/// Writes the generated demo strategies into the four tables, inside the caller's transaction, through
/// StrategyBulkWriter. Every column is written, the bookkeeping ones too, so the rows depend only on the
/// generator's input.
class StrategyDemoWriter
{
public:
    StrategyDemoWriter(Database& db, const QList<DemoStrategy>& strategies, const DemoMarket& market,
                       std::uint64_t seed);

    Status writeRegistry();
    Status writeVersions(qint64& rows);
    Status writeLineage(qint64& rows);
    Status writePerformance(qint64& rows, const Progress& progress);

private:
    Database& m_db;
    const QList<DemoStrategy>& m_strategies;
    const DemoMarket& m_market;
    std::uint64_t m_seed;
    QList<StrategyDemoReturns::Summary> m_summaries;
};

} // namespace strata
