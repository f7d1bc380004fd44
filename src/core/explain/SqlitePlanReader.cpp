#include "explain/SqlitePlanReader.h"

#include <QHash>
#include <QRegularExpression>

namespace strata {

PlanNode SqlitePlanReader::nodeOf(const QString& detail)
{
    // SCAN/SEARCH <name> [AS <alias>] [USING ...] [(<lookup>)]; older releases said "SCAN TABLE t".
    static const QRegularExpression access(QStringLiteral(
        R"(^(SCAN|SEARCH) (?:TABLE )?(.+?)(?: AS (\S+))?(?: USING (?:((?:AUTOMATIC (?:PARTIAL )?)?COVERING )?INDEX(?: ([^\s(]\S*))?|(INTEGER PRIMARY KEY|PRIMARY KEY|ROWID SEARCH.*)))?(?: VIRTUAL TABLE INDEX (.*))?(?: \((.*)\))?$)"));
    PlanNode n;
    n.detail = detail;
    const QRegularExpressionMatch m = access.match(detail);
    if (!m.hasMatch()) {
        // "USE TEMP B-TREE FOR ORDER BY": the step without what it is for, so nodes group by kind.
        static const QRegularExpression kind(QStringLiteral(R"(^(USE TEMP B-TREE|BLOOM FILTER ON)\b)"));
        const QRegularExpressionMatch k = kind.match(detail);
        n.nodeType = k.hasMatch() ? k.captured(1) : detail;
        return n;
    }
    n.nodeType = m.captured(1);
    n.schema = QStringLiteral("main");
    const QString name = m.captured(2);
    if (name == QLatin1String("CONSTANT ROW") || name.startsWith(QLatin1String("(subquery"))) {
        n.schema.clear();
        n.alias = name;
        return n;
    }
    n.relation = name;
    if (!m.captured(3).isEmpty())
        n.alias = m.captured(3);
    const QString covering = m.captured(4);
    n.coveringIndex = covering.contains(QLatin1String("COVERING"));
    if (covering.startsWith(QLatin1String("AUTOMATIC")))
        n.index = QStringLiteral("(automatic index)");
    else if (!m.captured(5).isEmpty())
        n.index = m.captured(5);
    else if (!m.captured(6).isEmpty())
        n.index = m.captured(6);
    if (!m.captured(7).isEmpty())
        n.index = QStringLiteral("virtual table index %1").arg(m.captured(7));
    n.indexCondition = m.captured(8);
    return n;
}

Result<QueryPlan> SqlitePlanReader::read(const QueryRows& rows)
{
    if (rows.columns.size() < 4)
        return Error::failed(
            QStringLiteral(
                "SQLite's query plan could not be read: it has %1 columns, not id, parent, notused "
                "and detail.")
                .arg(rows.columns.size()),
            QStringLiteral("Nothing was changed."),
            QStringLiteral("Run EXPLAIN QUERY PLAN on the statement in sqlite3 to see what it says."));
    QueryPlan plan;
    plan.dialect = Dialect::Sqlite;
    QHash<qint64, int> byId; // SQLite's row id -> index in plan.nodes; parent 0 is the top
    for (const QVariantList& row : rows.rows) {
        const qint64 id = row.value(0).toLongLong();
        const qint64 parentId = row.value(1).toLongLong();
        const int parent = byId.value(parentId, -1);
        byId.insert(id, plan.add(nodeOf(row.value(3).toString()), parent));
    }
    plan.measure();
    return plan;
}

} // namespace strata
