#include "explain/PlanNode.h"

namespace strata {

double PlanNode::inclusiveMs() const
{
    if (!analyzed || actualTotalMs < 0)
        return -1;
    return actualTotalMs * (actualLoops > 0 ? actualLoops : 0);
}

bool PlanNode::isFullScan() const
{
    if (nodeType == QLatin1String("Seq Scan") || nodeType == QLatin1String("Parallel Seq Scan"))
        return true;
    // SQLite: "SCAN t" reads every row of the table, and so does "SCAN t USING [COVERING] INDEX i", which
    // walks a whole index in its order (to group or sort without a temp B-tree); a subquery's or a constant
    // row's SCAN reads no table.
    return nodeType == QLatin1String("SCAN") && !relation.isEmpty();
}

bool PlanNode::readsTable() const
{
    if (relation.isEmpty())
        return false;
    if (nodeType == QLatin1String("SCAN") || nodeType == QLatin1String("SEARCH"))
        return true;
    return nodeType.contains(QLatin1String("Scan")) && nodeType != QLatin1String("CTE Scan") &&
           nodeType != QLatin1String("Function Scan") && nodeType != QLatin1String("Subquery Scan") &&
           nodeType != QLatin1String("Values Scan") && nodeType != QLatin1String("WorkTable Scan");
}

QString PlanNode::title() const
{
    // SQLite's detail is the whole title ("USE TEMP B-TREE FOR ORDER BY"); PostgreSQL's is an addition.
    if (!detail.isEmpty() && (nodeType.isEmpty() || detail.startsWith(nodeType)))
        return detail;
    QString text = nodeType;
    if (!relation.isEmpty()) {
        if (!index.isEmpty())
            text += QStringLiteral(" using %1").arg(index);
        text += QStringLiteral(" on %1").arg(relation);
        if (!alias.isEmpty() && alias != relation)
            text += QLatin1Char(' ') + alias;
    } else if (!index.isEmpty()) {
        text += QStringLiteral(" on %1").arg(index);
    }
    if (!detail.isEmpty())
        text += QStringLiteral(" (%1)").arg(detail);
    if (!subplanName.isEmpty())
        text = subplanName + QStringLiteral(": ") + text;
    return text;
}

} // namespace strata
