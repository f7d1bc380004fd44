#pragma once

#include "adoption/AdoptionPlan.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/MigrationSet.h"
#include "migrations/RunIdentity.h"

namespace strata {

/// Records an adoption in Strata's history: each step the other tool applied as `baseline` in
/// schema_version_steps (and its version complete in schema_version), the tool's row and checksum beside it
/// in schema_version_adopted, and the tool in schema_version_tools, all in one transaction. The caller holds
/// the run lock and planned after taking it.
class AdoptionRecorder
{
public:
    static Status record(Database& db, const MigrationSet& set, const AdoptionPlan& plan,
                         const RunIdentity& who);
};

} // namespace strata
