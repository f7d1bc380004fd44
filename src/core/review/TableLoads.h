#pragma once

#include <optional>

#include <QHash>
#include <QStringList>

#include "connection/Database.h"
#include "review/TableLoad.h"

namespace strata {

/// The live size and users of the tables a plan names, read from the catalog once per table
/// (resources/sql/<engine>/review_table_*.sql). A table the database does not have is "not found", not an
/// error: a pending step may create it. A catalog error is kept and reported once, never fatal.
class TableLoads
{
public:
    explicit TableLoads(Database& db) : m_db(db) {}

    /// `table` as a statement names it: "orders", "public.orders", "\"Orders\"" already unquoted by the
    /// caller; PostgreSQL without a schema looks in the search path.
    const TableLoad& of(const QString& schema, const QString& table);
    /// A catalog read that failed (empty when none did).
    QString problem() const { return m_problem; }

private:
    TableLoad readPostgres(const QString& schema, const QString& table);
    TableLoad readSqlite(const QString& table);

    Database& m_db;
    QHash<QString, TableLoad> m_cache;
    QString m_problem;
    /// SQLite: the processes holding the database file open, read once for all its tables.
    std::optional<QStringList> m_fileHolders;
};

} // namespace strata
