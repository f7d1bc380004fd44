#pragma once

#include <QString>

#include "migrations/MigrationStep.h"

namespace strata {

/// A repeatable script (Flyway's `R__`) as a plan sees it: whether it runs in this run, and why.
struct PlannedRepeatable
{
    MigrationStep script;
    bool runs = false;
    /// "never applied", "changed since last applied", "its last run failed", "unchanged since last applied".
    QString state;
};

} // namespace strata
