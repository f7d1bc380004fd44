#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "schema/IndexInfo.h"

namespace strata {

struct ColumnInfo
{
    QString name;
    QString type; ///< as declared (SQLite) or format_type() (PostgreSQL: "numeric(12,2)", "character
                  ///< varying(20)")
    bool notNull = false;
    bool hasDefault = false;
    QString defaultValue;       ///< the default's expression, as the catalog gives it
    int primaryKeyPosition = 0; ///< 1-based position in the primary key, 0 when not part of it
    QString generated;          ///< generation expression of a generated column, empty otherwise
    QString identity;           ///< PostgreSQL identity column: "ALWAYS" or "BY DEFAULT", empty otherwise
};

struct ForeignKeyInfo
{
    QString name; ///< constraint name (SQLite: empty unless named)
    QStringList columns;
    QString referencedSchema;
    QString referencedTable;
    QStringList referencedColumns; ///< empty on SQLite when the parent's primary key is meant
    QString onUpdate;              ///< "NO ACTION", "CASCADE"…
    QString onDelete;
};

/// A table constraint other than NOT NULL: PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY, EXCLUDE.
struct ConstraintInfo
{
    QString name;
    QString kind; ///< "PRIMARY KEY", "UNIQUE", "CHECK", "FOREIGN KEY", "EXCLUDE"
    QString definition;
};

/// How much disk a table takes. Fields are -1 when unknown; `unavailable` then says why.
struct TableSize
{
    qint64 totalBytes = -1;
    qint64 tableBytes = -1;
    qint64 indexBytes = -1;
    /// Each index's bytes, measured (pg_relation_size; SQLite: dbstat), by index name. Empty when unknown.
    QHash<QString, qint64> indexes;
    QString unavailable; ///< "this SQLite was built without dbstat", empty when the sizes are known
};

struct TableInfo
{
    QString schema; ///< "main" on SQLite
    QString name;
    QList<ColumnInfo> columns; ///< in table order
    QList<ForeignKeyInfo> foreignKeys;
    QList<IndexInfo> indexes;
    QList<ConstraintInfo> constraints;
    qint64 estimatedRows = -1; ///< reltuples / sqlite_stat1; -1 when the engine has no estimate
    bool withoutRowid = false; ///< SQLite WITHOUT ROWID table
    QString ddl;               ///< CREATE TABLE statement (SQLite: as stored; PostgreSQL: reconstructed)

    QString qualifiedName() const { return schema + QLatin1Char('.') + name; }
    /// The primary key's columns in key order; empty when the table has none.
    QStringList primaryKey() const;
    const ColumnInfo* column(const QString& columnName) const;
};

} // namespace strata
