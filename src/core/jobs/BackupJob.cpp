#include "jobs/BackupJob.h"

#include "migrations/HistoryStore.h"
#include "migrations/MigrationSetLoader.h"

namespace strata {

Status BackupJob::run(Database& db, const Progress& progress)
{
    if (m_request.schemaVersion == 0)
        if (auto history = HistoryStore(db).read())
            m_request.schemaVersion = history->currentVersion();
    if (m_request.setName.isEmpty() && !m_request.setFolder.isEmpty())
        if (auto set = MigrationSetLoader::load(m_request.setFolder))
            m_request.setName = set->name();
    auto record = DatabaseBackup::take(db, m_request, progress);
    if (!record)
        return record.error();
    m_record = *record;
    return {};
}

} // namespace strata
