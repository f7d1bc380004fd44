#pragma once

#include <QList>

#include "review/postgres/PgLockMode.h"
#include "review/postgres/PgStatement.h"
#include "review/postgres/PgTableRef.h"

namespace strata {

class Database;

/// A table lock a statement takes, and the strongest of its kind when it takes several on one table.
struct PgTableLock
{
    PgTableRef table;
    PgLockMode mode = PgLockMode::None;

    /// The locks `statement` takes on tables, from its parse tree (PostgreSQL's documented lock levels:
    /// ALTER TABLE per sub-command, CREATE INDEX, DROP, TRUNCATE, RENAME, LOCK, DML, ...). DROP INDEX asks
    /// `db` which table the index is on.
    static QList<PgTableLock> of(const PgStatement& statement, Database& db);
    /// The lock level of one ALTER TABLE sub-command ("AT_AddColumn", ...).
    static PgLockMode alterTableLevel(const QJsonObject& cmd);
};

} // namespace strata
