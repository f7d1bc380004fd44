#pragma once

#include <optional>

#include <QString>
#include <QStringList>

namespace strata {

/// How big a table is on the live database and who uses it right now, as a review finding reports it.
struct TableLoad
{
    QString table;      ///< as the statement names it (PostgreSQL: schema-qualified when it was)
    bool read = false;  ///< the catalog answered (false: sizes unknown, the table is assumed to have rows)
    bool found = false; ///< the table exists on the live database (a step may create it)
    std::optional<qint64> rows; ///< exact when rowsExact, else the planner's estimate (reltuples)
    bool rowsExact = false;
    std::optional<qint64> bytes; ///< with indexes and TOAST (PostgreSQL: pg_total_relation_size)
    /// Sessions that hold or wait for a lock on the table now, e.g. "pid 4711 (report-runner, idle in
    /// transaction 00:03:12, AccessShareLock)".
    QStringList sessions;
    /// How rows and bytes were measured: "reltuples", "count(*)", "dbstat", ...
    QString sizeSource;

    /// A table that exists and has at least one row (or is estimated to): dangerous statements on it block.
    bool hasRows() const { return found && rows.value_or(0) > 0; }
    /// What the review assumes: a table whose size it could not read may have rows.
    bool mayHaveRows() const { return !read || hasRows(); }
    /// "orders: 3,100,000 rows (estimate), 412 MB; used now by pid 4711 (...)"; "orders: not on the
    /// database yet" for a table a pending step creates.
    QString text() const;
};

} // namespace strata
