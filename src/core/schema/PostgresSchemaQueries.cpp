#include "schema/PostgresSchemaQueries.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "schema/CatalogQueries.h"
#include "schema/PostgresTableDdl.h"
#include "schema/SnapshotBuilder.h"

namespace strata {

namespace {

/// The one-letter code of a catalog "char" column ('\0' for NULL).
char16_t code(const QVariant& value)
{
    const QString text = value.toString();
    return text.isEmpty() ? u'\0' : text.front().unicode();
}

/// libpq hands every value over as text: booleans are "t" and "f".
bool isTrue(const QVariant& value)
{
    return value.toString() == QLatin1String("t");
}

qint64 number(const QVariant& value, qint64 whenNull = -1)
{
    return value.isNull() ? whenNull : value.toString().toLongLong();
}

QString action(const QVariant& value)
{
    switch (code(value)) {
    case u'r':
        return QStringLiteral("RESTRICT");
    case u'c':
        return QStringLiteral("CASCADE");
    case u'n':
        return QStringLiteral("SET NULL");
    case u'd':
        return QStringLiteral("SET DEFAULT");
    default:
        return QStringLiteral("NO ACTION");
    }
}

QString constraintKind(const QVariant& value)
{
    switch (code(value)) {
    case u'p':
        return QStringLiteral("PRIMARY KEY");
    case u'u':
        return QStringLiteral("UNIQUE");
    case u'f':
        return QStringLiteral("FOREIGN KEY");
    case u'c':
        return QStringLiteral("CHECK");
    default:
        return QStringLiteral("EXCLUDE");
    }
}

SchemaObject::Kind objectKind(const QString& kind)
{
    if (kind == QLatin1String("trigger"))
        return SchemaObject::Kind::Trigger;
    if (kind == QLatin1String("sequence"))
        return SchemaObject::Kind::Sequence;
    if (kind == QLatin1String("enum"))
        return SchemaObject::Kind::EnumType;
    return SchemaObject::Kind::View;
}

/// What the DDL needs beyond TableInfo.
struct TableExtras
{
    bool unlogged = false;
    QString partitionKey;
};

} // namespace

QStringList PostgresSchemaQueries::questions()
{
    return {QStringLiteral("schema_schemas"),       QStringLiteral("schema_tables"),
            QStringLiteral("schema_columns"),       QStringLiteral("schema_foreign_keys"),
            QStringLiteral("schema_constraints"),   QStringLiteral("schema_indexes"),
            QStringLiteral("schema_index_columns"), QStringLiteral("schema_objects")};
}

Result<SchemaSnapshot> PostgresSchemaQueries::read(const QString& schema, const QString& table,
                                                   const Progress& progress)
{
    const bool all = table.isEmpty();
    const QVariantList params{all ? QVariant() : QVariant(schema), all ? QVariant() : QVariant(table)};
    CatalogQueries catalog(m_db, progress, all ? 8 : 6,
                           all ? QStringLiteral("the schema of %1").arg(m_db.display())
                               : QStringLiteral("the table %1.%2").arg(schema, table));
    SnapshotBuilder builder(Dialect::Postgres);
    SchemaSnapshot& snapshot = builder.snapshot();

    if (all) {
        auto schemas = catalog.run(QStringLiteral("schema_schemas"));
        if (!schemas)
            return schemas.error();
        for (const QVariantList& row : schemas->rows)
            snapshot.schemas << row.at(0).toString();
    } else {
        snapshot.schemas << schema;
    }

    auto tables = catalog.run(QStringLiteral("schema_tables"), params);
    if (!tables)
        return tables.error();
    QList<TableExtras> extras;
    for (const QVariantList& row : tables->rows) {
        TableInfo& info = builder.addTable(row.at(0).toString(), row.at(1).toString());
        info.estimatedRows = number(row.at(2));
        extras.append({row.at(4).toString() == QLatin1String("u"), row.at(5).toString()});
    }

    auto columns = catalog.run(QStringLiteral("schema_columns"), params);
    if (!columns)
        return columns.error();
    for (const QVariantList& row : columns->rows) {
        TableInfo* info = builder.table(row.at(0).toString(), row.at(1).toString());
        if (!info)
            continue;
        ColumnInfo column;
        column.name = row.at(3).toString();
        column.type = row.at(4).toString();
        column.notNull = isTrue(row.at(5));
        column.hasDefault = !row.at(6).isNull();
        column.defaultValue = row.at(6).toString();
        column.generated = row.at(7).toString();
        const QString identity = row.at(8).toString();
        if (identity == QLatin1String("a"))
            column.identity = QStringLiteral("ALWAYS");
        else if (identity == QLatin1String("d"))
            column.identity = QStringLiteral("BY DEFAULT");
        column.primaryKeyPosition = static_cast<int>(number(row.at(9), 0));
        info->columns.append(column);
    }

    auto foreignKeys = catalog.run(QStringLiteral("schema_foreign_keys"), params);
    if (!foreignKeys)
        return foreignKeys.error();
    for (const QVariantList& row : foreignKeys->rows) {
        TableInfo* info = builder.table(row.at(0).toString(), row.at(1).toString());
        if (!info)
            continue;
        const QString name = row.at(2).toString();
        if (info->foreignKeys.isEmpty() || info->foreignKeys.last().name != name) {
            ForeignKeyInfo& fk = info->foreignKeys.emplace_back();
            fk.name = name;
            fk.referencedSchema = row.at(5).toString();
            fk.referencedTable = row.at(6).toString();
            fk.onUpdate = action(row.at(8));
            fk.onDelete = action(row.at(9));
        }
        info->foreignKeys.last().columns << row.at(4).toString();
        info->foreignKeys.last().referencedColumns << row.at(7).toString();
    }

    auto constraints = catalog.run(QStringLiteral("schema_constraints"), params);
    if (!constraints)
        return constraints.error();
    for (const QVariantList& row : constraints->rows)
        if (TableInfo* info = builder.table(row.at(0).toString(), row.at(1).toString()))
            info->constraints.append({row.at(2).toString(), constraintKind(row.at(3)), row.at(4).toString()});

    auto indexes = catalog.run(QStringLiteral("schema_indexes"), params);
    if (!indexes)
        return indexes.error();
    for (const QVariantList& row : indexes->rows) {
        const int t = builder.tableIndex(row.at(0).toString(), row.at(1).toString());
        if (t < 0)
            continue;
        IndexInfo index;
        index.schema = row.at(0).toString();
        index.table = row.at(1).toString();
        index.name = row.at(2).toString();
        index.unique = isTrue(row.at(3));
        index.primaryKey = isTrue(row.at(4));
        index.constraint = isTrue(row.at(5));
        index.valid = isTrue(row.at(6));
        index.predicate = row.at(7).toString();
        index.method = row.at(8).toString();
        index.sizeBytes = number(row.at(9));
        index.sizeEstimated = all; // schema_indexes.sql: the catalog's page count for a whole schema
        index.scans = number(row.at(10));
        index.definition = row.at(11).toString();
        builder.addIndex(t, std::move(index));
    }

    auto parts = catalog.run(QStringLiteral("schema_index_columns"), params);
    if (!parts)
        return parts.error();
    for (const QVariantList& row : parts->rows) {
        IndexInfo* index = builder.index(row.at(0).toString(), row.at(2).toString());
        if (!index)
            continue;
        IndexKeyPart part;
        part.column = row.at(5).isNull() ? row.at(4).toString() : QString();
        part.expression = row.at(5).toString();
        part.descending = isTrue(row.at(6));
        part.included = isTrue(row.at(7));
        part.collation = row.at(8).toString();
        index->parts.append(part);
    }

    for (qsizetype t = 0; t < snapshot.tables.size(); ++t)
        snapshot.tables[t].ddl =
            PostgresTableDdl::write(snapshot.tables[t], extras.at(t).unlogged, extras.at(t).partitionKey);

    if (all) {
        auto objects = catalog.run(QStringLiteral("schema_objects"));
        if (!objects)
            return objects.error();
        for (const QVariantList& row : objects->rows) {
            SchemaObject object;
            object.kind = objectKind(row.at(0).toString());
            object.schema = row.at(1).toString();
            object.name = row.at(2).toString();
            object.table = row.at(3).toString();
            object.definition = row.at(4).toString();
            if (!row.at(5).isNull())
                for (const QJsonValue& label : QJsonDocument::fromJson(row.at(5).toString().toUtf8()).array())
                    object.labels << label.toString();
            snapshot.objects.append(object);
        }
    }
    return builder.take();
}

Result<TableSize> PostgresSchemaQueries::tableSize(const QString& schema, const QString& table)
{
    auto rows = m_db.query(m_db.catalogSql(QStringLiteral("schema_table_size")), {schema, table});
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || number(rows->value(0, 3), 0) == 0)
        return Error::badInput(
            QStringLiteral("There is no table %1.%2 in %3.").arg(schema, table, m_db.display()),
            QStringLiteral("Check the schema and the name: the schema tree lists the tables."));
    TableSize size;
    size.totalBytes = number(rows->value(0, 0));
    size.tableBytes = number(rows->value(0, 1));
    size.indexBytes = number(rows->value(0, 2));
    auto indexes = m_db.query(m_db.catalogSql(QStringLiteral("schema_index_sizes")), {schema, table});
    if (!indexes)
        return indexes.error();
    for (const QVariantList& row : indexes->rows)
        size.indexes.insert(row.at(0).toString(), number(row.at(1)));
    return size;
}

} // namespace strata
