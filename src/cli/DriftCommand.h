#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli drift`: replays the applied migrations into a scratch database and compares its catalog with
/// the live one. Exit 0 without drift, 5 with drift, 2 for an untracked database, 1 when the check fails.
class DriftCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
