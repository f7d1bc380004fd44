#include "jobs/ConnectionCheckJob.h"

namespace strata {

Status ConnectionCheckJob::run(Database& db, const Progress& progress)
{
    (void)progress;
    auto version =
        db.query(db.dialect() == Dialect::Sqlite
                     ? QStringLiteral("SELECT 'SQLite ' || sqlite_version()")
                     : QStringLiteral("SELECT 'PostgreSQL ' || current_setting('server_version')"));
    if (!version)
        return version.error();
    auto tables = db.userTables();
    if (!tables)
        return tables.error();
    m_description = QStringLiteral("%1, %2 tables").arg(version->value(0, 0).toString()).arg(tables->size());
    return {};
}

} // namespace strata
