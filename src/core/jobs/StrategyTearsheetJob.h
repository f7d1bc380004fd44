#pragma once

#include <QList>
#include <QStringList>

#include "analytics/BenchmarkChoice.h"
#include "analytics/StrategyAnalytics.h"
#include "jobs/DatabaseJob.h"
#include "strategy/StrategyRecord.h"
#include "strategy/Tearsheet.h"

namespace strata {

/// Reads one or several strategies on the worker's connection — the registry row, the version history and
/// the tearsheet computed from the daily performance — for the details pane, a tearsheet or a comparison.
/// For a tearsheet window it also reads the benchmark and computes the analytics (AnalyticsReader), so the
/// metric table, the rolling beta and the drawdown periods are computed on the worker too.
class StrategyTearsheetJob final : public DatabaseJob
{
public:
    struct Item
    {
        StrategyRecord strategy;
        QList<StrategyVersionRecord> versions;
        Tearsheet tearsheet;
        /// Filled when the job was asked for the analytics (its tearsheet is `tearsheet` again); else empty.
        StrategyAnalytics analytics;
    };

    /// Without analytics: the registry row, the versions and the tearsheet only (the details pane, a
    /// comparison), which stays cheap.
    explicit StrategyTearsheetJob(QStringList strategyIds) : m_ids(std::move(strategyIds)) {}
    /// With the analytics of each strategy, measured against `benchmark`.
    StrategyTearsheetJob(QStringList strategyIds, BenchmarkChoice benchmark)
        : m_ids(std::move(strategyIds)), m_withAnalytics(true), m_benchmark(std::move(benchmark))
    {}

    QString title() const override { return QStringLiteral("Reading strategy performance"); }
    bool onlyReads() const override { return true; }
    /// An id that is not in the registry fails the job, naming it (bad input); so does a benchmark that
    /// cannot be read (no such table, column, file or strategy), with the core's words.
    Status run(Database& db, const Progress& progress) override;
    const QList<Item>& items() const { return m_items; }
    bool withAnalytics() const { return m_withAnalytics; }
    const BenchmarkChoice& benchmark() const { return m_benchmark; }

private:
    QStringList m_ids;
    bool m_withAnalytics = false;
    BenchmarkChoice m_benchmark;
    QList<Item> m_items;
};

} // namespace strata
