#pragma once

#include <QString>

#include "migrations/MigrationStep.h"

namespace strata {

/// One step Strata applied or rolled back, as another tool's history needs it to write or delete that
/// tool's row for the step's file.
struct ToolStep
{
    const MigrationStep& step;
    /// The step before it in the set (golang-migrate's version after a rollback); null for the first.
    const MigrationStep* previous = nullptr;
    QByteArray forwardFile;  ///< the forward file's exact bytes, for the tool's checksum
    QByteArray rollbackFile; ///< the rollback file's exact bytes (Flyway's undo row), when it has one
    qint64 elapsedMs = 0;    ///< how long the step ran
    QString user;            ///< who ran it (Flyway's installed_by)
};

} // namespace strata
