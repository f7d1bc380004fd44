#pragma once

#include <QList>
#include <QString>

#include "connection/ConnectionUrl.h"
#include "migrations/MigrationStep.h"
#include "migrations/SetManifest.h"

namespace strata {

/// A folder of migrations, read: its manifest and every step file, in version and step order. Two files
/// may claim one slot here; the planner reports that as a conflict before anything runs.
struct MigrationSet
{
    QString root; ///< absolute path of the folder
    SetManifest manifest;
    QList<MigrationStep> steps;

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
