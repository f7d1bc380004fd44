#include "tools/alembic/AlembicHeads.h"

#include "tools/alembic/AlembicProject.h"
#include "tools/alembic/AlembicSteps.h"

namespace strata {

QList<Problem> AlembicHeads::problems(const AlembicGraph& graph)
{
    QList<Problem> problems;
    for (const QStringList& heads : graph.conflictingHeads()) {
        Problem p{Problem::Kind::MultipleHeads, {}, {}, {}, {}};
        QStringList named;
        QStringList parents;
        QStringList messages;
        for (const QString& id : heads) {
            const AlembicRevision* rev = graph.revision(id);
            p.files << rev->path;
            named << QStringLiteral("%1 (%2)").arg(id, rev->path);
            for (const QString& parent : rev->downRevisions)
                if (!parents.contains(parent))
                    parents << parent;
            messages << rev->title();
        }
        p.message = QStringLiteral("The Alembic project has %1 heads that no merge revision joins: %2. "
                                   "`alembic upgrade head` cannot choose between them, and Strata does not "
                                   "either.")
                        .arg(heads.size())
                        .arg(named.join(QStringLiteral(" and ")));
        if (parents.size() == 1)
            p.message += QStringLiteral(" They both revise %1.").arg(parents.first());
        p.resolution = QStringLiteral("Merge them: `alembic merge heads -m \"merge %1\"` writes a revision "
                                      "whose down_revision names %2; review it, then run the command again. "
                                      "If one of them was meant to come after the other, set its "
                                      "down_revision to the other's id instead.")
                           .arg(messages.join(QStringLiteral(" and ")), heads.join(QStringLiteral(" and ")));
        problems << p;
    }
    return problems;
}

QList<Problem> AlembicHeads::problems(const MigrationSet& set)
{
    if (!AlembicSteps::isAlembic(set))
        return {};
    if (set.alembicGraph)
        return problems(*set.alembicGraph);
    const auto project = AlembicProject::load(set.root);
    if (!project)
        return {}; // the loader read it a moment ago; a file changed since is reported on the next load
    return problems(project->graph);
}

} // namespace strata
