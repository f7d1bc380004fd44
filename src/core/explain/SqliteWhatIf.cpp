#include "explain/SqliteWhatIf.h"

#include <memory>

#include <QSet>

#include <sqlite3.h>

#include "explain/SqlitePlanReader.h"

namespace strata {

namespace {

constexpr auto kPrefix = "strata_what_if_";

struct Close
{
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

QString quotedName(const QString& name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

} // namespace

QStringList SqliteWhatIf::columnsOfLookup(const QString& lookup)
{
    QStringList columns;
    for (const QString& term : lookup.split(QStringLiteral(" AND "), Qt::SkipEmptyParts)) {
        qsizetype end = 0;
        while (end < term.size() && !QStringLiteral("=<> ").contains(term.at(end)))
            ++end;
        const QString column = term.left(end).trimmed();
        if (!column.isEmpty() && column != QLatin1String("rowid") && !columns.contains(column))
            columns << column;
    }
    return columns;
}

QHash<QString, QStringList>
SqliteWhatIf::lookupColumns(Database& db, const QString& sql,
                            const QHash<QString, QPair<QString, QStringList>>& candidates,
                            QStringList* scanned)
{
    QHash<QString, QStringList> found;
    if (candidates.isEmpty())
        return found;
    const Result<QueryRows> schema = db.query(
        QStringLiteral("SELECT sql FROM sqlite_schema WHERE type IN ('table', 'view') AND sql IS NOT NULL "
                       "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type = 'view', rowid"));
    if (!schema)
        return found;
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(raw);
        return found;
    }
    std::unique_ptr<sqlite3, Close> memory(raw);
    // A virtual table's module is not loaded here: such a table is left out, and a statement that reads it
    // then gets no what-if plan (and no advice), never a wrong one.
    for (const QVariantList& row : schema->rows)
        sqlite3_exec(memory.get(), row.value(0).toString().toUtf8().constData(), nullptr, nullptr, nullptr);
    int n = 0;
    QSet<QString> done;
    for (auto it = candidates.cbegin(); it != candidates.cend(); ++it) {
        const QString& table = it.value().first;
        for (const QString& column : it.value().second) {
            const QString key = table.toLower() + QLatin1Char('.') + column.toLower();
            if (done.contains(key))
                continue;
            done.insert(key);
            const QString create = QStringLiteral("CREATE INDEX %1%2 ON %3 (%4)")
                                       .arg(QLatin1String(kPrefix))
                                       .arg(++n)
                                       .arg(quotedName(table), quotedName(column));
            sqlite3_exec(memory.get(), create.toUtf8().constData(), nullptr, nullptr, nullptr);
        }
    }
    sqlite3_stmt* stmt = nullptr;
    const QByteArray explain = QByteArrayLiteral("EXPLAIN QUERY PLAN ") + sql.toUtf8();
    if (sqlite3_prepare_v2(memory.get(), explain.constData(), -1, &stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return found;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const QString detail = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3)));
        const PlanNode node = SqlitePlanReader::nodeOf(detail);
        if (scanned && node.isFullScan())
            *scanned << node.relation;
        if (node.nodeType != QLatin1String("SEARCH") || !node.index.startsWith(QLatin1String(kPrefix)) ||
            !candidates.contains(node.relation))
            continue;
        QStringList& columns = found[node.relation];
        for (const QString& column : columnsOfLookup(node.indexCondition))
            if (!columns.contains(column))
                columns << column;
    }
    sqlite3_finalize(stmt);
    return found;
}

} // namespace strata
