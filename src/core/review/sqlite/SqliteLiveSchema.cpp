#include "review/sqlite/SqliteLiveSchema.h"

#include "schema/SchemaReader.h"
#include "schema/SqliteDdl.h"
#include "schema/SqliteTokens.h"

namespace strata {

namespace {

bool sameName(const QString& a, const QString& b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0; // SQLite compares names without case
}

/// Views and triggers as (kind, name, table, sql).
Result<QueryRows> viewsAndTriggers(Database& db)
{
    return db.query(db.catalogSql(QStringLiteral("schema_objects")));
}

/// The columns of each table-level FOREIGN KEY (...) of a CREATE TABLE. A column's own REFERENCES is not
/// one: it goes with the column when the column is dropped.
QList<QStringList> tableForeignKeys(const QString& createTable)
{
    QList<QStringList> keys;
    const SqliteTokens t(createTable);
    const int open = t.nextOpen(0, 0);
    if (open < 0)
        return keys;
    for (const auto& [first, last] : t.items(open, t.closing(open))) {
        int i = first;
        if (t.isWord(i, QLatin1StringView("CONSTRAINT")))
            i += 2;
        if (!t.isWord(i, QLatin1StringView("FOREIGN")))
            continue;
        const int columnsOpen = t.nextOpen(i, t.at(i).depth);
        if (columnsOpen < 0 || columnsOpen > last)
            continue;
        QStringList columns;
        for (const auto& [a, b] : t.items(columnsOpen, t.closing(columnsOpen)))
            columns << SqliteDdl::unquote(t.text(a, a));
        keys << columns;
    }
    return keys;
}

} // namespace

bool SqliteLiveSchema::mentions(const QString& sql, const QString& name)
{
    const SqliteTokens tokens(sql);
    for (int i = 0; i < tokens.size(); ++i) {
        const auto kind = tokens.at(i).kind;
        if ((kind == SqliteToken::Kind::Word || kind == SqliteToken::Kind::Name) &&
            sameName(SqliteDdl::unquote(tokens.text(i, i)), name))
            return true;
    }
    return false;
}

bool SqliteLiveSchema::foreignKeysOn(Database& db)
{
    auto pages = db.query(db.catalogSql(QStringLiteral("review_file_pages")));
    return pages && pages->value(0, 1).toLongLong() != 0;
}

Result<QStringList> SqliteLiveSchema::dropColumnRefusals(Database& db, const QString& table,
                                                         const QString& column)
{
    auto info = SchemaReader(db).readTable(QStringLiteral("main"), table);
    if (!info)
        return info.error();
    QStringList reasons;
    for (const QString& key : info->primaryKey())
        if (sameName(key, column))
            reasons << QStringLiteral("it is in the PRIMARY KEY");
    for (const IndexInfo& index : info->indexes) {
        if (index.primaryKey)
            continue;
        bool uses = mentions(index.predicate, column);
        for (const IndexKeyPart& part : index.parts)
            uses = uses || sameName(part.column, column) || mentions(part.expression, column);
        if (!uses)
            continue;
        reasons << (index.constraint ? QStringLiteral("it has a UNIQUE constraint")
                                     : QStringLiteral("index %1 uses it").arg(index.name));
    }
    const SqliteTableDdl ddl = SqliteDdl::parseTable(info->ddl);
    for (const auto& constraint : ddl.constraints) {
        const bool ownColumn = constraint.columns.size() == 1 && sameName(constraint.columns.first(), column);
        if (constraint.kind == QLatin1String("CHECK") && !ownColumn &&
            mentions(constraint.definition, column))
            reasons << QStringLiteral("%1 names it").arg(constraint.definition);
    }
    for (const QStringList& columns : tableForeignKeys(info->ddl))
        for (const QString& c : columns)
            if (sameName(c, column))
                reasons << QStringLiteral("the table's FOREIGN KEY (%1) names it")
                               .arg(columns.join(QStringLiteral(", ")));
    for (const auto& generated : ddl.columns)
        if (!generated.generated.isEmpty() && !sameName(generated.name, column) &&
            mentions(generated.generated, column))
            reasons << QStringLiteral("generated column %1 uses it").arg(generated.name);
    auto objects = viewsAndTriggers(db);
    if (!objects)
        return objects.error();
    for (const auto& row : objects->rows) {
        const QString sql = row.value(4).toString();
        if (mentions(sql, table) && mentions(sql, column))
            reasons << QStringLiteral("%1 %2 names it").arg(row.value(0).toString(), row.value(2).toString());
    }
    reasons.removeDuplicates();
    return reasons;
}

Result<QStringList> SqliteLiveSchema::dependents(Database& db, const QString& table)
{
    auto fks = db.query(db.catalogSql(QStringLiteral("schema_foreign_keys")), {QVariant(), QVariant()});
    if (!fks)
        return fks.error();
    QStringList found;
    for (const auto& row : fks->rows)
        if (sameName(row.value(3).toString(), table) && !sameName(row.value(0).toString(), table))
            found << QStringLiteral("%1.%2 REFERENCES %3")
                         .arg(row.value(0).toString(), row.value(4).toString(), table);
    auto objects = viewsAndTriggers(db);
    if (!objects)
        return objects.error();
    for (const auto& row : objects->rows) {
        const bool onTable = sameName(row.value(3).toString(), table);
        if (onTable || mentions(row.value(4).toString(), table))
            found << QStringLiteral("%1 %2").arg(row.value(0).toString(), row.value(2).toString());
    }
    found.removeDuplicates();
    return found;
}

Result<QStringList> SqliteLiveSchema::parents(Database& db, const QString& table)
{
    auto fks =
        db.query(db.catalogSql(QStringLiteral("schema_foreign_keys")), {QStringLiteral("main"), table});
    if (!fks)
        return fks.error();
    QStringList found;
    for (const auto& row : fks->rows)
        found << QStringLiteral("%1 REFERENCES %2").arg(row.value(4).toString(), row.value(3).toString());
    found.removeDuplicates();
    return found;
}

} // namespace strata
