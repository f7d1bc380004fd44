#include "tools/alembic/AlembicStatus.h"

#include "tools/alembic/AlembicProject.h"
#include "tools/alembic/AlembicSteps.h"

namespace strata {

std::optional<AlembicStatus> AlembicStatus::of(const MigrationSet& set, const HistoryState& history)
{
    if (!AlembicSteps::isAlembic(set))
        return std::nullopt;
    AlembicStatus status;
    if (set.alembicGraph) {
        status.graph = *set.alembicGraph;
    } else {
        auto project = AlembicProject::load(set.root);
        if (!project)
            return std::nullopt;
        status.graph = project->graph;
    }
    for (const ForeignHistory& other : history.otherTools)
        if (other.table == QLatin1String("alembic_version"))
            for (const ForeignRow& row : other.rows)
                status.current << row.version;
    status.applied = status.graph.ancestors(status.current);
    status.unknownCurrent = status.graph.unknown(status.current);
    status.conflicts = status.graph.conflictingHeads();
    return status;
}

} // namespace strata
