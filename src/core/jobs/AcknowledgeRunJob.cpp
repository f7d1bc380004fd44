#include "jobs/AcknowledgeRunJob.h"

#include "migrations/RunIdentity.h"
#include "migrations/RunJournal.h"

namespace strata {

Status AcknowledgeRunJob::run(Database& db, const Progress& progress)
{
    progress.report(0, 1, QStringLiteral("acknowledging run %1").arg(m_runId));
    // Under the run lock: no run starts or ends meanwhile.
    auto lock = db.acquireRunLock(std::chrono::seconds(10), {});
    if (!lock)
        return lock.error();
    auto done = RunJournal(db).acknowledge(m_runId, RunIdentity::current());
    if (!done)
        return done.error();
    m_outcome = *done;
    progress.report(1, 1, QStringLiteral("done"));
    return {};
}

} // namespace strata
