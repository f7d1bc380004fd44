#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli baseline`: see CliOptions::usage().
class BaselineCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
