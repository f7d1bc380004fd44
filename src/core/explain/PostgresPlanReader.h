#pragma once

#include <QByteArray>

#include "common/Result.h"
#include "explain/QueryPlan.h"

namespace strata {

/// Reads the output of PostgreSQL's `EXPLAIN (FORMAT JSON)`, with or without ANALYZE, BUFFERS and VERBOSE,
/// into a QueryPlan: a node per "Plan" object, InitPlans and SubPlans as children of the node that runs
/// them (named by "Subplan Name"), the planning and execution times of ANALYZE.
class PostgresPlanReader
{
public:
    static Result<QueryPlan> read(const QByteArray& json);
};

} // namespace strata
