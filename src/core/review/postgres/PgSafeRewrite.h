#pragma once

#include <QJsonObject>
#include <QString>

#include "review/postgres/PgStatement.h"
#include "review/postgres/PgTableRef.h"

namespace strata {

/// The safe form of a risky PostgreSQL statement, as SQL that replaces it in the step's file.
class PgSafeRewrite
{
public:
    /// `CREATE [UNIQUE] INDEX CONCURRENTLY ...` / `DROP INDEX CONCURRENTLY ...`: the statement with
    /// CONCURRENTLY after its INDEX keyword.
    static QString concurrently(const PgStatement& statement);
    /// The constraint added NOT VALID (a short SHARE ROW EXCLUSIVE / ACCESS EXCLUSIVE lock, no scan), then
    /// validated (SHARE UPDATE EXCLUSIVE: reads and writes go on). Empty when the ALTER TABLE does more than
    /// add this one constraint (split it first).
    static QString notValidThenValidate(const PgStatement& statement, const PgTableRef& table,
                                        const QJsonObject& constraint);
    /// SET NOT NULL through a CHECK (col IS NOT NULL) NOT VALID, validated, after which SET NOT NULL
    /// needs no scan (PostgreSQL 12+), and the CHECK dropped.
    static QString setNotNull(const PgTableRef& table, const QString& column);
    /// A UNIQUE / PRIMARY KEY constraint on an index built CONCURRENTLY first.
    static QString uniqueUsingIndex(const PgTableRef& table, const QJsonObject& constraint);
    /// The column added without its default, the default set for new rows, the old rows filled in batches.
    static QString columnThenDefault(const PgStatement& statement, const PgTableRef& table,
                                     const QJsonObject& columnDef);
    /// A new column of the new type beside the old one, filled in batches, clients switched, the old one
    /// dropped in a later version.
    static QString newColumnBeside(const PgTableRef& table, const QString& column, const QString& newType);
    /// `SET LOCAL lock_timeout` (or SET, outside a transaction) before the statement.
    static QString withLockTimeout(const PgStatement& statement, bool transactional);
    /// The name PostgreSQL gives an unnamed CHECK or FOREIGN KEY constraint.
    static QString constraintName(const PgTableRef& table, const QJsonObject& constraint);
};

} // namespace strata
