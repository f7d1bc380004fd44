#pragma once

#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// What the live SQLite schema says about a statement's table that the statement alone cannot: why SQLite
/// would refuse to drop a column, and what else points at a table (foreign keys of other tables, views,
/// triggers). Read only, on demand: most steps never need it.
class SqliteLiveSchema
{
public:
    /// Why `ALTER TABLE table DROP COLUMN column` would fail on this database, in SQLite's own terms (it is
    /// in the PRIMARY KEY, UNIQUE, indexed, in a table FOREIGN KEY, in another column's or the table's
    /// CHECK, in a generated column, named by a view or trigger); empty when SQLite would drop it.
    static Result<QStringList> dropColumnRefusals(Database& db, const QString& table, const QString& column);
    /// Other tables' foreign keys to `table`, and the views and triggers that name it, e.g.
    /// "fills.order_id REFERENCES orders", "view open_orders", "trigger orders_audit".
    static Result<QStringList> dependents(Database& db, const QString& table);
    /// The table's own foreign keys, e.g. "account_id REFERENCES accounts".
    static Result<QStringList> parents(Database& db, const QString& table);
    /// Whether this connection enforces foreign keys (PRAGMA foreign_keys).
    static bool foreignKeysOn(Database& db);
    /// Whether `sql` names `name` as a word or a quoted name (never inside a string or a comment).
    static bool mentions(const QString& sql, const QString& name);
};

} // namespace strata
