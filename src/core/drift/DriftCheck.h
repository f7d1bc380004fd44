#pragma once

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "drift/DriftReport.h"
#include "migrations/MigrationSet.h"

namespace strata {

/// Schema drift: replays the steps the live database's history records into a scratch database, reads
/// both catalogs and compares them. The live database is only read; the scratch database is removed at the
/// end, also when the check fails or is cancelled.
class DriftCheck
{
public:
    DriftCheck(Database& live, const MigrationSet& set) : m_live(live), m_set(set) {}

    /// Reports by phase (history, catalog, scratch, each replayed step, comparison); stops between phases
    /// and steps when `progress` is cancelled. Drift is a report, not an error: the error cases are an
    /// untracked database (bad input), a set that does not replay, and a database that cannot be read.
    Result<DriftReport> run(const Progress& progress = {});

private:
    Database& m_live;
    const MigrationSet& m_set;
};

} // namespace strata
