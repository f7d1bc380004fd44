#include "analytics/FamilySnapshot.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

bool FamilySnapshot::inTransaction(Database& db)
{
    if (db.dialect() == Dialect::Postgres)
        return PQtransactionStatus(static_cast<PostgresDatabase&>(db).handle()) != PQTRANS_IDLE;
    return sqlite3_get_autocommit(static_cast<SqliteDatabase&>(db).handle()) == 0;
}

Status FamilySnapshot::begin()
{
    if (inTransaction(m_db))
        return {};
    auto begun = m_db.execute(m_db.dialect() == Dialect::Postgres
                                  ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                  : QStringLiteral("BEGIN DEFERRED"));
    m_began = bool(begun);
    return begun;
}

Status FamilySnapshot::end()
{
    if (!m_began)
        return {};
    m_began = false;
    return m_db.execute(QStringLiteral("COMMIT"));
}

FamilySnapshot::~FamilySnapshot()
{
    if (m_began && inTransaction(m_db))
        (void)m_db.execute(QStringLiteral("ROLLBACK"));
}

} // namespace strata
