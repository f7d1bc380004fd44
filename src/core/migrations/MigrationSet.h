#pragma once

#include <memory>
#include <optional>

#include <QList>
#include <QString>

#include "connection/ConnectionUrl.h"
#include "migrations/MigrationStep.h"
#include "migrations/ProviderLock.h"
#include "migrations/SetManifest.h"

namespace strata {

class AlembicGraph;

/// A file or folder in a migrations folder that no layout takes as a migration, and why. The tools ignore
/// such files too (a README, a schema dump, a seed script); Strata lists them so nothing is skipped unseen.
struct IgnoredFile
{
    QString path;   ///< relative to the set's folder
    QString reason; ///< e.g. "a .sql file whose name no layout takes"
};

/// A folder of migrations, read: its manifest and every step file, in version and step order. Two files
/// may claim one slot here; the planner reports that as a conflict before anything runs.
struct MigrationSet
{
    QString root; ///< absolute path of the folder
    SetManifest manifest;
    QList<MigrationStep> steps;
    QList<IgnoredFile> ignored;               ///< in path order
    std::optional<ProviderLock> providerLock; ///< Prisma's migration_lock.toml, when the folder has one
    /// The revision graph of a set read from an Alembic project (tools/alembic/AlembicSteps), else null.
    std::shared_ptr<const AlembicGraph> alembicGraph;

    QString name() const;
    /// The steps that run on `dialect`, in order.
    QList<MigrationStep> stepsFor(Dialect dialect) const;
    /// The versions that have a step for `dialect`, ascending (repeatable scripts have no version).
    QList<qint64> versionsFor(Dialect dialect) const;
    /// Whether `name` is an option of this set: declared in the manifest or named by an optional step.
    bool hasOption(const QString& name) const;
    /// A version's description: the manifest's, else its first step's header, else its folder name.
    QString versionDescription(qint64 version, Dialect dialect) const;
};

} // namespace strata
