#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include "analytics/FamilyBuilder.h"
#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// The results of many strategies from their daily strategy_performance rows, on the caller's connection:
/// one aggregate query (COUNT, sums of returns and of their squares, downside squares, trades, mean
/// component contributions) and one ordered streaming pass for what needs the order (the compounded total
/// return and the maximum drawdown). Strategies without daily rows are absent from the answer.
class FamilyResultsQuery
{
public:
    /// Trading days in a year: the same convention as the tearsheet.
    static constexpr double kPeriodsPerYear = 252.0;
    /// Ids per statement, well below SQLite's and PostgreSQL's limits on bound parameters.
    static constexpr int kIdsPerStatement = 2000;

    explicit FamilyResultsQuery(Database& db) : m_db(db) {}

    Result<QHash<QString, FamilyBuilder::Results>> read(const QStringList& strategyIds);

    /// The aggregate statement for `ids` ids (placeholders), as the bench times it.
    static QString aggregateSql(qsizetype ids, Dialect dialect);

private:
    Status aggregate(const QStringList& ids, QHash<QString, FamilyBuilder::Results>& out);

    Database& m_db;
};

} // namespace strata
