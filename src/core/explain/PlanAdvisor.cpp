#include "explain/PlanAdvisor.h"

#include <QLocale>
#include <QSet>

#include "schema/IndexAdviceText.h"
#include "schema/IndexAdvisor.h"

namespace strata {

namespace {

/// Share of the rows read that the scan keeps, -1 when unknown.
double keptShare(const PlanNode& node, qint64 tableRows)
{
    if (node.analyzed && !node.neverExecuted && node.actualRows >= 0 && node.rowsRemovedByFilter >= 0) {
        const double kept = node.actualRows * node.actualLoops;
        const double read = kept + static_cast<double>(node.rowsRemovedByFilter);
        return read > 0 ? kept / read : -1;
    }
    if (node.planRows >= 0 && tableRows > 0)
        return node.planRows / static_cast<double>(tableRows);
    return -1;
}

qint64 rowsOf(const PlanNode& node, const TableInfo& table)
{
    if (table.estimatedRows >= 0)
        return table.estimatedRows;
    if (node.analyzed && node.actualRows >= 0 && node.rowsRemovedByFilter >= 0)
        return static_cast<qint64>(node.actualRows * node.actualLoops) + node.rowsRemovedByFilter;
    return -1;
}

} // namespace

QString PlanAdvisor::key(Dialect dialect, const QString& schema, const QString& table)
{
    return dialect == Dialect::Sqlite ? table.toLower() : schema + QLatin1Char('.') + table;
}

QList<IndexAdvice> PlanAdvisor::advise(QueryPlan& plan, const QHash<QString, TableInfo>& tables)
{
    QList<IndexAdvice> advice;
    const SetOwnedIndexes none;
    const IndexAdviceText text(plan.dialect, none);
    QSet<QString> takenNames;
    for (const TableInfo& table : tables)
        for (const IndexInfo& index : table.indexes)
            takenNames.insert(index.name);
    const QLocale locale = QLocale::c();
    for (PlanNode& node : plan.nodes) {
        if ((!node.isFullScan() && !node.usesAutomaticIndex() && node.spares.isEmpty()) ||
            node.wantedColumns.isEmpty())
            continue;
        const auto found = tables.constFind(key(plan.dialect, node.schema, node.table));
        if (found == tables.cend())
            continue;
        const TableInfo& table = *found;
        const qint64 rows = rowsOf(node, table);
        QString why;
        if (plan.dialect == Dialect::Postgres && node.joinedBy >= 0) {
            // The join keeps a small share of the table's rows: the rows it returns against those read.
            const PlanNode& join = plan.nodes.at(node.joinedBy);
            const double joined =
                join.analyzed && !join.neverExecuted ? join.actualRows * join.actualLoops : join.planRows;
            const double kept = rows > 0 && joined >= 0 ? joined / static_cast<double>(rows) : -1;
            if (rows < kManyRows || kept < 0 || kept > kKeptShare)
                continue;
            why = QStringLiteral("%1 reads all ~%2 rows of %3 for a %4 that keeps about %5 of them (%6).")
                      .arg(node.nodeType, locale.toString(rows), table.qualifiedName(), join.nodeType,
                           locale.toString(qRound64(joined)), join.joinCondition);
        } else if (plan.dialect == Dialect::Postgres) {
            const double kept = keptShare(node, rows);
            if (node.filter.isEmpty() || rows < kManyRows || kept < 0 || kept > kKeptShare)
                continue;
            why = QStringLiteral("%1 reads all ~%2 rows of %3 to keep %4% of them (Filter: %5).")
                      .arg(node.nodeType, locale.toString(rows), table.qualifiedName())
                      .arg(kept * 100, 0, 'f', kept < 0.01 ? 2 : 0)
                      .arg(node.filter);
        } else {
            if (rows >= 0 && rows < kManyRows)
                continue;
            if (!node.spares.isEmpty())
                why =
                    QStringLiteral("With an index on %1 (%2), SQLite's planner would SEARCH %1 by them first "
                                   "instead of reading all of %3.")
                        .arg(table.name, node.wantedColumns.join(QStringLiteral(", ")),
                             node.spares.join(QStringLiteral(", ")));
            else if (node.usesAutomaticIndex())
                why = QStringLiteral("SQLite builds a temporary index on %1 (%2) every time this query runs, "
                                     "reading the whole table to do so.")
                          .arg(table.name, node.wantedColumns.join(QStringLiteral(", ")));
            else
                why = QStringLiteral(
                          "SCAN %1 reads the whole table; SQLite's planner would SEARCH it by %2 with "
                          "an index on %3.")
                          .arg(table.name, node.wantedColumns.join(QStringLiteral(", ")),
                               node.wantedColumns.size() == 1 ? QStringLiteral("that column")
                                                              : QStringLiteral("those columns"));
        }
        if (IndexAdvisor::hasLookupIndex(table, node.wantedColumns, plan.dialect))
            continue;
        const auto same = std::find_if(advice.cbegin(), advice.cend(), [&](const IndexAdvice& a) {
            return a.schema == table.schema && a.table == table.name && a.columns == node.wantedColumns;
        });
        if (same != advice.cend()) {
            node.advice = static_cast<int>(same - advice.cbegin());
            continue;
        }
        IndexAdvice a;
        a.kind = IndexAdvice::Kind::MissingForQuery;
        a.schema = table.schema;
        a.table = table.name;
        a.columns = node.wantedColumns;
        a.message = why + QStringLiteral(" An index on (%1) lets the query read only the rows it needs; "
                                         "it costs disk and some time on every write to the table.")
                              .arg(node.wantedColumns.join(QStringLiteral(", ")));
        const QString base = (table.name + QLatin1Char('_') + a.columns.join(QLatin1Char('_'))).left(56);
        QString name = base + QStringLiteral("_idx");
        for (int n = 1; takenNames.contains(name); ++n)
            name = base + QStringLiteral("_idx%1").arg(n);
        takenNames.insert(name);
        QStringList columns;
        for (const QString& column : std::as_const(a.columns))
            columns << text.quoted(column);
        a.sql = QStringLiteral("CREATE INDEX %1%2 ON %3 (%4);")
                    .arg(plan.dialect == Dialect::Postgres ? QStringLiteral("CONCURRENTLY ") : QString(),
                         text.quoted(name), text.qualified(table.schema, table.name),
                         columns.join(QStringLiteral(", ")));
        node.advice = static_cast<int>(advice.size());
        advice << a;
    }
    return advice;
}

} // namespace strata
