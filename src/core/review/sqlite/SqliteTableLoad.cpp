#include "review/sqlite/SqliteTableLoad.h"

#include <QLocale>

#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteFileHolders.h"
#include "schema/SqlIdentifier.h"

namespace strata {

namespace {

void keep(QString& problem, const Error& error)
{
    if (problem.isEmpty())
        problem = error.what;
}

} // namespace

qint64 SqliteTableLoad::fileBytes(Database& db)
{
    auto pages = db.query(db.catalogSql(QStringLiteral("review_file_pages")));
    return pages && !pages->isEmpty() ? pages->value(0, 0).toLongLong() : -1;
}

TableLoad SqliteTableLoad::read(Database& db, const QString& table, QString& problem,
                                std::optional<QStringList>& holders)
{
    TableLoad load;
    load.table = table;
    auto exists = db.query(db.catalogSql(QStringLiteral("review_table_size")), {table});
    if (!exists) {
        keep(problem, exists.error());
        return load;
    }
    load.read = true;
    load.found = !exists->isEmpty();
    if (!load.found)
        return load;

    const QString sql =
        db.catalogSql(QStringLiteral("review_table_rows")).arg(SqlIdentifier::quote(table, Dialect::Sqlite));
    auto rows = db.query(sql, {kRowBound + 1});
    if (!rows) {
        keep(problem, rows.error());
    } else {
        const qint64 counted = rows->value(0, 0).toLongLong();
        load.rows = qMin(counted, kRowBound);
        load.rowsExact = counted <= kRowBound;
    }
    QString rowsSource =
        load.rowsExact
            ? QStringLiteral("rows by count(*)")
            : QStringLiteral("rows by count(*), stopped at %1").arg(QLocale::c().toString(kRowBound));

    auto dbstat = db.query(db.catalogSql(QStringLiteral("schema_dbstat_available")));
    if (dbstat && dbstat->value(0, 0).toLongLong() > 0) {
        auto size =
            db.query(db.catalogSql(QStringLiteral("schema_table_size")), {QStringLiteral("main"), table});
        if (size) {
            qint64 bytes = 0;
            for (const auto& row : size->rows)
                bytes += row.value(2).toLongLong();
            load.bytes = bytes;
            load.sizeSource = rowsSource + QStringLiteral(", bytes (table and indexes) by dbstat");
        } else {
            keep(problem, size.error());
        }
    } else {
        const qint64 file = fileBytes(db);
        load.sizeSource =
            rowsSource +
            QStringLiteral("; bytes unknown: this SQLite has no dbstat (the whole file, page_count x "
                           "page_size, is %1 bytes)")
                .arg(QLocale::c().toString(file));
    }

    auto* sqlite = dynamic_cast<SqliteDatabase*>(&db);
    if (!holders && sqlite)
        holders = SqliteFileHolders::of(sqlite->path(), false);
    load.sessions = holders.value_or(QStringList());
    return load;
}

} // namespace strata
