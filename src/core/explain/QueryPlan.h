#pragma once

#include <QList>
#include <QString>

#include "connection/ConnectionUrl.h"
#include "explain/PlanNode.h"

namespace strata {

/// A query plan as a tree of PlanNode, flat in `nodes` (parents before their children) so that a plan of
/// thousands of nodes is walked and folded without recursion.
struct QueryPlan
{
    Dialect dialect = Dialect::Sqlite;
    QString sql;           ///< the statement explained
    bool analyzed = false; ///< PostgreSQL: EXPLAIN ANALYZE; SQLite: the statement was run and timed
    QList<PlanNode> nodes;
    QList<int> roots;

    double planningMs = -1;    ///< PostgreSQL ANALYZE: "Planning Time"
    double executionMs = -1;   ///< PostgreSQL ANALYZE: "Execution Time"; SQLite: the whole statement's time
    qint64 statementRows = -1; ///< SQLite timed run: rows the statement returned or changed
    QString note;              ///< what the operator should know about how the plan was obtained

    bool isEmpty() const { return nodes.isEmpty(); }
    qsizetype size() const { return nodes.size(); }
    /// Appends `node` under `parent` (-1: a root) and returns its index.
    int add(PlanNode node, int parent);
    /// Computes each node's exclusive time and cost, its share of the plan and its PlanExpense.
    void measure();
    /// The nodes under `node`, itself excluded.
    int descendants(int node) const;
};

} // namespace strata
