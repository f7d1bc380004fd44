#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "connection/Database.h"
#include "strategy/LineageGraph.h"
#include "strategy/StrategyRecord.h"

namespace strata {

/// Reads seed 000's four strategy tables on SQLite and PostgreSQL, on the caller's connection. Rows come
/// back validated (see StrategyRowDecoder): a row the application could not have written is a problem on
/// that row, never an error of the read. Errors are for tables that cannot be read at all.
class StrategyStore
{
public:
    explicit StrategyStore(Database& db) : m_db(db) {}

    /// The four tables seed 000 creates.
    static QStringList tableNames();
    /// Fails, naming the missing tables and the strategy migration set, when they are not all there.
    Status requireTables();

    Result<QList<StrategyRecord>> registry();
    /// One strategy; nullopt when no row has that strategy_id.
    Result<std::optional<StrategyRecord>> strategy(const QString& strategyId);
    Result<QList<LineageEdge>> lineageRows();
    /// The registry and the lineage rows as a graph, with what only the whole lineage shows (missing
    /// strategies, cycles) among the problems.
    Result<LineageGraph> lineage();
    /// A strategy's version history, oldest first.
    Result<QList<StrategyVersionRecord>> versions(const QString& strategyId);
    /// The performance rows of the strategies, per strategy in period order.
    Result<QList<PerformancePeriod>> performance(const QStringList& strategyIds);

private:
    Result<QueryRows> select(const QString& sql, const QVariantList& params = {});

    Database& m_db;
};

} // namespace strata
