#include "jobs/RestoreJob.h"

namespace strata {

Status RestoreJob::run(Database& db, const Progress& progress)
{
    auto lock = db.acquireRunLock(std::chrono::seconds(5), {});
    if (!lock)
        return lock.error();
    auto outcome = DatabaseRestore::restore(db, m_record, progress);
    if (!outcome)
        return outcome.error();
    m_outcome = *outcome;
    return {};
}

} // namespace strata
