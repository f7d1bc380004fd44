#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli resolve`: see CliOptions::usage().
class ResolveCommand
{
public:
    static int run(const CliContext& context);

private:
    static int acknowledgeRun(const CliContext& context);
};

} // namespace strata::cli
