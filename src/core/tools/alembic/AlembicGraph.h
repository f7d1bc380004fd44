#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "tools/alembic/AlembicRevision.h"

namespace strata {

/// An Alembic project's revisions as a graph, checked as Alembic 1.8's RevisionMap checks them: every
/// down_revision and depends_on exists, no id is used twice, no cycle. Edges run from a revision to its
/// down revisions ("parents") and to the revisions it depends on.
class AlembicGraph
{
public:
    AlembicGraph() = default;

    /// Two files with one revision id, a branch label used twice, a down_revision or depends_on naming no
    /// revision (or label), or a cycle is bad input naming the files.
    static Result<AlembicGraph> build(const QList<AlembicRevision>& revisions);

    bool isEmpty() const { return m_order.isEmpty(); }
    int size() const { return int(m_order.size()); }
    bool contains(const QString& id) const { return m_index.contains(id); }
    /// The revision with this id; nullptr when there is none.
    const AlembicRevision* revision(const QString& id) const;

    /// Every revision id, parents before children: by generation, then by id.
    const QStringList& order() const { return m_order; }
    /// Revisions without a down_revision.
    QStringList bases() const;
    /// Revisions no other revision names as its down_revision (`alembic heads`).
    QStringList heads() const;
    /// Revisions with two or more down revisions (`alembic merge`).
    QStringList merges() const;
    /// Revisions that two or more revisions name as their down_revision: where branches start.
    QStringList branchPoints() const;
    /// The revisions naming `id` as a down_revision, by id.
    QStringList children(const QString& id) const;
    /// `id`'s down revisions and its depends_on, resolved to revision ids.
    QStringList requirements(const QString& id) const;
    /// The length of the longest path from a base to `id` over down revisions and depends_on; a base is 1.
    /// It depends on `id`'s ancestors only, so a revision added later never changes it.
    int generation(const QString& id) const;
    /// The revision ids `ids` and everything below them: what is applied when alembic_version holds `ids`.
    /// Unknown ids are skipped (see unknown()).
    QSet<QString> ancestors(const QStringList& ids) const;
    /// The ids among `ids` that are no revision of this project.
    QStringList unknown(const QStringList& ids) const;
    /// The branch labels of `id` and of every revision below it.
    QSet<QString> labelsOf(const QString& id) const;
    /// Heads that `alembic upgrade head` cannot choose between: groups of two or more heads that carry the
    /// same branch labels (none, usually). Empty when the project has one head or only independent labelled
    /// branches.
    QList<QStringList> conflictingHeads() const;

private:
    QList<AlembicRevision> m_revisions;
    QHash<QString, int> m_index;                ///< id -> position in m_revisions
    QHash<QString, QStringList> m_requirements; ///< id -> down revisions + resolved depends_on
    QHash<QString, QStringList> m_children;     ///< id -> revisions with it as a down revision
    QHash<QString, int> m_generation;
    QStringList m_order;
};

} // namespace strata
