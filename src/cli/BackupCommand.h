#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli backup`: see CliOptions::usage().
class BackupCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
