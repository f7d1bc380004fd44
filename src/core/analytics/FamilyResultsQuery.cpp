#include "analytics/FamilyResultsQuery.h"

#include <cmath>
#include <limits>

#include "analytics/FamilyReturnScan.h"
#include "analytics/FamilySnapshot.h"

namespace strata {

namespace family_results {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double number(const QVariant& value)
{
    bool ok = false;
    const double d = value.toDouble(&ok);
    return value.isValid() && !value.isNull() && ok ? d : kNaN;
}

} // namespace family_results

QString FamilyResultsQuery::aggregateSql(qsizetype ids, Dialect dialect)
{
    QStringList marks(ids, QStringLiteral("?"));
    // Returns are in percent; the sums stay in percent and are scaled once per strategy.
    return QStringLiteral(
               "SELECT strategy_id, COUNT(*), SUM(total_return_pct), "
               "SUM(total_return_pct * total_return_pct), "
               "SUM(CASE WHEN total_return_pct < 0 THEN total_return_pct * total_return_pct ELSE 0 END), "
               "SUM(winning_trades), SUM(total_trades), AVG(signal_generator_contribution), "
               "AVG(risk_manager_contribution), AVG(position_sizer_contribution) "
               "FROM strategy_performance WHERE strategy_id IN (%1) AND %2 GROUP BY "
               "strategy_id")
        .arg(marks.join(QStringLiteral(", ")), FamilyReturnScan::dailyCondition(dialect));
}

Status FamilyResultsQuery::aggregate(const QStringList& ids, QHash<QString, FamilyBuilder::Results>& out)
{
    QVariantList params;
    params.reserve(ids.size());
    for (const QString& id : ids)
        params << id;
    auto rows = m_db.query(aggregateSql(ids.size(), m_db.dialect()), params);
    if (!rows)
        return rows.error().prefixed(
            QStringLiteral("Reading the results of the family on %1").arg(m_db.display()));
    for (const QVariantList& row : std::as_const(rows->rows)) {
        const double n = row.value(1).toDouble();
        if (n <= 0)
            continue;
        FamilyBuilder::Results& r = out[row.value(0).toString()];
        r.days = row.value(1).toInt();
        const double sum = family_results::number(row.value(2)) / 100.0;
        const double squares = family_results::number(row.value(3)) / 10000.0;
        const double downside = family_results::number(row.value(4)) / 10000.0;
        const double mean = sum / n;
        // Sample variance from the two sums: (sum of squares - n * mean^2) / (n - 1).
        const double variance = n > 1 ? std::max(0.0, (squares - n * mean * mean) / (n - 1)) : 0;
        const double stdev = std::sqrt(variance);
        const double downsideDeviation = std::sqrt(downside / n); // target 0, over every day
        const double year = std::sqrt(kPeriodsPerYear);
        r.volatility = stdev * year;
        r.sharpe = stdev > 0 ? mean / stdev * year : 0;
        r.sortino = downsideDeviation > 0 ? mean / downsideDeviation * year : family_results::kNaN;
        const double wins = family_results::number(row.value(5));
        const double trades = family_results::number(row.value(6));
        r.winRate = trades > 0 ? wins / trades : family_results::kNaN;
        r.attribution = {family_results::number(row.value(7)), family_results::number(row.value(8)),
                         family_results::number(row.value(9))};
        r.totalReturn = family_results::kNaN; // the ordered pass fills these
        r.cagr = family_results::kNaN;
        r.maxDrawdown = family_results::kNaN;
    }
    return {};
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
        auto it = out.find(QString::fromUtf8(id));
        if (it == out.end())
            return; // a row added between the two statements: its strategy is counted next time
        it->totalReturn = path.growth - 1;
        it->cagr = path.growth > 0 ? std::pow(path.growth, kPeriodsPerYear / path.days) - 1 : -1;
        it->maxDrawdown = path.maxDrawdown;
    };
    // One snapshot for both statements, so that they count the same rows.
    FamilySnapshot snapshot(m_db);
    if (auto begun = snapshot.begin(); !begun)
        return begun.error();
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerStatement) {
        const QStringList chunk = ids.mid(from, kIdsPerStatement);
        if (auto status = aggregate(chunk, out); !status)
            return status.error();
        if (auto status = scan.scan(chunk, sink); !status)
            return status.error();
    }
    if (auto ended = snapshot.end(); !ended)
        return ended.error();
    return out;
}

} // namespace strata
