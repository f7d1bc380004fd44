#include "schema/SqliteSchemaQueries.h"

#include "schema/CatalogQueries.h"
#include "schema/SnapshotBuilder.h"
#include "schema/SqlIdentifier.h"
#include "schema/SqliteDdl.h"

namespace strata {

namespace {

const QString kMain = QStringLiteral("main");

QString quotedList(const QStringList& names)
{
    QStringList quoted;
    for (const QString& name : names)
        quoted << SqlIdentifier::quote(name, Dialect::Sqlite);
    return quoted.join(QLatin1String(", "));
}

/// Constraints as SQLite keeps them: the primary key in the columns, UNIQUE in automatic indexes, foreign
/// keys in the pragma, CHECK only in the CREATE TABLE. Names come from the CREATE TABLE.
void addConstraints(TableInfo& table, const SqliteTableDdl& ddl)
{
    const QStringList primaryKey = table.primaryKey();
    if (!primaryKey.isEmpty()) {
        const auto* declared = ddl.constraint(QStringLiteral("PRIMARY KEY"), primaryKey);
        table.constraints.append({declared ? declared->name : QString(), QStringLiteral("PRIMARY KEY"),
                                  QStringLiteral("PRIMARY KEY (%1)").arg(quotedList(primaryKey))});
    }
    for (const IndexInfo& index : table.indexes) {
        if (!index.constraint || index.primaryKey)
            continue;
        QStringList columns;
        for (const IndexKeyPart& part : index.keyParts())
            columns << part.label();
        const auto* declared = ddl.constraint(QStringLiteral("UNIQUE"), columns);
        table.constraints.append({declared ? declared->name : QString(), QStringLiteral("UNIQUE"),
                                  QStringLiteral("UNIQUE (%1)").arg(quotedList(columns))});
    }
    for (ForeignKeyInfo& fk : table.foreignKeys) {
        if (const auto* declared = ddl.constraint(QStringLiteral("FOREIGN KEY"), fk.columns))
            fk.name = declared->name;
        QString definition =
            QStringLiteral("FOREIGN KEY (%1) REFERENCES %2")
                .arg(quotedList(fk.columns), SqlIdentifier::quote(fk.referencedTable, Dialect::Sqlite));
        if (!fk.referencedColumns.isEmpty())
            definition += QStringLiteral("(%1)").arg(quotedList(fk.referencedColumns));
        if (fk.onUpdate != QLatin1String("NO ACTION"))
            definition += QStringLiteral(" ON UPDATE ") + fk.onUpdate;
        if (fk.onDelete != QLatin1String("NO ACTION"))
            definition += QStringLiteral(" ON DELETE ") + fk.onDelete;
        table.constraints.append({fk.name, QStringLiteral("FOREIGN KEY"), definition});
    }
    for (const auto& declared : ddl.constraints)
        if (declared.kind == QLatin1String("CHECK"))
            table.constraints.append({declared.name, declared.kind, declared.definition});
}

} // namespace

QStringList SqliteSchemaQueries::questions()
{
    return {QStringLiteral("schema_tables"),        QStringLiteral("schema_columns"),
            QStringLiteral("schema_foreign_keys"),  QStringLiteral("schema_indexes"),
            QStringLiteral("schema_index_columns"), QStringLiteral("schema_objects")};
}

Result<SchemaSnapshot> SqliteSchemaQueries::read(const QString& table, const Progress& progress)
{
    const bool all = table.isEmpty();
    const QVariantList params{all ? QVariant() : QVariant(kMain), all ? QVariant() : QVariant(table)};
    CatalogQueries catalog(m_db, progress, all ? 7 : 5,
                           all ? QStringLiteral("the schema of %1").arg(m_db.display())
                               : QStringLiteral("the table %1").arg(table));
    SnapshotBuilder builder(Dialect::Sqlite);
    builder.snapshot().schemas = {kMain};

    auto tables = catalog.run(QStringLiteral("schema_tables"), params);
    if (!tables)
        return tables.error();
    QList<SqliteTableDdl> ddls;
    bool hasStats = false;
    for (const QVariantList& row : tables->rows) {
        TableInfo& info = builder.addTable(kMain, row.at(1).toString());
        info.ddl = row.at(2).toString();
        ddls.append(SqliteDdl::parseTable(info.ddl));
        info.withoutRowid = ddls.last().withoutRowid;
        hasStats = row.at(3).toLongLong() > 0;
    }
    if (hasStats) {
        auto stats = catalog.run(QStringLiteral("schema_table_stats"), params);
        if (!stats)
            return stats.error();
        for (const QVariantList& row : stats->rows)
            if (TableInfo* info = builder.table(kMain, row.at(0).toString()))
                info->estimatedRows = row.at(1).toLongLong();
    }

    auto columns = catalog.run(QStringLiteral("schema_columns"), params);
    if (!columns)
        return columns.error();
    for (const QVariantList& row : columns->rows) {
        const int t = builder.tableIndex(kMain, row.at(0).toString());
        if (t < 0)
            continue;
        ColumnInfo column;
        column.name = row.at(2).toString();
        column.type = row.at(3).toString();
        column.notNull = row.at(4).toLongLong() != 0;
        column.hasDefault = !row.at(5).isNull();
        column.defaultValue = row.at(5).toString();
        column.primaryKeyPosition = row.at(6).toInt();
        if (row.at(7).toInt() >= 2) // 2: VIRTUAL, 3: STORED generated column
            if (const auto* declared = ddls.at(t).column(column.name))
                column.generated = declared->generated;
        builder.snapshot().tables[t].columns.append(column);
    }

    auto foreignKeys = catalog.run(QStringLiteral("schema_foreign_keys"), params);
    if (!foreignKeys)
        return foreignKeys.error();
    int lastTable = -1;
    qint64 lastId = -1;
    for (const QVariantList& row : foreignKeys->rows) {
        const int t = builder.tableIndex(kMain, row.at(0).toString());
        if (t < 0)
            continue;
        QList<ForeignKeyInfo>& fks = builder.snapshot().tables[t].foreignKeys;
        const qint64 id = row.at(1).toLongLong();
        if (t != lastTable || id != lastId || fks.isEmpty()) {
            ForeignKeyInfo& fk = fks.emplace_back();
            fk.referencedSchema = kMain;
            fk.referencedTable = row.at(3).toString();
            fk.onUpdate = row.at(6).toString();
            fk.onDelete = row.at(7).toString();
            lastTable = t;
            lastId = id;
        }
        ForeignKeyInfo& fk = fks.last();
        fk.columns << row.at(4).toString();
        if (!row.at(5).isNull())
            fk.referencedColumns << row.at(5).toString();
    }
    for (TableInfo& info : builder.snapshot().tables)
        for (ForeignKeyInfo& fk : info.foreignKeys)
            if (fk.referencedColumns.size() != fk.columns.size())
                fk.referencedColumns.clear(); // the parent's primary key is meant

    auto indexes = catalog.run(QStringLiteral("schema_indexes"), params);
    if (!indexes)
        return indexes.error();
    QHash<QString, SqliteIndexDdl> indexDdls; // only indexes whose text is needed: partial or on expressions
    for (const QVariantList& row : indexes->rows) {
        const int t = builder.tableIndex(kMain, row.at(0).toString());
        if (t < 0)
            continue;
        IndexInfo index;
        index.schema = kMain;
        index.table = row.at(0).toString();
        index.name = row.at(1).toString();
        index.unique = row.at(2).toLongLong() != 0;
        const QString origin = row.at(3).toString();
        index.primaryKey = origin == QLatin1String("pk");
        index.constraint = origin != QLatin1String("c");
        index.method = QStringLiteral("btree");
        index.definition = row.at(5).toString();
        if (row.at(4).toLongLong() != 0) {
            const SqliteIndexDdl& parsed = indexDdls[index.name] = SqliteDdl::parseIndex(index.definition);
            index.predicate = parsed.where;
        }
        builder.addIndex(t, std::move(index));
    }

    auto parts = catalog.run(QStringLiteral("schema_index_columns"), params);
    if (!parts)
        return parts.error();
    for (const QVariantList& row : parts->rows) {
        IndexInfo* index = builder.index(kMain, row.at(1).toString());
        if (!index)
            continue;
        IndexKeyPart part;
        const qint64 cid = row.at(3).toLongLong();
        if (cid == -2) { // an expression: its text is only in the CREATE INDEX
            auto found = indexDdls.find(index->name);
            if (found == indexDdls.end())
                found = indexDdls.insert(index->name, SqliteDdl::parseIndex(index->definition));
            part.expression = found->keys.value(row.at(2).toInt());
        } else {
            part.column = cid == -1 ? QStringLiteral("rowid") : row.at(4).toString();
        }
        part.descending = row.at(5).toLongLong() != 0;
        const QString collation = row.at(6).toString();
        if (collation.compare(QLatin1String("BINARY"), Qt::CaseInsensitive) != 0)
            part.collation = collation;
        index->parts.append(part);
    }

    for (qsizetype t = 0; t < builder.snapshot().tables.size(); ++t)
        addConstraints(builder.snapshot().tables[t], ddls.at(t));

    if (all) {
        auto objects = catalog.run(QStringLiteral("schema_objects"));
        if (!objects)
            return objects.error();
        for (const QVariantList& row : objects->rows) {
            SchemaObject object;
            object.kind = row.at(0).toString() == QLatin1String("view") ? SchemaObject::Kind::View
                                                                        : SchemaObject::Kind::Trigger;
            object.schema = kMain;
            object.name = row.at(2).toString();
            if (object.kind == SchemaObject::Kind::Trigger)
                object.table = row.at(3).toString();
            object.definition = row.at(4).toString();
            builder.snapshot().objects.append(object);
        }
    }
    return builder.take();
}

Result<TableSize> SqliteSchemaQueries::tableSize(const QString& table, QHash<QString, qint64>* indexBytes)
{
    auto available = m_db.query(m_db.catalogSql(QStringLiteral("schema_dbstat_available")));
    if (!available)
        return available.error();
    TableSize size;
    if (available->value(0, 0).toLongLong() == 0) {
        size.unavailable =
            QStringLiteral("This SQLite was built without the dbstat table, so sizes are unknown.");
        return size;
    }
    auto rows = m_db.query(m_db.catalogSql(QStringLiteral("schema_table_size")), {kMain, table});
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->value(0, 2).isNull())
        return Error::badInput(QStringLiteral("There is no table %1 in %2.").arg(table, m_db.display()),
                               QStringLiteral("Check the name: the schema tree lists the tables."));
    size.tableBytes = rows->value(0, 2).toLongLong();
    size.indexBytes = 0;
    for (qsizetype r = 1; r < rows->rows.size(); ++r) {
        if (rows->value(r, 2).isNull())
            continue; // a WITHOUT ROWID table's primary key: the table's own b-tree
        const qint64 bytes = rows->value(r, 2).toLongLong();
        size.indexBytes += bytes;
        size.indexes.insert(rows->value(r, 0).toString(), bytes);
        if (indexBytes)
            indexBytes->insert(rows->value(r, 0).toString(), bytes);
    }
    size.totalBytes = size.tableBytes + size.indexBytes;
    return size;
}

} // namespace strata
