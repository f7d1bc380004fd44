#pragma once

#include <QSet>
#include <QStringList>

#include "common/Result.h"
#include "migrations/MigrationSet.h"
#include "tools/alembic/AlembicProject.h"

namespace strata {

/// An Alembic project as a migration set: one step per revision, layout "alembic", toolVersion = the
/// revision id. Version = the revision's generation (AlembicGraph::generation: 1 for a base, one more than
/// its deepest down revision or dependency), step = its place among the revisions of that generation, by
/// id. A revision appended at the head is always a generation of its own, so the numbers of the revisions
/// before it never change (docs/decisions.md).
class AlembicSteps
{
public:
    /// The steps of `project`, parents before children.
    static QList<MigrationStep> steps(const AlembicProject& project);

    /// Reads the Alembic project in `set.root` and puts its steps in `set` (the migration set loader's hook).
    static Status fill(MigrationSet& set);

    /// Whether the set was read from an Alembic project.
    static bool isAlembic(const MigrationSet& set);

    /// The revision ids that are applied when alembic_version holds `current` (its rows): those revisions
    /// and everything below them. A current revision no file has is left out; see AlembicGraph::unknown.
    static QSet<QString> applied(const AlembicGraph& graph, const QStringList& current);
};

} // namespace strata
