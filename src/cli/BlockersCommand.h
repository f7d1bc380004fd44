#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli blockers`: the live pre-flight of blockers on its own. Lists the sessions that would block the
/// pending steps or be blocked by them as a blocking tree (SQLite: the processes that have the file open);
/// `--wait SECONDS` waits until none is left (exit 1 when some still are); `--cancel PID` / `--terminate PID`
/// cancel a session's statement or end it, after a confirmation that names it.
class BlockersCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
