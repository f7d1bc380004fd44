#include "explain/PostgresPlanReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace strata {

namespace {

double number(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : -1;
}

qint64 count(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? static_cast<qint64>(v.toDouble()) : -1;
}

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

PlanNode nodeOf(const QJsonObject& p)
{
    PlanNode n;
    n.nodeType = text(p, "Node Type");
    n.parentRelationship = text(p, "Parent Relationship");
    n.subplanName = text(p, "Subplan Name");
    n.schema = text(p, "Schema");
    n.relation = text(p, "Relation Name");
    if (n.relation.isEmpty())
        n.relation = text(p, "CTE Name");
    if (n.relation.isEmpty())
        n.relation = text(p, "Function Name");
    n.alias = text(p, "Alias");
    n.index = text(p, "Index Name");
    QStringList detail;
    for (const char* key : {"Join Type", "Strategy", "Partial Mode", "Command", "Operation"}) {
        const QString v = text(p, key);
        if (!v.isEmpty() && v != QLatin1String("Plain") && v != QLatin1String("Simple"))
            detail << v;
    }
    n.detail = detail.join(QStringLiteral(", "));
    n.startupCost = number(p, "Startup Cost");
    n.totalCost = number(p, "Total Cost");
    n.planRows = number(p, "Plan Rows");
    if (p.contains(QLatin1String("Actual Loops"))) {
        n.analyzed = true;
        n.actualLoops = number(p, "Actual Loops");
        n.neverExecuted = n.actualLoops == 0;
        n.actualRows = number(p, "Actual Rows");
        n.actualStartupMs = number(p, "Actual Startup Time");
        n.actualTotalMs = number(p, "Actual Total Time");
        n.rowsRemovedByFilter = count(p, "Rows Removed by Filter");
    }
    n.sharedHit = count(p, "Shared Hit Blocks");
    n.sharedRead = count(p, "Shared Read Blocks");
    n.filter = text(p, "Filter");
    n.indexCondition = text(p, "Index Cond");
    if (n.indexCondition.isEmpty())
        n.indexCondition = text(p, "Recheck Cond");
    for (const char* key : {"Hash Cond", "Merge Cond", "Join Filter"}) {
        if (n.joinCondition.isEmpty())
            n.joinCondition = text(p, key);
    }
    for (const QJsonValue& k : p.value(QLatin1String("Sort Key")).toArray())
        n.sortKey << k.toString();
    return n;
}

} // namespace

Result<QueryPlan> PostgresPlanReader::read(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    QJsonObject top;
    if (doc.isArray())
        top = doc.array().at(0).toObject();
    else if (doc.isObject())
        top = doc.object();
    const QJsonObject root = top.value(QLatin1String("Plan")).toObject();
    if (parseError.error != QJsonParseError::NoError || root.isEmpty())
        return Error::failed(
            QStringLiteral("PostgreSQL's plan could not be read: %1")
                .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                  : QStringLiteral("it has no \"Plan\"")),
            QStringLiteral("Nothing was changed."),
            QStringLiteral(
                "Run EXPLAIN (FORMAT JSON) on the statement in psql to see what the server says."));

    QueryPlan plan;
    plan.dialect = Dialect::Postgres;
    plan.planningMs = number(top, "Planning Time");
    plan.executionMs = number(top, "Execution Time");
    // Depth-first with an explicit stack: a plan of thousands of nodes (a UNION ALL of many SELECTs) must
    // not recurse that deep. Children are pushed in reverse so that they are added in the engine's order.
    QList<QPair<QJsonObject, int>> todo{{root, -1}};
    while (!todo.isEmpty()) {
        const auto [object, parent] = todo.takeLast();
        const int index = plan.add(nodeOf(object), parent);
        plan.analyzed = plan.analyzed || plan.nodes.at(index).analyzed;
        const QJsonArray children = object.value(QLatin1String("Plans")).toArray();
        for (qsizetype i = children.size() - 1; i >= 0; --i)
            todo.append({children.at(i).toObject(), index});
    }
    plan.measure();
    return plan;
}

} // namespace strata
