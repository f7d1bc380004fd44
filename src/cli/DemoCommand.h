#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli demo`: see CliOptions::usage().
class DemoCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
