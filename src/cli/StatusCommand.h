#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli status`: see CliOptions::usage().
class StatusCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
