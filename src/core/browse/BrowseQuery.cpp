#include "browse/BrowseQuery.h"

#include <algorithm>

namespace strata {

namespace {

QString quoted(const QString& name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

/// Only INTEGER PRIMARY KEY aliases SQLite's rowid; PostgreSQL's integer types are all dense candidates.
bool isIntegerType(Dialect dialect, const QString& type)
{
    const QString t = type.trimmed().toLower();
    if (dialect == Dialect::Sqlite)
        return t == QLatin1String("integer");
    static const QStringList integers{QStringLiteral("integer"),  QStringLiteral("bigint"),
                                      QStringLiteral("smallint"), QStringLiteral("int"),
                                      QStringLiteral("int2"),     QStringLiteral("int4"),
                                      QStringLiteral("int8")};
    return integers.contains(t);
}

/// SQLite's affinity rule for text (and untyped columns, which may hold text); PostgreSQL's character types.
bool isTextType(Dialect dialect, const QString& type)
{
    const QString t = type.trimmed().toLower();
    if (dialect == Dialect::Sqlite)
        return t.isEmpty() || t.contains(QLatin1String("char")) || t.contains(QLatin1String("clob")) ||
               t.contains(QLatin1String("text"));
    return t.startsWith(QLatin1String("text")) || t.startsWith(QLatin1String("character")) ||
           t.startsWith(QLatin1String("varchar")) || t.startsWith(QLatin1String("char")) ||
           t == QLatin1String("citext") || t == QLatin1String("name");
}

bool isBlobType(Dialect dialect, const QString& type)
{
    const QString t = type.trimmed().toLower();
    return dialect == Dialect::Sqlite ? t.contains(QLatin1String("blob")) : t == QLatin1String("bytea");
}

/// What addresses a row: the primary key; else SQLite's rowid; else a unique, complete index on NOT NULL
/// columns (PostgreSQL tables without a primary key often have one); else nothing (OFFSET paging).
struct KeyChoice
{
    QStringList columns;
    bool rowid = false;
    QString indexName;
};

KeyChoice chooseKey(Dialect dialect, const TableInfo& table)
{
    const QStringList primaryKey = table.primaryKey();
    if (!primaryKey.isEmpty())
        return {primaryKey, false, {}};
    if (dialect == Dialect::Sqlite && !table.withoutRowid)
        return {{}, true, {}};
    for (const IndexInfo& index : table.indexes) {
        if (!index.unique || !index.valid || !index.predicate.isEmpty())
            continue;
        QStringList columns;
        for (const IndexKeyPart& part : index.keyParts()) {
            const ColumnInfo* column = table.column(part.column);
            if (part.column.isEmpty() || !column || !column->notNull) {
                columns.clear();
                break;
            }
            columns << part.column;
        }
        if (!columns.isEmpty())
            return {columns, false, index.name};
    }
    return {};
}

int columnIndex(const TableInfo& table, const QString& name)
{
    for (int i = 0; i < table.columns.size(); ++i)
        if (table.columns.at(i).name == name)
            return i;
    return -1;
}

QString likePattern(const QString& text)
{
    QString escaped;
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

QList<int> BrowseQuery::sortableColumns(Dialect dialect, const TableInfo& table)
{
    const KeyChoice key = chooseKey(dialect, table);
    QList<int> sortable;
    if (key.columns.isEmpty() && !key.rowid)
        return sortable;
    auto add = [&](const QString& name) {
        const int index = columnIndex(table, name);
        if (index >= 0 && !sortable.contains(index))
            sortable << index;
    };
    if (!key.columns.isEmpty())
        add(key.columns.first());
    for (const IndexInfo& index : table.indexes) {
        if (!index.valid || !index.predicate.isEmpty() ||
            (!index.method.isEmpty() && index.method != QLatin1String("btree")))
            continue;
        const QList<IndexKeyPart> parts = index.keyParts();
        if (parts.isEmpty() || parts.first().column.isEmpty())
            continue;
        const ColumnInfo* column = table.column(parts.first().column);
        if (column && (column->notNull || key.columns.contains(column->name)))
            add(column->name);
    }
    std::sort(sortable.begin(), sortable.end());
    return sortable;
}

Result<BrowseQuery> BrowseQuery::make(Dialect dialect, const TableInfo& table, int sortColumn,
                                      bool descending, const BrowseFilter& filter)
{
    BrowseQuery q;
    q.m_dialect = dialect;
    q.m_tableName = table.name;
    q.m_tableSql = quoted(table.schema) + QLatin1Char('.') + quoted(table.name);
    q.m_descending = descending;
    if (table.columns.isEmpty())
        return Error::badInput(QStringLiteral("No columns are known for %1.").arg(table.qualifiedName()),
                               QStringLiteral("Read the schema again; the table may have been dropped."));

    const KeyChoice key = chooseKey(dialect, table);
    QStringList keyNames = key.rowid ? QStringList{} : key.columns;
    if (sortColumn >= 0) {
        if (sortColumn >= table.columns.size() || !sortableColumns(dialect, table).contains(sortColumn))
            return Error::badInput(
                QStringLiteral("%1 cannot be sorted by %2: no complete index starts with that column, or "
                               "it may be NULL, so sorting would read the whole table.")
                    .arg(table.qualifiedName(), sortColumn < table.columns.size()
                                                    ? table.columns.at(sortColumn).name
                                                    : QString::number(sortColumn)),
                QStringLiteral("Sort by the primary key or an indexed NOT NULL column, or add an index."));
        const QString name = table.columns.at(sortColumn).name;
        if (keyNames.value(0) != name) {
            keyNames.removeAll(name);
            keyNames.prepend(name);
            q.m_sortColumn = sortColumn;
        }
    }
    for (const QString& name : keyNames)
        q.m_keyExprs << quoted(name);
    if (key.rowid)
        q.m_keyExprs << QStringLiteral("rowid");
    q.m_rowid = dialect == Dialect::Sqlite && !table.withoutRowid;
    q.m_integerKey = q.m_keyExprs.size() == 1 &&
                     (key.rowid || isIntegerType(dialect, table.column(keyNames.first())->type));

    for (const ColumnInfo& column : table.columns) {
        const bool blob = isBlobType(dialect, column.type);
        q.m_blobColumns << blob;
        q.m_columnExprs << (blob ? (dialect == Dialect::Sqlite ? QStringLiteral("length(%1)")
                                                               : QStringLiteral("octet_length(%1)"))
                                       .arg(quoted(column.name))
                                 : quoted(column.name));
    }

    if (!q.hasKey()) {
        q.m_pagingText = QStringLiteral("This table has no primary key: pages are read with OFFSET, so far "
                                        "pages are slow");
    } else {
        QStringList shown = keyNames;
        if (key.rowid)
            shown << QStringLiteral("rowid");
        q.m_pagingText = QStringLiteral("Keyset paging by %1")
                             .arg(shown.size() == 1 ? shown.first()
                                                    : QLatin1Char('(') + shown.join(QStringLiteral(", ")) +
                                                          QLatin1Char(')'));
        if (!key.indexName.isEmpty())
            q.m_pagingText += QStringLiteral(" (unique index %1)").arg(key.indexName);
    }

    if (filter.isEmpty())
        return q;
    if (filter.text.contains(QChar(0)))
        return Error::badInput(
            QStringLiteral("The filter contains a NUL character, which no column can hold."),
            QStringLiteral("Remove it from the filter."));
    if (filter.text.size() > 1000)
        return Error::badInput(QStringLiteral("The filter is %1 characters long; at most 1,000 are searched.")
                                   .arg(filter.text.size()),
                               QStringLiteral("Shorten the filter."));
    QList<int> columns;
    if (!filter.column.isEmpty()) {
        const int index = columnIndex(table, filter.column);
        if (index < 0)
            return Error::badInput(QStringLiteral("The filter names the column %1, which %2 does not have.")
                                       .arg(filter.column, table.qualifiedName()),
                                   QStringLiteral("Choose one of the table's columns, or all text columns."));
        columns << index;
    } else {
        for (int i = 0; i < table.columns.size(); ++i)
            if (isTextType(dialect, table.columns.at(i).type))
                columns << i;
        if (columns.isEmpty())
            return Error::badInput(
                QStringLiteral("%1 has no text columns to search.").arg(table.qualifiedName()),
                QStringLiteral("Choose the column to filter on."));
    }
    QStringList parts;
    const QString pattern = likePattern(filter.text);
    for (int index : columns) {
        const QString column = quoted(table.columns.at(index).name);
        parts << (dialect == Dialect::Sqlite ? column + QStringLiteral(" LIKE ? ESCAPE '\\'")
                                             : column + QStringLiteral("::text ILIKE ? ESCAPE '\\'"));
        q.m_filterParams << pattern;
    }
    q.m_filterSql = parts.size() == 1
                        ? parts.first()
                        : QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    return q;
}

QString BrowseQuery::selectList() const
{
    return (m_keyExprs + m_columnExprs).join(QStringLiteral(", "));
}

QString BrowseQuery::orderBy(bool reversed, const QStringList& exprs) const
{
    const QString direction = m_descending != reversed ? QStringLiteral(" DESC") : QString();
    QStringList parts;
    for (const QString& e : exprs)
        parts << e + direction;
    return QStringLiteral(" ORDER BY ") + parts.join(QStringLiteral(", "));
}

QString BrowseQuery::keyCondition(bool reversed, bool inclusive, QVariantList& params,
                                  const QVariantList& key) const
{
    const bool greater = m_descending == reversed;
    const QString op = QLatin1String(greater ? ">" : "<") + QLatin1String(inclusive ? "=" : "");
    if (m_keyExprs.size() == 1) {
        params << key.value(0);
        return m_keyExprs.first() + QLatin1Char(' ') + op + QStringLiteral(" ?");
    }
    // (a, b) > (x, y) implies a >= x: said separately so that an index on `a` alone bounds the scan.
    params << key.value(0);
    QStringList marks;
    for (int i = 0; i < m_keyExprs.size(); ++i) {
        marks << QStringLiteral("?");
        params << key.value(i);
    }
    return m_keyExprs.first() + (greater ? QStringLiteral(" >= ?") : QStringLiteral(" <= ?")) +
           QStringLiteral(" AND (") + m_keyExprs.join(QStringLiteral(", ")) + QStringLiteral(") ") + op +
           QStringLiteral(" (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString BrowseQuery::where(QStringList conditions, QVariantList& params) const
{
    if (filtered()) {
        conditions << m_filterSql;
        params += m_filterParams;
    }
    return conditions.isEmpty() ? QString()
                                : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

SqlStatement BrowseQuery::firstRows(int rows) const
{
    if (!hasKey())
        return offsetRows(0, rows);
    SqlStatement s;
    s.sql = QStringLiteral("SELECT ") + selectList() + QStringLiteral(" FROM ") + m_tableSql +
            where({}, s.params) + orderBy(false, m_keyExprs) + QStringLiteral(" LIMIT %1").arg(rows);
    return s;
}

SqlStatement BrowseQuery::rowsFrom(const QVariantList& key, bool inclusive, int rows, bool reversed) const
{
    SqlStatement s;
    const QString condition = keyCondition(reversed, inclusive, s.params, key);
    s.sql = QStringLiteral("SELECT ") + selectList() + QStringLiteral(" FROM ") + m_tableSql +
            where({condition}, s.params) + orderBy(reversed, m_keyExprs) +
            QStringLiteral(" LIMIT %1").arg(rows);
    return s;
}

SqlStatement BrowseQuery::lastRows(qint64 skip, int rows) const
{
    SqlStatement s;
    s.sql = QStringLiteral("SELECT ") + selectList() + QStringLiteral(" FROM ") + m_tableSql +
            where({}, s.params) + orderBy(true, m_keyExprs) +
            QStringLiteral(" LIMIT %1 OFFSET %2").arg(rows).arg(skip);
    return s;
}

SqlStatement BrowseQuery::offsetRows(qint64 offset, int rows) const
{
    SqlStatement s;
    s.sql = QStringLiteral("SELECT ") + selectList() + QStringLiteral(" FROM ") + m_tableSql +
            where({}, s.params) + (hasKey() ? orderBy(false, m_keyExprs) : QString()) +
            QStringLiteral(" LIMIT %1 OFFSET %2").arg(rows).arg(offset);
    return s;
}

SqlStatement BrowseQuery::keyAt(const QVariantList& from, qint64 offset, bool reversed) const
{
    SqlStatement s;
    QStringList conditions;
    if (!from.isEmpty())
        conditions << keyCondition(reversed, true, s.params, from);
    s.sql = QStringLiteral("SELECT ") + m_keyExprs.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") +
            m_tableSql + where(conditions, s.params) + orderBy(reversed, m_keyExprs) +
            QStringLiteral(" LIMIT 1 OFFSET %1").arg(offset);
    return s;
}

SqlStatement BrowseQuery::anchorChunk(const QVariantList& from, int stride, int rows) const
{
    SqlStatement s;
    QStringList conditions;
    if (!from.isEmpty())
        conditions << keyCondition(false, true, s.params, from);
    QStringList aliased;
    QStringList aliases;
    for (int i = 0; i < m_keyExprs.size(); ++i) {
        aliases << QStringLiteral("strata_k%1").arg(i);
        aliased << m_keyExprs.at(i) + QStringLiteral(" AS ") + aliases.last();
    }
    const QString chunk = QStringLiteral("SELECT ") + aliased.join(QStringLiteral(", ")) +
                          QStringLiteral(" FROM ") + m_tableSql + where(conditions, s.params) +
                          orderBy(false, m_keyExprs) + QStringLiteral(" LIMIT %1").arg(rows);
    const QString numbered = QStringLiteral("SELECT ") + aliases.join(QStringLiteral(", ")) +
                             QStringLiteral(", row_number() OVER (") + orderBy(false, aliases).trimmed() +
                             QStringLiteral(") AS strata_rn, count(*) OVER () AS strata_n FROM (") + chunk +
                             QStringLiteral(") AS strata_chunk");
    s.sql =
        QStringLiteral("SELECT * FROM (") + numbered +
        QStringLiteral(") AS strata_window WHERE (strata_rn - 1) % %1 = 0 ORDER BY strata_rn").arg(stride);
    return s;
}

SqlStatement BrowseQuery::count() const
{
    SqlStatement s;
    s.sql = QStringLiteral("SELECT count(*) FROM ") + m_tableSql + where({}, s.params);
    return s;
}

SqlStatement BrowseQuery::keyRange() const
{
    const QString key = m_keyExprs.value(0);
    const QString first = QStringLiteral("SELECT ") + key + QStringLiteral(" FROM ") + m_tableSql +
                          orderBy(false, {key}) + QStringLiteral(" LIMIT 1");
    const QString last = QStringLiteral("SELECT ") + key + QStringLiteral(" FROM ") + m_tableSql +
                         orderBy(true, {key}) + QStringLiteral(" LIMIT 1");
    return {QStringLiteral("SELECT (%1), (%2)").arg(first, last), {}};
}

QList<SqlStatement> BrowseQuery::estimates() const
{
    if (m_dialect == Dialect::Postgres)
        return {{QStringLiteral("SELECT CASE WHEN c.reltuples < 0 THEN -1 WHEN c.relpages = 0 THEN "
                                "c.reltuples::bigint ELSE (c.reltuples::float8 / c.relpages * "
                                "(pg_relation_size(c.oid) / current_setting('block_size')::int))::bigint END "
                                "FROM pg_class c WHERE c.oid = to_regclass(?)"),
                 {m_tableSql}}};
    // ANALYZE's figure when it ran (the statement fails when sqlite_stat1 does not exist, and gives no row
    // for a table it has not seen); else the span of the rowid, which counts the gaps too.
    QList<SqlStatement> statements{
        {QStringLiteral("SELECT CAST(stat AS INTEGER) FROM sqlite_stat1 WHERE tbl = ? "
                        "ORDER BY idx IS NULL DESC LIMIT 1"),
         {m_tableName}}};
    if (m_rowid)
        statements.append(
            {QStringLiteral(
                 "SELECT coalesce((SELECT max(rowid) FROM %1) - (SELECT min(rowid) FROM %1) + 1, 0)")
                 .arg(m_tableSql),
             {}});
    return statements;
}

} // namespace strata
