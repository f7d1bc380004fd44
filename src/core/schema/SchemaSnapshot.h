#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "connection/ConnectionUrl.h"
#include "schema/TableInfo.h"

namespace strata {

/// A schema object that is not a table: a view, trigger, sequence or enum type.
struct SchemaObject
{
    enum class Kind { View, Trigger, Sequence, EnumType };
    Kind kind = Kind::View;
    QString schema;
    QString name;
    QString table;      ///< the table a trigger is on, empty otherwise
    QString definition; ///< CREATE statement, view body, or for an enum its labels joined with ", "
    QStringList labels; ///< an enum's labels in their order; empty for other kinds
};

/// Everything the catalog says about the user's part of one database, read at one moment. Tables, views,
/// triggers, sequences and enums are in a stable order (schema, then name) so that two snapshots compare.
struct SchemaSnapshot
{
    Dialect dialect = Dialect::Sqlite;
    QStringList schemas; ///< ["main"] on SQLite; the user's schemas on PostgreSQL
    QList<TableInfo> tables;
    QList<SchemaObject> objects;

    const TableInfo* table(const QString& schema, const QString& name) const;
    /// Finds by "schema.name" or a bare name (the first match in schema order).
    const TableInfo* table(const QString& qualifiedOrBareName) const;
    QList<SchemaObject> objectsOf(SchemaObject::Kind kind) const;
};

} // namespace strata
