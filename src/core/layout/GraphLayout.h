#pragma once

#include "common/Result.h"
#include "layout/GraphPlacement.h"
#include "layout/LayoutGraph.h"

namespace strata {

/// Places boxes and routes the lines between them with Graphviz (libgvc/cgraph): the ER diagram of a
/// schema, the lineage of strategies. Qt Core only, so that the layout of a big graph runs on a worker.
///
/// Graphviz keeps global state and its context is not re-entrant: layouts from several threads are
/// serialised by one lock, so calling this from any thread is safe, and two calls never run at once.
class GraphLayout
{
public:
    /// The placement of `graph`. Fails, saying which, on an edge to an unknown box, a duplicate box id, an
    /// unknown engine or a Graphviz error. An empty graph gives an empty placement.
    static Result<GraphPlacement> place(const LayoutGraph& graph);
};

} // namespace strata
