#include "tools/alembic/AlembicGraph.h"

#include <algorithm>

#include <QMap>

namespace strata {

namespace {

const QString kUnchanged = QStringLiteral("Nothing was run; the database is unchanged.");

QString fileList(const QStringList& files)
{
    return files.join(QStringLiteral(", "));
}

} // namespace

Result<AlembicGraph> AlembicGraph::build(const QList<AlembicRevision>& revisions)
{
    AlembicGraph g;
    g.m_revisions = revisions;
    for (int i = 0; i < revisions.size(); ++i) {
        const AlembicRevision& r = revisions[i];
        if (g.m_index.contains(r.revision)) {
            const QString other = revisions[g.m_index.value(r.revision)].path;
            return Error::badInput(
                QStringLiteral(
                    "Two Alembic files claim revision %1: %2 and %3. Alembic would keep only one of "
                    "them and skip the other's changes.")
                    .arg(r.revision, other, r.path),
                QStringLiteral(
                    "Give one of them a new id (`alembic revision -m \"...\"` makes a file with one, "
                    "move the changes into it), point its children's down_revision at it, and delete "
                    "the copy."),
                kUnchanged);
        }
        g.m_index.insert(r.revision, i);
    }

    QHash<QString, QString> labels; // label -> revision id
    for (const AlembicRevision& r : revisions) {
        for (const QString& label : r.branchLabels) {
            const QString holder = labels.value(label, g.m_index.contains(label) ? label : QString());
            if (!holder.isEmpty())
                return Error::badInput(
                    QStringLiteral("%1: the branch label '%2' is already used by revision %3 (%4).")
                        .arg(r.path, label, holder, revisions[g.m_index.value(holder)].path),
                    QStringLiteral("Give each branch a label of its own, unlike any revision id."),
                    kUnchanged);
            labels.insert(label, r.revision);
        }
    }

    QStringList missing;
    QStringList missingFiles;
    for (const AlembicRevision& r : revisions) {
        QStringList req;
        const QStringList refs = r.downRevisions + r.dependsOn;
        for (int k = 0; k < refs.size(); ++k) {
            const QString& ref = refs[k];
            const QString id = g.m_index.contains(ref) ? ref : labels.value(ref);
            if (id.isEmpty()) {
                missing << QStringLiteral("%1 names %2 '%3'")
                               .arg(r.path,
                                    k < r.downRevisions.size() ? QStringLiteral("down_revision")
                                                               : QStringLiteral("depends_on"),
                                    ref);
                missingFiles << r.path;
                continue;
            }
            if (!req.contains(id))
                req << id;
            if (k < r.downRevisions.size())
                g.m_children[id] << r.revision;
        }
        g.m_requirements.insert(r.revision, req);
    }
    if (!missing.isEmpty())
        return Error::badInput(
            QStringLiteral("%1, but no file in the versions folder has that revision.")
                .arg(missing.join(QStringLiteral("; "))),
            QStringLiteral(
                "Restore the missing revision file, or point %1 at a revision that exists (`alembic "
                "history` lists them).")
                .arg(fileList(missingFiles)),
            kUnchanged);

    // Kahn's algorithm: what is left over lies on a cycle (or below one).
    QHash<QString, int> waiting;
    QStringList ready;
    for (const AlembicRevision& r : revisions) {
        waiting.insert(r.revision, int(g.m_requirements.value(r.revision).size()));
        if (waiting.value(r.revision) == 0)
            ready << r.revision;
    }
    QHash<QString, QStringList> dependants;
    for (auto it = g.m_requirements.cbegin(); it != g.m_requirements.cend(); ++it)
        for (const QString& req : it.value())
            dependants[req] << it.key();
    while (!ready.isEmpty()) {
        const QString id = ready.takeFirst();
        int gen = 1;
        for (const QString& req : g.m_requirements.value(id))
            gen = std::max(gen, g.m_generation.value(req) + 1);
        g.m_generation.insert(id, gen);
        for (const QString& d : dependants.value(id))
            if (--waiting[d] == 0)
                ready << d;
    }
    if (g.m_generation.size() != revisions.size()) {
        QStringList files;
        for (const AlembicRevision& r : revisions)
            if (!g.m_generation.contains(r.revision))
                files << QStringLiteral("%1 (%2)").arg(r.path, r.revision);
        return Error::badInput(
            QStringLiteral(
                "The Alembic revisions form a cycle: following down_revision (and depends_on) from "
                "%1 never reaches a first revision.")
                .arg(fileList(files)),
            QStringLiteral(
                "Correct the down_revision of the revision that points back at its own descendants, "
                "so that each chain starts at a revision with down_revision = None."),
            kUnchanged);
    }

    for (const AlembicRevision& r : revisions)
        g.m_order << r.revision;
    std::sort(g.m_order.begin(), g.m_order.end(), [&g](const QString& a, const QString& b) {
        const int ga = g.m_generation.value(a);
        const int gb = g.m_generation.value(b);
        return ga != gb ? ga < gb : a < b;
    });
    for (auto it = g.m_children.begin(); it != g.m_children.end(); ++it)
        std::sort(it->begin(), it->end());
    return g;
}

const AlembicRevision* AlembicGraph::revision(const QString& id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_revisions[*it];
}

QStringList AlembicGraph::bases() const
{
    QStringList list;
    for (const QString& id : m_order)
        if (revision(id)->isBase())
            list << id;
    return list;
}

QStringList AlembicGraph::heads() const
{
    QStringList list;
    for (const QString& id : m_order)
        if (m_children.value(id).isEmpty())
            list << id;
    return list;
}

QStringList AlembicGraph::merges() const
{
    QStringList list;
    for (const QString& id : m_order)
        if (revision(id)->isMerge())
            list << id;
    return list;
}

QStringList AlembicGraph::branchPoints() const
{
    QStringList list;
    for (const QString& id : m_order)
        if (m_children.value(id).size() > 1)
            list << id;
    return list;
}

QStringList AlembicGraph::children(const QString& id) const
{
    return m_children.value(id);
}

QStringList AlembicGraph::requirements(const QString& id) const
{
    return m_requirements.value(id);
}

int AlembicGraph::generation(const QString& id) const
{
    return m_generation.value(id);
}

QSet<QString> AlembicGraph::ancestors(const QStringList& ids) const
{
    QSet<QString> seen;
    QStringList stack;
    for (const QString& id : ids)
        if (contains(id))
            stack << id;
    while (!stack.isEmpty()) {
        const QString id = stack.takeLast();
        if (seen.contains(id))
            continue;
        seen.insert(id);
        stack << m_requirements.value(id);
    }
    return seen;
}

QStringList AlembicGraph::unknown(const QStringList& ids) const
{
    QStringList list;
    for (const QString& id : ids)
        if (!contains(id))
            list << id;
    return list;
}

QSet<QString> AlembicGraph::labelsOf(const QString& id) const
{
    QSet<QString> labels;
    QSet<QString> seen;
    QStringList stack{id};
    while (!stack.isEmpty()) {
        const QString at = stack.takeLast();
        if (seen.contains(at) || !contains(at))
            continue;
        seen.insert(at);
        for (const QString& label : revision(at)->branchLabels)
            labels.insert(label);
        stack << revision(at)->downRevisions;
    }
    return labels;
}

QList<QStringList> AlembicGraph::conflictingHeads() const
{
    QMap<QString, QStringList> byLabels;
    for (const QString& head : heads()) {
        QStringList labels = labelsOf(head).values();
        labels.sort();
        byLabels[labels.join(QLatin1Char(','))] << head;
    }
    QList<QStringList> groups;
    for (const QStringList& group : byLabels)
        if (group.size() > 1)
            groups << group;
    return groups;
}

} // namespace strata
