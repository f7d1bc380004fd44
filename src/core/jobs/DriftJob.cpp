#include "jobs/DriftJob.h"

#include "drift/DriftCheck.h"
#include "migrations/MigrationSetLoader.h"

namespace strata {

Status DriftJob::run(Database& db, const Progress& progress)
{
    if (m_setFolder.isEmpty())
        return Error::badInput(
            QStringLiteral("No migration set is chosen for this database, and drift compares "
                           "the database with what its migrations build."),
            QStringLiteral("Open the database again with its migration set (File > Connect)."),
            QStringLiteral("Nothing was changed."));
    auto set = MigrationSetLoader::load(m_setFolder);
    if (!set)
        return set.error();
    auto report = DriftCheck(db, *set).run(progress);
    if (!report)
        return report.error();
    m_report = std::move(report).value();
    return {};
}

} // namespace strata
