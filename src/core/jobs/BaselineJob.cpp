#include "jobs/BaselineJob.h"

#include "migrations/HistoryStore.h"
#include "migrations/MigrationRunner.h"
#include "migrations/MigrationSetLoader.h"

namespace strata {

Status BaselineJob::run(Database& db, const Progress& progress)
{
    (void)progress;
    auto set = MigrationSetLoader::load(m_setFolder);
    if (!set)
        return set.error();
    auto lock = db.acquireRunLock(std::chrono::seconds(10), {});
    if (!lock)
        return lock.error();
    auto history = HistoryStore(db).read();
    if (!history)
        return history.error();
    if (history->tracked)
        return Error::refused(QStringLiteral("%1 is already tracked, at version %2.")
                                  .arg(db.display())
                                  .arg(history->currentVersion()),
                              QStringLiteral("A baseline is only for a database that predates tracking."));
    if (m_version == set->manifest.baseline.version) {
        auto tables = db.userTables();
        if (!tables)
            return tables.error();
        QStringList missing;
        for (const auto& t : set->manifest.baseline.tables)
            if (!tables->contains(t))
                missing << t;
        if (!missing.isEmpty())
            return Error::refused(QStringLiteral("The database lacks tables of version %1: %2.")
                                      .arg(m_version)
                                      .arg(missing.join(QStringLiteral(", "))),
                                  QStringLiteral("Check that this is the right database."));
    }
    return MigrationRunner(db, *set, RunIdentity::current()).baseline(m_version);
}

} // namespace strata
