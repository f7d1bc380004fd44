#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli adopt`: see CliOptions::usage().
class AdoptCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
