#include "jobs/RestoreJob.h"

namespace strata {

Status RestoreJob::run(Database& db, const Progress& progress)
{
    RestoreRun::Settings settings = m_settings;
    if (settings.lockTimeout > std::chrono::seconds(5))
        settings.lockTimeout = std::chrono::seconds(5);
    RestoreRun restore(db, settings);
    if (auto ready = restore.prepare(); !ready)
        return ready;
    auto outcome = restore.execute(m_record, progress);
    if (!outcome)
        return outcome.error();
    m_outcome = *outcome;
    return {};
}

} // namespace strata
