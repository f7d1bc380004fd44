#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli backups`: see CliOptions::usage().
class BackupsCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
