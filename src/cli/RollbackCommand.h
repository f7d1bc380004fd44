#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli rollback`: see CliOptions::usage().
class RollbackCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
