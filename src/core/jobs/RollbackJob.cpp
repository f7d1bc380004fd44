#include "jobs/RollbackJob.h"

#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlanner.h"
#include "migrations/MigrationRunner.h"
#include "migrations/MigrationSetLoader.h"

namespace strata {

namespace {

/// Passes the steps on as progress.
class StepProgress final : public MigrationObserver
{
public:
    explicit StepProgress(const Progress& progress) : m_progress(progress) {}
    void stepStarted(const MigrationStep& step, qsizetype index, qsizetype count) override
    {
        m_progress.report(index, count, QStringLiteral("rolling back %1").arg(step.label()));
    }

private:
    const Progress& m_progress;
};

} // namespace

Status RollbackJob::run(Database& db, const Progress& progress)
{
    auto set = MigrationSetLoader::load(m_setFolder);
    if (!set)
        return set.error();
    auto lock = db.acquireRunLock(std::chrono::seconds(10), {});
    if (!lock)
        return lock.error();
    auto history = HistoryStore(db).read();
    if (!history)
        return history.error();
    auto tables = db.userTables();
    if (!tables)
        return tables.error();
    auto plan = MigrationPlanner(*set, db.dialect(), *history, *tables).planDown(m_target);
    if (!plan)
        return plan.error();
    if (plan->blocked())
        return Problem::refusal(plan->problems, QStringLiteral("rollback"));
    StepProgress observer(progress);
    MigrationRunner runner(db, *set, RunIdentity::current(), &observer);
    runner.setCancelFlag(progress.cancelFlag());
    auto outcome = runner.rollback(*plan);
    if (!outcome)
        return outcome.error();
    m_steps = outcome->steps;
    return {};
}

} // namespace strata
