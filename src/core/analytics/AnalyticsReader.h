#pragma once

#include "analytics/BenchmarkChoice.h"
#include "analytics/StrategyAnalytics.h"
#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// Reads what one strategy's analytics need on the caller's connection (the strategy, its versions, its
/// performance rows and its benchmark) and builds them. Used by `strata-cli strategies performance` and by
/// the desktop app's worker. A strategy id that is not in the registry and a benchmark that cannot be read
/// (no such table, column, file or strategy) are bad input, naming what is missing; a parent without
/// performance rows is no error: the analytics have no benchmark and say why.
class AnalyticsReader
{
public:
    explicit AnalyticsReader(Database& db) : m_db(db) {}

    Result<StrategyAnalytics> read(const QString& strategyId, const BenchmarkChoice& benchmark = {});

private:
    Database& m_db;
};

} // namespace strata
