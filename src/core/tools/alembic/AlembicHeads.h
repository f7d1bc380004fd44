#pragma once

#include <QList>

#include "migrations/MigrationSet.h"
#include "migrations/Problem.h"
#include "tools/alembic/AlembicGraph.h"

namespace strata {

/// Seed 002's conflict: two revisions that revise the same parent and that no merge revision joins leave an
/// Alembic project with two heads, and `alembic upgrade head` refuses to choose. Strata reports it before
/// anything runs, naming both files and the merge that settles it.
class AlembicHeads
{
public:
    /// One problem per group of heads that conflict (AlembicGraph::conflictingHeads).
    static QList<Problem> problems(const AlembicGraph& graph);
    /// The problems of a set read from an Alembic project (its graph as the loader read it, else read again
    /// from set.root); none for any other set.
    static QList<Problem> problems(const MigrationSet& set);
};

} // namespace strata
