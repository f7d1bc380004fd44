#pragma once

#include <QHash>
#include <QList>

#include "explain/QueryPlan.h"
#include "schema/IndexAdvice.h"
#include "schema/TableInfo.h"

namespace strata {

/// Reads a plan for full scans an index would spare and says which index, as IndexAdvice of kind
/// MissingForQuery, so that the Schema tab lists it with the table's other advice.
///
/// PostgreSQL: a Seq Scan with a Filter on a table of at least kManyRows rows that keeps at most kKeptShare
/// of them (actual rows against rows removed by the filter with ANALYZE, else the estimate against the
/// table's rows), the index on the columns the filter compares (PlanNode::wantedColumns); or a Seq Scan
/// without a filter that feeds a join (Hash, Merge, Nested Loop) returning at most kKeptShare of its rows,
/// the index on the columns the join's condition compares on this side (PlanNode::joinedBy).
/// SQLite: a SCAN of a table for which SQLite's own planner would SEARCH an index on some columns
/// (SqliteWhatIf), or a SEARCH through an AUTOMATIC index SQLite builds for the one query (its lookup
/// columns), or a table a join would search first so that another's full scan goes (PlanNode::spares),
/// unless sqlite_stat1 (or, without it, the table's largest rowid) says it has fewer than kManyRows rows.
/// Either way no advice when an index of the table already starts with one of those columns
/// (IndexAdvisor::hasLookupIndex): the planner then chose the scan, and another index would not change it.
class PlanAdvisor
{
public:
    static constexpr qint64 kManyRows = 1000;
    static constexpr double kKeptShare = 0.2;

    /// `tables`: the tables the plan reads, by PlanNode::table (SQLite: lower case). Sets PlanNode::advice.
    static QList<IndexAdvice> advise(QueryPlan& plan, const QHash<QString, TableInfo>& tables);
    /// The key of `table` in advise()'s map.
    static QString key(Dialect dialect, const QString& schema, const QString& table);
};

} // namespace strata
