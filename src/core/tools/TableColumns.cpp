#include "tools/TableColumns.h"

namespace strata {

Result<QSet<QString>> TableColumns::of(Database& db, const QString& table)
{
    Result<QueryRows> rows = QueryRows{};
    if (db.dialect() == Dialect::Sqlite) {
        rows = db.query(QStringLiteral("SELECT name FROM pragma_table_info(?)"), {table});
    } else if (const qsizetype dot = table.indexOf(QLatin1Char('.')); dot > 0) {
        rows = db.query(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE "
                                       "table_schema = ? AND table_name = ?"),
                        {table.left(dot), table.mid(dot + 1)});
    } else {
        rows = db.query(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE "
                                       "table_schema = current_schema() AND table_name = ?"),
                        {table});
    }
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Cannot read the columns of %1").arg(table));
    QSet<QString> columns;
    for (const auto& row : rows->rows)
        columns.insert(row.value(0).toString().toLower());
    return columns;
}

} // namespace strata
