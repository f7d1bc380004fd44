#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// How much of a plan's work one node does on its own (its exclusive time with ANALYZE, else its exclusive
/// estimated cost), as the tree marks it.
enum class PlanExpense {
    None,
    Notable, ///< amber: 20% or more of the plan's total; on SQLite, a full scan of a table or a temp B-tree
    High,    ///< red: 50% or more of the plan's total
};

/// One step of a query plan as the engine reported it. PostgreSQL fills the costs, the estimates and, with
/// ANALYZE/BUFFERS, what actually happened; SQLite's EXPLAIN QUERY PLAN gives only `detail` and what it
/// names (the table, its alias, the index, the lookup). A figure the engine did not report is negative.
struct PlanNode
{
    QString nodeType; ///< "Seq Scan", "Index Scan", "Hash Join"; SQLite: "SCAN", "SEARCH", "USE TEMP B-TREE"
    QString detail;   ///< SQLite: the detail text as reported; PostgreSQL: join type, strategy, sort key
    QString schema;   ///< the scanned relation's schema (PostgreSQL; "main" on SQLite)
    QString relation; ///< the table (or view, CTE, function) the node reads; empty when none
    QString alias;    ///< the name the query gives the relation, when it differs
    QString index;    ///< the index the node uses
    bool coveringIndex = false; ///< SQLite: the index answers the query alone
    QString parentRelationship; ///< PostgreSQL: "Outer", "Inner", "InitPlan", "SubPlan"
    QString subplanName;        ///< PostgreSQL: "InitPlan 1 (returns $0)"

    double startupCost = -1; ///< PostgreSQL's estimated cost before the first row
    double totalCost = -1;   ///< ... and for all rows
    double planRows = -1;    ///< rows the planner expected, per loop

    bool analyzed = false;      ///< the actual figures below are set (EXPLAIN ANALYZE)
    bool neverExecuted = false; ///< ANALYZE: the node never ran (loops = 0)
    double actualRows = -1;     ///< rows per loop
    double actualLoops = -1;
    double actualStartupMs = -1; ///< per loop
    double actualTotalMs = -1;   ///< per loop
    qint64 rowsRemovedByFilter = -1;

    qint64 sharedHit = -1;  ///< BUFFERS: shared blocks found in the cache
    qint64 sharedRead = -1; ///< BUFFERS: shared blocks read from disk (or the OS cache)

    QString filter;         ///< the condition applied to each row read ("Filter", SQLite: none)
    QString indexCondition; ///< "Index Cond" / "Recheck Cond"; SQLite: the lookup "(account=? AND id>?)"
    QString joinCondition;  ///< "Hash Cond", "Merge Cond", "Join Filter"
    QStringList sortKey;

    /// Filled by the plan's reader (ExplainJob): the table the node reads as the catalog names it (SQLite's
    /// plan names an alias), its estimated rows, and the columns an index would serve (PostgreSQL: those its
    /// Filter compares; SQLite: those the planner looks up by once such an index exists).
    QString table;
    qint64 tableRows = -1;
    QStringList wantedColumns;
    /// SQLite: the full scans of other tables (as the plan names them) that an index on wantedColumns of
    /// this one would spare, a join then searching this table first.
    QStringList spares;
    /// PostgreSQL: the join this full scan feeds (its condition names wantedColumns), -1 when none.
    int joinedBy = -1;
    int advice = -1; ///< index in the plan's advice (ExplainJob::advice()), -1 when none

    int parent = -1;     ///< index in QueryPlan::nodes, -1 for a root
    QList<int> children; ///< indexes in QueryPlan::nodes, in the engine's order
    int depth = 0;

    /// Filled by QueryPlan::measure(): what the node did without its children.
    double exclusiveMs = -1;
    double exclusiveCost = -1;
    double share = 0; ///< exclusive time (else cost) as a fraction of the plan's total, 0..1
    PlanExpense expense = PlanExpense::None;

    /// Time of all loops together (actual total time x loops), -1 when not analysed.
    double inclusiveMs() const;
    /// A scan that reads a whole table (Seq Scan; SQLite's SCAN of a table, in table or in index order).
    bool isFullScan() const;
    /// SQLite builds an index for this query alone ("USING AUTOMATIC COVERING INDEX"), every time it runs.
    bool usesAutomaticIndex() const { return index == QLatin1String("(automatic index)"); }
    /// A node that reads a table (or its index): the ones that link to the table's index map.
    bool readsTable() const;
    /// A one-line title: "Seq Scan on orders o", "SEARCH fills USING INDEX fills_account (account=?)".
    QString title() const;
};

} // namespace strata
