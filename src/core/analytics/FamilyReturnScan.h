#pragma once

#include <array>
#include <functional>

#include <QByteArrayView>
#include <QStringList>

#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// One ordered streaming pass over the daily rows of many strategies (ORDER BY strategy_id, period_start),
/// straight from the engine's own cursor: per row a pointer to the strategy id and six numbers, nothing
/// allocated. Compounds each strategy's returns and follows its peak (what only the order shows: the total
/// return and the maximum drawdown) and adds up what the other figures need (sums, squares, trades,
/// contributions), so one pass gives every result.
class FamilyReturnScan
{
public:
    /// What one strategy's daily rows add up to, in period order.
    struct Path
    {
        int days = 0;
        double growth = 1;      ///< product of (1 + r)
        double maxDrawdown = 0; ///< the lowest growth / peak - 1 (the start counts as a peak of 1)
        double sum = 0;         ///< of r (a fraction: total_return_pct / 100)
        double squares = 0;     ///< of r * r
        double downside = 0;    ///< of min(r, 0)^2
        double winning = 0;     ///< winning_trades
        double trades = 0;      ///< total_trades
        std::array<double, 3> contribution{}; ///< sums of the non-NULL contributions
        std::array<int, 3> contributed{};     ///< how many were not NULL
        int skipped = 0; ///< daily rows left out as the tearsheet leaves them out (FamilyPathFollower)
    };
    /// Called once per strategy with daily rows, in strategy_id order, with its id (UTF-8) and its path.
    using Sink = std::function<void(QByteArrayView strategyId, const Path& path)>;

    explicit FamilyReturnScan(Database& db) : m_db(db) {}

    Status scan(const QStringList& strategyIds, const Sink& sink);

    static QString sql(qsizetype ids, Dialect dialect);
    /// The condition on the period type: "daily" in any case, as the tearsheet compares. Its usual spellings
    /// come first as a list PostgreSQL's planner can estimate (LOWER() alone is estimated at 0.5 % of the
    /// rows and turns the ordered index scan into a sort); LOWER() only runs for the rows the list did not
    /// take. On SQLite the list is behind a unary + so that the planner keeps the strategy_id index.
    static QString dailyCondition(Dialect dialect)
    {
        return dialect == Dialect::Sqlite
                   ? QStringLiteral(
                         "(+period_type IN ('daily', 'Daily', 'DAILY') OR lower(period_type) = 'daily')")
                   : QStringLiteral(
                         "(period_type IN ('daily', 'Daily', 'DAILY') OR LOWER(period_type) = 'daily')");
    }

private:
    Status scanSqlite(const QStringList& ids, const Sink& sink);
    Status scanPostgres(const QStringList& ids, const Sink& sink);
    Error failure(const QString& message) const;

    Database& m_db;
};

} // namespace strata
