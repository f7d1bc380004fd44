#pragma once

#include <QString>

#include "adoption/AdoptedTools.h"
#include "adoption/AdoptionPlan.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationSet.h"

namespace strata {

/// Matches another tool's history to a migration set's files, the way that tool identifies them, before
/// anything is recorded. Refuses (nothing changed) when the tool's state needs the operator first: a row for
/// a file the folder no longer has, a dirty, failed or rolled-back row, two tools' tables with none chosen.
class AdoptionPlanner
{
public:
    /// `toolName` (--tool) picks one tool when several keep a history; empty: the only one.
    /// `adopted` is what schema_version_tools says.
    static Result<AdoptionPlan> plan(const MigrationSet& set, Dialect dialect, const HistoryState& history,
                                     const AdoptedTools& adopted, const QString& toolName);
};

} // namespace strata
