#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>

#include "migrations/HistoryStore.h"
#include "migrations/MigrationSet.h"
#include "tools/alembic/AlembicGraph.h"

namespace strata {

/// Where a database stands in an Alembic project: the revision graph, the revisions alembic_version holds
/// (the current revision of each head), and what that makes applied (those and everything below them).
struct AlembicStatus
{
    AlembicGraph graph;
    QStringList current;          ///< alembic_version's rows, as Alembic wrote them
    QSet<QString> applied;        ///< revision ids applied by Alembic
    QStringList unknownCurrent;   ///< rows of alembic_version that no revision file has
    QList<QStringList> conflicts; ///< heads that no merge joins (AlembicGraph::conflictingHeads)

    bool isApplied(const QString& revision) const { return applied.contains(revision); }
    /// The revisions, parents first, that are applied (`true`) or not.
    QStringList revisions(bool appliedOnes) const;
    /// "Alembic revisions: 3 of 5 applied (alembic_version: b2, c3)" and the applied and pending ids, one
    /// line each, every line after `indent`.
    QString describe(const QString& indent) const;
    /// {"current": [...], "applied": [...], "pending": [...], "unknown_current": [...], "heads": [...]}
    QJsonObject toJson() const;
    bool isCurrent(const QString& revision) const { return current.contains(revision); }

    /// The status of a set read from an Alembic project (its graph as the loader read it) against the
    /// history's alembic_version; empty for any other set, or when the project no longer reads.
    static std::optional<AlembicStatus> of(const MigrationSet& set, const HistoryState& history);
};

} // namespace strata
