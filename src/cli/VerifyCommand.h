#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli verify`: see CliOptions::usage().
class VerifyCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
