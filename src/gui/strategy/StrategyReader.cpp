#include "strategy/StrategyReader.h"

#include "jobs/JobRunner.h"
#include "jobs/StrategyLineageJob.h"

namespace strata {

StrategyReader::StrategyReader(QObject* parent) : QObject(parent) {}

// Runners still running are stopped at their next safe point and waited for (JobRunner's destructor), the
// leftovers of superseded reads too: they are children of the reader.
StrategyReader::~StrategyReader() = default;

void StrategyReader::setConnection(std::optional<ConnectionUrl> url)
{
    retire(m_lineageRunner);
    const bool benchmarkStopped = isReadingBenchmark();
    retire(m_benchmarkRunner);
    // The tearsheet window waits for its benchmark: tell it the read will not come.
    if (benchmarkStopped)
        Q_EMIT benchmarkFailed(Error::failed(
            tr("The benchmark was not read: the database was closed or another one opened meanwhile."),
            tr("The tearsheet shows what it showed before."), tr("Choose the benchmark again.")));
    for (auto& runner : m_runners)
        retire(runner);
    m_url = std::move(url);
}

void StrategyReader::readLineage()
{
    retire(m_lineageRunner);
    if (!m_url)
        return;
    auto job = std::make_unique<StrategyLineageJob>();
    m_lineageJob = job.get();
    m_lineageRunner = std::make_unique<JobRunner>(*m_url, std::move(job), this);
    connect(m_lineageRunner.get(), &JobRunner::finished, this, [this](bool ok, const Error& error) {
        if (ok && m_lineageJob && m_lineageJob->graph())
            Q_EMIT lineageRead(*m_lineageJob->graph());
        else
            Q_EMIT lineageFailed(error, m_lineageJob && m_lineageJob->tablesMissing());
    });
    m_lineageRunner->start();
}

void StrategyReader::readStrategies(Purpose purpose, const QStringList& ids, const QString& focus)
{
    const auto at = static_cast<std::size_t>(purpose);
    retire(m_runners.at(at));
    if (!m_url || ids.isEmpty())
        return;
    // Only a tearsheet window draws the analytics: the details and a comparison stay cheap.
    auto job = purpose == Purpose::Tearsheet ? std::make_unique<StrategyTearsheetJob>(ids, BenchmarkChoice{})
                                             : std::make_unique<StrategyTearsheetJob>(ids);
    m_jobs.at(at) = job.get();
    m_runners.at(at) = std::make_unique<JobRunner>(*m_url, std::move(job), this);
    connect(m_runners.at(at).get(), &JobRunner::finished, this,
            [this, purpose, at, focus](bool ok, const Error& error) {
                if (ok && m_jobs.at(at))
                    Q_EMIT strategiesRead(purpose, m_jobs.at(at)->items(), focus);
                else
                    Q_EMIT strategiesFailed(purpose, error);
            });
    m_runners.at(at)->start();
}

void StrategyReader::readBenchmark(const QString& strategyId, const BenchmarkChoice& benchmark)
{
    retire(m_benchmarkRunner);
    if (!m_url || strategyId.isEmpty())
        return;
    auto job = std::make_unique<StrategyTearsheetJob>(QStringList{strategyId}, benchmark);
    m_benchmarkJob = job.get();
    m_benchmarkRunner = std::make_unique<JobRunner>(*m_url, std::move(job), this);
    connect(m_benchmarkRunner.get(), &JobRunner::progressed, this,
            [this](qint64, qint64, const QString& stage) { Q_EMIT benchmarkProgressed(stage); });
    connect(m_benchmarkRunner.get(), &JobRunner::finished, this, [this](bool ok, const Error& error) {
        if (ok && m_benchmarkJob && !m_benchmarkJob->items().isEmpty())
            Q_EMIT benchmarkRead(m_benchmarkJob->items().first());
        else
            Q_EMIT benchmarkFailed(error);
    });
    m_benchmarkRunner->start();
}

bool StrategyReader::isReadingBenchmark() const
{
    return m_benchmarkRunner && m_benchmarkRunner->isRunning();
}

bool StrategyReader::cancelBenchmark()
{
    if (!isReadingBenchmark())
        return false;
    // The job stops at its next safe point; the runner is left to end on its own, its result unheard.
    retire(m_benchmarkRunner);
    m_benchmarkJob = nullptr;
    Q_EMIT benchmarkCancelled();
    return true;
}

bool StrategyReader::isReading() const
{
    if (m_lineageRunner && m_lineageRunner->isRunning())
        return true;
    if (isReadingBenchmark())
        return true;
    for (const auto& runner : m_runners)
        if (runner && runner->isRunning())
            return true;
    return false;
}

void StrategyReader::retire(std::unique_ptr<JobRunner>& runner)
{
    if (!runner)
        return;
    // A read still running is cancelled and left to end on its own; its result is never shown.
    disconnect(runner.get(), nullptr, this, nullptr);
    if (runner->isRunning()) {
        runner->cancel();
        JobRunner* leftover = runner.release();
        connect(leftover, &JobRunner::finished, leftover, &QObject::deleteLater);
    }
    runner.reset();
}

} // namespace strata
