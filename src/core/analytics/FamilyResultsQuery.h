#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include "analytics/FamilyBuilder.h"
#include "analytics/FamilyReturnScan.h"
#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// The results of many strategies from their daily strategy_performance rows, on the caller's connection,
/// in one ordered streaming pass (FamilyReturnScan): the order gives the compounded total return and the
/// maximum drawdown, and the same pass adds up what Sharpe, Sortino, volatility, win rate and the mean
/// contributions need. Strategies without daily rows are absent from the answer.
class FamilyResultsQuery
{
public:
    /// Trading days in a year: the same convention as the tearsheet.
    static constexpr double kPeriodsPerYear = 252.0;
    /// Ids per statement, well below SQLite's and PostgreSQL's limits on bound parameters.
    static constexpr int kIdsPerStatement = 2000;

    explicit FamilyResultsQuery(Database& db) : m_db(db) {}

    Result<QHash<QString, FamilyBuilder::Results>> read(const QStringList& strategyIds);

    /// One strategy's figures from what its rows added up to.
    static FamilyBuilder::Results results(const FamilyReturnScan::Path& path);

    /// The same sums as one GROUP BY statement for `ids` ids: what family_core_bench times against the pass
    /// (which needs the order for the drawdown anyway).
    static QString aggregateSql(qsizetype ids, Dialect dialect);

private:
    Database& m_db;
};

} // namespace strata
