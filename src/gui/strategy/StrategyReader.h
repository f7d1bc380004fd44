#pragma once

#include <array>
#include <memory>
#include <optional>

#include <QObject>
#include <QStringList>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"
#include "jobs/StrategyTearsheetJob.h"
#include "strategy/LineageGraph.h"

namespace strata {

class JobRunner;
class StrategyLineageJob;

/// Reads the strategy tables for the lineage page on workers (JobRunner, a connection of their own), so the
/// window never waits on a database: the lineage, and strategies with their versions and tearsheets for
/// the details, a tearsheet (with its analytics against the parent strategy) or a comparison, and a
/// tearsheet's analytics again against another benchmark. One read per purpose at a time: a newer request
/// supersedes the one still running, whose result is dropped.
class StrategyReader : public QObject
{
    Q_OBJECT

public:
    enum class Purpose { Details, Tearsheet, Comparison };

    explicit StrategyReader(QObject* parent = nullptr);
    ~StrategyReader() override;

    /// The database to read; nullopt drops every read still running.
    void setConnection(std::optional<ConnectionUrl> url);
    const std::optional<ConnectionUrl>& connection() const { return m_url; }

    void readLineage();
    /// Reads `ids` in that order; `focus` is passed back with the result.
    /// Purpose::Tearsheet reads the analytics too, against the parent (BenchmarkChoice's default).
    void readStrategies(Purpose purpose, const QStringList& ids, const QString& focus = {});
    /// Reads `strategyId`'s tearsheet and analytics again, measured against `benchmark`, for the tearsheet
    /// window's benchmark chooser: benchmarkRead or benchmarkFailed follow, never strategiesRead.
    void readBenchmark(const QString& strategyId, const BenchmarkChoice& benchmark);
    bool isReadingBenchmark() const;
    /// Stops the benchmark read running (the operator's Cancel): its result is dropped and
    /// benchmarkCancelled follows. False when no read was running (it had ended: its result was sent).
    bool cancelBenchmark();
    bool isReading() const;

Q_SIGNALS:
    void lineageRead(const strata::LineageGraph& graph);
    /// `tablesMissing`: the database has no strategy tables (it was read fine).
    void lineageFailed(const strata::Error& error, bool tablesMissing);
    void strategiesRead(strata::StrategyReader::Purpose purpose,
                        const QList<strata::StrategyTearsheetJob::Item>& items, const QString& focus);
    void strategiesFailed(strata::StrategyReader::Purpose purpose, const strata::Error& error);
    /// readBenchmark's stages ("reading MOM-0007 and its benchmark (spy.csv)").
    void benchmarkProgressed(const QString& stage);
    void benchmarkRead(const strata::StrategyTearsheetJob::Item& item);
    /// The benchmark (or the strategy) could not be read: `error` is the core's, naming what is missing.
    void benchmarkFailed(const strata::Error& error);
    /// cancelBenchmark stopped the read: neither benchmarkRead nor benchmarkFailed follows.
    void benchmarkCancelled();

private:
    static constexpr int purposes = 3;
    void retire(std::unique_ptr<JobRunner>& runner);

    std::optional<ConnectionUrl> m_url;
    std::unique_ptr<JobRunner> m_lineageRunner;
    StrategyLineageJob* m_lineageJob = nullptr;
    std::array<std::unique_ptr<JobRunner>, purposes> m_runners;
    std::array<StrategyTearsheetJob*, purposes> m_jobs{};
    std::unique_ptr<JobRunner> m_benchmarkRunner;
    StrategyTearsheetJob* m_benchmarkJob = nullptr;
};

} // namespace strata
