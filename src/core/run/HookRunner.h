#pragma once

#include <functional>

#include <QProcessEnvironment>

#include "common/Progress.h"
#include "run/HookSpec.h"
#include "verify/CheckResult.h"

namespace strata {

/// Runs a hook with a timeout, captures what it prints, and kills its whole process group when it hangs,
/// so a hook that starts children never leaves them behind; the hook and its group also die with Strata. A
/// hook never sees PGPASSWORD: it is removed from the environment the hook gets.
class HookRunner
{
public:
    using LineHandler = std::function<void(const QString& line)>;

    /// "passed" when it exits 0; "failed" with its exit code, or with "timed out after N s", and the tail of
    /// its output otherwise. `output` receives everything it printed.
    static CheckResult run(const QString& name, const HookSpec& hook, const QProcessEnvironment& environment,
                           const LineHandler& onLine, QString* output);
};

} // namespace strata
