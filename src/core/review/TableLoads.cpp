#include "review/TableLoads.h"

#include "review/sqlite/SqliteTableLoad.h"
#include "schema/SqlIdentifier.h"

namespace strata {

namespace {

/// Below this size the review counts the rows exactly: the estimate of a table never analyzed says 0.
constexpr qint64 kCountBelowBytes = 8 * 1024 * 1024;

QString quotedPostgres(const QString& schema, const QString& table)
{
    const QString name = SqlIdentifier::quote(table, Dialect::Postgres);
    return schema.isEmpty() ? name
                            : SqlIdentifier::quote(schema, Dialect::Postgres) + QLatin1Char('.') + name;
}

} // namespace

const TableLoad& TableLoads::of(const QString& schema, const QString& table)
{
    const QString key = schema + QLatin1Char('.') + table;
    auto it = m_cache.find(key);
    if (it == m_cache.end())
        it = m_cache.insert(key, m_db.dialect() == Dialect::Postgres ? readPostgres(schema, table)
                                                                     : readSqlite(table));
    return *it;
}

TableLoad TableLoads::readPostgres(const QString& schema, const QString& table)
{
    TableLoad load;
    load.table = schema.isEmpty() ? table : schema + QLatin1Char('.') + table;
    const QString name = quotedPostgres(schema, table);
    auto size = m_db.query(m_db.catalogSql(QStringLiteral("review_table_size")), {name});
    if (!size) {
        if (m_problem.isEmpty())
            m_problem = size.error().what;
        return load;
    }
    load.read = true;
    if (size->isEmpty())
        return load;
    load.found = true;
    const bool analyzed = size->value(0, 2).toString() == QLatin1String("t") || size->value(0, 2).toBool();
    load.bytes = size->value(0, 3).toLongLong();
    if (analyzed)
        load.rows = size->value(0, 1).toLongLong();
    if (*load.bytes < kCountBelowBytes) {
        auto rows = m_db.query(m_db.catalogSql(QStringLiteral("review_table_rows")), {name});
        if (rows && !rows->isEmpty()) {
            load.rows = rows->value(0, 0).toLongLong();
            load.rowsExact = true;
        }
    }
    auto users = m_db.query(m_db.catalogSql(QStringLiteral("review_table_users")), {name});
    if (users) {
        for (const auto& row : users->rows) {
            const bool granted = row.value(4).toString() == QLatin1String("t") || row.value(4).toBool();
            QString who = QStringLiteral("pid %1 (%2").arg(row.value(0).toString(), row.value(1).toString());
            if (!row.value(2).toString().isEmpty())
                who += QStringLiteral(", ") + row.value(2).toString();
            if (!row.value(5).toString().isEmpty())
                who += QStringLiteral(", in a transaction for ") + row.value(5).toString();
            who += QStringLiteral(", %1 %2)")
                       .arg(granted ? QStringLiteral("holds") : QStringLiteral("waits for"),
                            row.value(3).toString());
            load.sessions << who;
        }
    } else if (m_problem.isEmpty()) {
        m_problem = users.error().what;
    }
    return load;
}

TableLoad TableLoads::readSqlite(const QString& table)
{
    return SqliteTableLoad::read(m_db, table, m_problem, m_fileHolders);
}

} // namespace strata
