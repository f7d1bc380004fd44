#pragma once

#include "common/Result.h"
#include "connection/Database.h"
#include "explain/QueryPlan.h"

namespace strata {

/// Reads SQLite's `EXPLAIN QUERY PLAN` rows (id, parent, notused, detail) into a QueryPlan, and each detail
/// in SQLite 3.40's wording into what it names: "SCAN t", "SCAN t USING [COVERING] INDEX i",
/// "SEARCH t USING [COVERING|AUTOMATIC [PARTIAL] COVERING] INDEX i (a=? AND b>?)", "SEARCH t USING INTEGER
/// PRIMARY KEY (rowid=?)", "USE TEMP B-TREE FOR ORDER BY", "CORRELATED SCALAR SUBQUERY 1", "MULTI-INDEX OR",
/// "COMPOUND QUERY", "CO-ROUTINE c", ... The table is named as the query names it (an alias when it has
/// one); the caller resolves aliases (SqliteAliases).
class SqlitePlanReader
{
public:
    static Result<QueryPlan> read(const QueryRows& rows);
    /// One detail line as a node (no tree).
    static PlanNode nodeOf(const QString& detail);
};

} // namespace strata
