#include "jobs/ConnectionCheckJob.h"

namespace strata {

Status ConnectionCheckJob::run(Database& db, const Progress& progress)
{
    (void)progress;
    auto version = db.engineVersion();
    if (!version)
        return version.error();
    auto tables = db.userTables();
    if (!tables)
        return tables.error();
    m_description = QStringLiteral("%1, %2 tables").arg(*version).arg(tables->size());
    return {};
}

} // namespace strata
