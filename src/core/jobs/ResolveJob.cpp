#include "jobs/ResolveJob.h"

#include "migrations/MigrationSetLoader.h"

namespace strata {

Status ResolveJob::run(Database& db, const Progress& progress)
{
    progress.report(0, 1, QStringLiteral("resolving step %1").arg(m_step.text()));
    auto set = MigrationSetLoader::load(m_setFolder);
    if (!set)
        return set.error();
    auto lock = db.acquireRunLock(std::chrono::seconds(10), {});
    if (!lock)
        return lock.error();
    auto done = StepResolution(db, *set).apply(m_step, m_action);
    if (!done)
        return done.error();
    m_outcome = *done;
    progress.report(1, 1, QStringLiteral("done"));
    return {};
}

} // namespace strata
