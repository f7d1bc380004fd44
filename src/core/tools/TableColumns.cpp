#include "tools/TableColumns.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace strata {

Result<QSet<QString>> TableColumns::of(Database& db, const QString& table)
{
    Result<QueryRows> rows = QueryRows{};
    if (db.dialect() == Dialect::Sqlite) {
        rows = db.query(QStringLiteral("SELECT name FROM pragma_table_info(?)"), {table});
    } else {
        // pg_catalog rather than information_schema.columns: the view costs milliseconds on a schema of
        // thousands of tables, and every command reads the columns of the history tables it finds.
        const qsizetype dot = table.indexOf(QLatin1Char('.'));
        rows = db.query(QStringLiteral("SELECT a.attname FROM pg_catalog.pg_attribute a "
                                       "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                                       "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                       "WHERE n.nspname = coalesce(?, current_schema()) AND c.relname = ? "
                                       "AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"),
                        {dot > 0 ? QVariant(table.left(dot)) : QVariant(QMetaType::fromType<QString>()),
                         dot > 0 ? table.mid(dot + 1) : table});
    }
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Cannot read the columns of %1").arg(table));
    QSet<QString> columns;
    for (const auto& row : rows->rows)
        columns.insert(row.value(0).toString().toLower());
    return columns;
}

Result<QHash<QString, QSet<QString>>> TableColumns::ofEach(Database& db, const QStringList& tables)
{
    QHash<QString, QSet<QString>> columns;
    if (tables.isEmpty())
        return columns;
    if (db.dialect() == Dialect::Sqlite) {
        // No round trips to save: one pragma per table, and a table that cannot be read is left out.
        for (const QString& table : tables)
            if (auto read = of(db, table); read && !read->isEmpty())
                columns.insert(table, *read);
        return columns;
    }
    const QByteArray names = QJsonDocument(QJsonArray::fromStringList(tables)).toJson(QJsonDocument::Compact);
    auto rows = db.query(db.catalogSql(QStringLiteral("columns_of_tables")), {QString::fromUtf8(names)});
    if (!rows)
        return rows.error().prefixed(
            QStringLiteral("Cannot read the columns of %1").arg(tables.join(QStringLiteral(", "))));
    for (const auto& row : rows->rows)
        columns[row.value(0).toString()].insert(row.value(1).toString().toLower());
    return columns;
}

} // namespace strata
