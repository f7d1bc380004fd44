#include "tools/alembic/AlembicStatus.h"

#include <QJsonArray>

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

QStringList AlembicStatus::revisions(bool appliedOnes) const
{
    QStringList list;
    for (const QString& id : graph.order())
        if (isApplied(id) == appliedOnes)
            list << id;
    return list;
}

QString AlembicStatus::describe(const QString& indent) const
{
    const QStringList done = revisions(true);
    const QStringList pending = revisions(false);
    const QString none = QStringLiteral("none");
    QString text =
        indent + QStringLiteral("Alembic revisions: %1 of %2 applied (alembic_version: %3; every revision "
                                "below those is applied)\n")
                     .arg(done.size())
                     .arg(graph.size())
                     .arg(current.isEmpty() ? none : current.join(QStringLiteral(", ")));
    text += indent +
            QStringLiteral("  applied: %1\n").arg(done.isEmpty() ? none : done.join(QStringLiteral(", ")));
    text +=
        indent +
        QStringLiteral("  pending: %1\n").arg(pending.isEmpty() ? none : pending.join(QStringLiteral(", ")));
    if (!unknownCurrent.isEmpty())
        text +=
            indent + QStringLiteral("  alembic_version names %1, which no revision file has: the database is "
                                    "ahead of these files\n")
                         .arg(unknownCurrent.join(QStringLiteral(", ")));
    return text;
}

QJsonObject AlembicStatus::toJson() const
{
    return {{QStringLiteral("current"), QJsonArray::fromStringList(current)},
            {QStringLiteral("applied"), QJsonArray::fromStringList(revisions(true))},
            {QStringLiteral("pending"), QJsonArray::fromStringList(revisions(false))},
            {QStringLiteral("unknown_current"), QJsonArray::fromStringList(unknownCurrent)},
            {QStringLiteral("heads"), QJsonArray::fromStringList(graph.heads())}};
}

} // namespace strata
