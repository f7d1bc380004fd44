#include "schema/CatalogQueries.h"

namespace strata {

CatalogQueries::CatalogQueries(Database& db, const Progress& progress, int total, QString subject)
    : m_db(db), m_progress(progress), m_total(total), m_subject(std::move(subject))
{}

Result<QueryRows> CatalogQueries::run(const QString& name, const QVariantList& params)
{
    if (m_progress.cancelled())
        return Error::failed(QStringLiteral("Reading %1 was cancelled.").arg(m_subject),
                             QStringLiteral("Nothing: reading the schema changes nothing."),
                             QStringLiteral("Read it again when you need it."));
    auto rows = m_db.query(m_db.catalogSql(name), params);
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Reading %1 (%2)").arg(m_subject, name));
    ++m_done;
    m_progress.report(m_done, m_total, QStringLiteral("Read %1").arg(name));
    return rows;
}

} // namespace strata
