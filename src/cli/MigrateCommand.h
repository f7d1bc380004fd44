#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli migrate`: see CliOptions::usage().
class MigrateCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
