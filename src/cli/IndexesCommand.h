#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli indexes [--table T]`: every index of every table (or of T) with its key parts, and the index
/// advice. Advice is information: the command exits 0 whatever it finds, 2 for an unknown table, 1 when the
/// catalog cannot be read.
class IndexesCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
