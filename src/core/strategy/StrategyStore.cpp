#include "strategy/StrategyStore.h"

#include "strategy/StrategyRowDecoder.h"

namespace strata {

QStringList StrategyStore::tableNames()
{
    return {QStringLiteral("strategy_registry"), QStringLiteral("strategy_versions"),
            QStringLiteral("strategy_performance"), QStringLiteral("strategy_lineage")};
}

Status StrategyStore::requireTables()
{
    auto tables = m_db.userTables();
    if (!tables)
        return tables.error();
    QStringList missing;
    for (const QString& t : tableNames())
        if (!tables->contains(t))
            missing << t;
    if (missing.isEmpty())
        return {};
    return Error::failed(
        QStringLiteral("%1 has no strategy tables: %2 %3 missing, so the strategy migration set is not "
                       "applied.")
            .arg(m_db.display(), missing.join(QStringLiteral(", ")),
                 missing.size() == 1 ? QStringLiteral("is") : QStringLiteral("are")),
        QStringLiteral("Nothing was read or changed."),
        QStringLiteral("Apply the strategy set first: strata-cli --db URL --migrations migrations/strategy "
                       "migrate"));
}

Result<QueryRows> StrategyStore::select(const QString& sql, const QVariantList& params)
{
    auto rows = m_db.query(sql, params);
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Reading the strategy tables of %1").arg(m_db.display()));
    return rows;
}

Result<QList<StrategyRecord>> StrategyStore::registry()
{
    auto rows = select(QStringLiteral("SELECT %1 FROM strategy_registry ORDER BY created_at, id")
                           .arg(StrategyRowDecoder::registryColumns(m_db.dialect())));
    if (!rows)
        return rows.error();
    QList<StrategyRecord> out;
    out.reserve(rows->rows.size());
    for (const auto& row : rows->rows)
        out << StrategyRowDecoder::registry(row);
    return out;
}

Result<std::optional<StrategyRecord>> StrategyStore::strategy(const QString& strategyId)
{
    auto rows = select(QStringLiteral("SELECT %1 FROM strategy_registry WHERE strategy_id = ?")
                           .arg(StrategyRowDecoder::registryColumns(m_db.dialect())),
                       {strategyId});
    if (!rows)
        return rows.error();
    if (rows->rows.isEmpty())
        return std::optional<StrategyRecord>();
    return std::optional<StrategyRecord>(StrategyRowDecoder::registry(rows->rows.first()));
}

Result<QList<LineageEdge>> StrategyStore::lineageRows()
{
    auto rows =
        select(QStringLiteral("SELECT %1 FROM strategy_lineage ORDER BY generation_distance, ancestor_id, "
                              "descendant_id, id")
                   .arg(StrategyRowDecoder::lineageColumns(m_db.dialect())));
    if (!rows)
        return rows.error();
    QList<LineageEdge> out;
    out.reserve(rows->rows.size());
    for (const auto& row : rows->rows)
        out << StrategyRowDecoder::lineage(row);
    return out;
}

Result<LineageGraph> StrategyStore::lineage()
{
    auto strategies = registry();
    if (!strategies)
        return strategies.error();
    auto edges = lineageRows();
    if (!edges)
        return edges.error();
    return LineageGraph::build(std::move(strategies).value(), std::move(edges).value());
}

Result<QList<StrategyVersionRecord>> StrategyStore::versions(const QString& strategyId)
{
    auto rows = select(QStringLiteral("SELECT %1 FROM strategy_versions WHERE strategy_id = ? "
                                      "ORDER BY created_at, id")
                           .arg(StrategyRowDecoder::versionColumns(m_db.dialect())),
                       {strategyId});
    if (!rows)
        return rows.error();
    QList<StrategyVersionRecord> out;
    for (const auto& row : rows->rows)
        out << StrategyRowDecoder::version(row);
    return out;
}

Result<QList<PerformancePeriod>> StrategyStore::performance(const QStringList& strategyIds)
{
    QList<PerformancePeriod> out;
    for (const QString& id : strategyIds) {
        auto rows = select(QStringLiteral("SELECT %1 FROM strategy_performance WHERE strategy_id = ? "
                                          "ORDER BY period_start, id")
                               .arg(StrategyRowDecoder::performanceColumns(m_db.dialect())),
                           {id});
        if (!rows)
            return rows.error();
        out.reserve(out.size() + rows->rows.size());
        for (const auto& row : rows->rows)
            out << StrategyRowDecoder::performance(row);
    }
    return out;
}

} // namespace strata
