#include "explain/QueryPlan.h"

#include <algorithm>

namespace strata {

namespace {

constexpr double kNotableShare = 0.20;
constexpr double kHighShare = 0.50;

PlanExpense expenseOf(double share)
{
    if (share >= kHighShare)
        return PlanExpense::High;
    if (share >= kNotableShare)
        return PlanExpense::Notable;
    return PlanExpense::None;
}

} // namespace

int QueryPlan::add(PlanNode node, int parent)
{
    node.parent = parent;
    node.depth = parent >= 0 ? nodes.at(parent).depth + 1 : 0;
    nodes.append(std::move(node));
    const int index = static_cast<int>(nodes.size()) - 1;
    if (parent >= 0)
        nodes[parent].children.append(index);
    else
        roots.append(index);
    return index;
}

int QueryPlan::descendants(int node) const
{
    int count = 0;
    QList<int> todo = nodes.at(node).children;
    while (!todo.isEmpty()) {
        const int next = todo.takeLast();
        ++count;
        todo += nodes.at(next).children;
    }
    return count;
}

void QueryPlan::measure()
{
    // Exclusive time: a node's time over all its loops minus that of its children, as PostgreSQL reports
    // time inclusive of what runs below. Exclusive cost likewise. InitPlans and SubPlans are children here,
    // so their time is taken from the node that runs them, as depesz's explain does.
    double totalMs = 0;
    double totalCost = 0;
    for (int root : std::as_const(roots)) {
        totalMs += std::max(0.0, nodes.at(root).inclusiveMs());
        totalCost += std::max(0.0, nodes.at(root).totalCost);
    }
    if (executionMs > totalMs)
        totalMs = executionMs;
    for (PlanNode& node : nodes) {
        double childMs = 0;
        double childCost = 0;
        for (int child : std::as_const(node.children)) {
            childMs += std::max(0.0, nodes.at(child).inclusiveMs());
            childCost += std::max(0.0, nodes.at(child).totalCost);
        }
        node.exclusiveMs = node.inclusiveMs() >= 0 ? std::max(0.0, node.inclusiveMs() - childMs) : -1;
        node.exclusiveCost = node.totalCost >= 0 ? std::max(0.0, node.totalCost - childCost) : -1;
        if (node.exclusiveMs >= 0 && totalMs > 0)
            node.share = node.exclusiveMs / totalMs;
        else if (node.exclusiveCost >= 0 && totalCost > 0)
            node.share = node.exclusiveCost / totalCost;
        else
            node.share = 0;
        node.expense = expenseOf(node.share);
        // SQLite reports neither cost nor time: what costs is said by the kind of step, a full scan of a
        // table or a temporary B-tree built to sort or group.
        if (dialect == Dialect::Sqlite &&
            (node.isFullScan() || node.nodeType == QLatin1String("USE TEMP B-TREE")))
            node.expense = PlanExpense::Notable;
    }
}

} // namespace strata
