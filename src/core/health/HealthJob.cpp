#include "health/HealthJob.h"

#include "health/TableHealthReader.h"

namespace strata {

QString HealthJob::title() const
{
    return m_exact ? QStringLiteral("Measuring the exact bloat of %1").arg(m_table)
                   : QStringLiteral("Reading the health of %1").arg(m_table);
}

Status HealthJob::run(Database& db, const Progress& progress)
{
    progress.report(0, m_exact ? 2 : 1, title());
    auto health = TableHealthReader::read(db, m_schema, m_table);
    if (!health)
        return health.error();
    if (m_exact) {
        progress.report(1, 2, QStringLiteral("pgstattuple is reading every page of %1").arg(m_table));
        auto exact = TableHealthReader::exactBloat(db, m_schema, m_table);
        if (!exact)
            return exact.error();
        health->exact = *exact;
    }
    m_health = std::move(health).value();
    progress.report(1, 1, title());
    return {};
}

} // namespace strata
