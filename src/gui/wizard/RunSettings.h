#pragma once

#include "common/Result.h"
#include "connection/ConnectionTarget.h"
#include "run/PhasedRun.h"

namespace strata {

/// The settings of a phased run started from the desktop app: the backups go where the Backup menu lists
/// them, and the operator config of the database (when it has one) gives the optional features'
/// defaults, the retention, the hooks, the steps' lock and statement timeouts and whether to back up and
/// verify.
class RunSettings
{
public:
    static Result<PhasedRun::Settings> forTarget(const ConnectionTarget& target, const QString& backupFolder);
    /// Whether the run calls a pre or post hook: the operator config's, or else the set's own (strata.yaml
    /// hooks:). Only then is there a daemon (or whatever the hooks stop) for the wizard to speak of.
    static bool hasHooks(const PhasedRun::Settings& settings, const QString& setFolder);
};

} // namespace strata
