#include "tools/alembic/AlembicSteps.h"

#include <QFileInfo>

namespace strata {

QList<MigrationStep> AlembicSteps::steps(const AlembicProject& project)
{
    QList<MigrationStep> list;
    int generation = 0;
    int step = 0;
    for (const QString& id : project.graph.order()) {
        const AlembicRevision& rev = *project.graph.revision(id);
        const int g = project.graph.generation(id);
        step = g == generation ? step + 1 : 1;
        generation = g;
        MigrationStep s;
        s.version = g;
        s.step = step;
        s.versionName = QFileInfo(rev.path).completeBaseName();
        s.name = rev.title();
        s.layout = QStringLiteral("alembic");
        s.toolVersion = rev.revision;
        s.noOp = rev.upgradeIsEmpty;
        s.header.description = rev.message;
        s.forwardPath = rev.path;
        s.checksum = rev.checksum;
        // A downgrade() that does nothing takes back only an upgrade() that does nothing (a merge revision);
        // under a real upgrade it would leave the change in place, so such a revision has no rollback.
        if (rev.hasDowngrade && (!rev.downgradeIsEmpty || rev.upgradeIsEmpty))
            s.rollbackPath = rev.path;
        list << s;
    }
    return list;
}

Status AlembicSteps::fill(MigrationSet& set)
{
    auto project = AlembicProject::load(set.root);
    if (!project)
        return project.error();
    set.steps = steps(*project);
    for (const QString& path : std::as_const(project->ignored))
        set.ignored << IgnoredFile{
            path, QStringLiteral("not an Alembic revision: Alembic 1.8 loads the .py files of "
                                 "the versions folder, except __init__.py")};
    set.alembicGraph = std::make_shared<const AlembicGraph>(std::move(project->graph));
    return {};
}

bool AlembicSteps::isAlembic(const MigrationSet& set)
{
    return !set.steps.isEmpty() && set.steps.first().layout == QLatin1String("alembic");
}

QSet<QString> AlembicSteps::applied(const AlembicGraph& graph, const QStringList& current)
{
    return graph.ancestors(current);
}

} // namespace strata
