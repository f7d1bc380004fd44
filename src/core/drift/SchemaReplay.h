#pragma once

#include <QList>
#include <QStringList>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationSet.h"

namespace strata {

/// The steps a database's history records as in it (applied or recorded as baseline), in the order they
/// run, with what the operator should know about them.
struct ReplayPlan
{
    QList<MigrationStep> steps;
    QList<qint64> versions; ///< ascending
    QStringList notes;      ///< changed files, dirty steps left out, pending steps
};

/// Replays the migration set a database says it has into a scratch database, the way MigrationRunner
/// applies it (each transactional step in its own transaction), so that its catalog is what the
/// migrations say the live database should be. Nothing is recorded: the scratch database is thrown away.
class SchemaReplay
{
public:
    /// The steps to replay for `history`. An untracked database is bad input: without a history there is
    /// nothing to say what should be there. A step the history records but the set has no file for is bad
    /// input too (the set is not the one the database was migrated with).
    static Result<ReplayPlan> plan(const MigrationSet& set, Dialect dialect, const HistoryState& history);
    /// Runs the plan's steps into `scratch`, reporting step by step; stops between steps when cancelled.
    static Status run(Database& scratch, const ReplayPlan& plan, const Progress& progress = {});
};

} // namespace strata
