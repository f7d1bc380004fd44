#pragma once

#include <optional>

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli rehearse`: see CliOptions::usage().
class RehearseCommand
{
public:
    static int run(const CliContext& context);
    /// --rehearse-on URL, parsed (bad usage when it is not a URL); nullopt when not given.
    static Result<std::optional<ConnectionUrl>> target(const CliContext& context);
};

} // namespace strata::cli
