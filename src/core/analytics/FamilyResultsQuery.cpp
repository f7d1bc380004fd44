#include "analytics/FamilyResultsQuery.h"

#include <cmath>
#include <limits>

#include "analytics/FamilySnapshot.h"

namespace strata {

QString FamilyResultsQuery::aggregateSql(qsizetype ids, Dialect dialect)
{
    QStringList marks(ids, QStringLiteral("?"));
    return QStringLiteral(
               "SELECT strategy_id, COUNT(*), SUM(total_return_pct), "
               "SUM(total_return_pct * total_return_pct), "
               "SUM(CASE WHEN total_return_pct < 0 THEN total_return_pct * total_return_pct ELSE 0 END), "
               "SUM(winning_trades), SUM(total_trades), AVG(signal_generator_contribution), "
               "AVG(risk_manager_contribution), AVG(position_sizer_contribution) "
               "FROM strategy_performance WHERE strategy_id IN (%1) AND %2 GROUP BY strategy_id")
        .arg(marks.join(QStringLiteral(", ")), FamilyReturnScan::dailyCondition(dialect));
}

FamilyBuilder::Results FamilyResultsQuery::results(const FamilyReturnScan::Path& p)
{
    constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
    FamilyBuilder::Results r;
    r.days = p.days;
    r.skipped = p.skipped;
    if (p.days <= 0)
        return r;
    const double n = p.days;
    const double mean = p.sum / n;
    // Sample variance from the two sums: (sum of squares - n * mean^2) / (n - 1).
    const double variance = n > 1 ? std::max(0.0, (p.squares - n * mean * mean) / (n - 1)) : 0;
    const double stdev = std::sqrt(variance);
    const double downsideDeviation = std::sqrt(p.downside / n); // target 0, over every day
    const double year = std::sqrt(kPeriodsPerYear);
    r.totalReturn = p.growth - 1;
    r.cagr = p.growth > 0 ? std::pow(p.growth, kPeriodsPerYear / n) - 1 : -1;
    r.maxDrawdown = p.maxDrawdown;
    r.volatility = stdev * year;
    r.sharpe = stdev > 0 ? mean / stdev * year : 0; // as the tearsheet: no spread, no ratio
    r.sortino = downsideDeviation > 0 ? mean / downsideDeviation * year : kUndefined;
    r.winRate = p.trades > 0 ? p.winning / p.trades : kUndefined;
    for (size_t c = 0; c < 3; ++c)
        r.attribution[c] = p.contributed[c] > 0 ? p.contribution[c] / p.contributed[c] : kUndefined;
    return r;
}

Result<QHash<QString, FamilyBuilder::Results>> FamilyResultsQuery::read(const QStringList& strategyIds)
{
    QStringList ids = strategyIds;
    ids.sort(); // chunks then hold disjoint runs of the ordered pass
    ids.removeDuplicates();
    QHash<QString, FamilyBuilder::Results> out;
    out.reserve(ids.size());
    FamilyReturnScan scan(m_db);
    const auto sink = [&out](QByteArrayView id, const FamilyReturnScan::Path& path) {
        out.insert(QString::fromUtf8(id), results(path));
    };
    // One snapshot for every chunk of a large family.
    FamilySnapshot snapshot(m_db);
    if (auto begun = snapshot.begin(); !begun)
        return begun.error();
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerStatement)
        if (auto status = scan.scan(ids.mid(from, kIdsPerStatement), sink); !status)
            return status.error();
    if (auto ended = snapshot.end(); !ended)
        return ended.error();
    return out;
}

} // namespace strata
