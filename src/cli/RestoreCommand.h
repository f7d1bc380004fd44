#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli restore`: see CliOptions::usage().
class RestoreCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
