#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli plan`: see CliOptions::usage().
class PlanCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
