#include "schema/SchemaSnapshot.h"

namespace strata {

QStringList TableInfo::primaryKey() const
{
    QList<const ColumnInfo*> keyColumns;
    for (const ColumnInfo& c : columns)
        if (c.primaryKeyPosition > 0)
            keyColumns.append(&c);
    std::sort(keyColumns.begin(), keyColumns.end(), [](const ColumnInfo* a, const ColumnInfo* b) {
        return a->primaryKeyPosition < b->primaryKeyPosition;
    });
    QStringList names;
    for (const ColumnInfo* c : keyColumns)
        names.append(c->name);
    return names;
}

const ColumnInfo* TableInfo::column(const QString& columnName) const
{
    for (const ColumnInfo& c : columns)
        if (c.name == columnName)
            return &c;
    return nullptr;
}

const TableInfo* SchemaSnapshot::table(const QString& schema, const QString& name) const
{
    for (const TableInfo& t : tables)
        if (t.schema == schema && t.name == name)
            return &t;
    return nullptr;
}

const TableInfo* SchemaSnapshot::table(const QString& qualifiedOrBareName) const
{
    const qsizetype dot = qualifiedOrBareName.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        if (const TableInfo* t = table(qualifiedOrBareName.left(dot), qualifiedOrBareName.mid(dot + 1)))
            return t;
    }
    for (const QString& schema : schemas)
        if (const TableInfo* t = table(schema, qualifiedOrBareName))
            return t;
    return nullptr;
}

QList<SchemaObject> SchemaSnapshot::objectsOf(SchemaObject::Kind kind) const
{
    QList<SchemaObject> found;
    for (const SchemaObject& o : objects)
        if (o.kind == kind)
            found.append(o);
    return found;
}

} // namespace strata
