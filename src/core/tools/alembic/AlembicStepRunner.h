#pragma once

#include <memory>
#include <optional>

#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/MigrationSet.h"
#include "tools/alembic/AlembicRunner.h"

namespace strata {

/// The executor of a migration set's Alembic steps (layout "alembic", the revision id in toolVersion): each
/// step is one revision, applied with `upgrade <revision>` and taken back with `downgrade`, by the project's
/// own Alembic (AlembicRunner). It finds that Alembic once, on the first step it runs.
class AlembicStepRunner
{
public:
    AlembicStepRunner(Database& db, const MigrationSet& set);

    /// Whether `step` is one this executor runs (its layout is "alembic").
    static bool runs(const MigrationStep& step);
    /// The project's alembic.ini: in the set's folder, or, for a set rooted at the script folder, the one in
    /// the folder above whose script_location is that folder. Without one, Alembic is given the script
    /// folder itself.
    static QString iniPath(const MigrationSet& set);

    /// Finds the project's Alembic (once) and says which it is; an error says how to get it.
    Result<QString> check();
    Result<AlembicRunner::Outcome> apply(const MigrationStep& step, const AlembicRunner::LineHandler& onLine);
    Result<AlembicRunner::Outcome> rollback(const MigrationStep& step,
                                            const AlembicRunner::LineHandler& onLine);

private:
    Result<AlembicRunner::Outcome> run(AlembicRunner::Direction direction, const MigrationStep& step,
                                       const AlembicRunner::LineHandler& onLine);

    Database& m_db;
    const MigrationSet& m_set;
    std::optional<AlembicRunner> m_runner;
    QString m_description;
};

} // namespace strata
