#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli history`: see CliOptions::usage().
class HistoryCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
