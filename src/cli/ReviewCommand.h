#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli review [--to V] [--enable OPT]... [--patch]`: what each pending step would lock, rewrite or
/// break on the live database, with the safe rewrites. Exit 0, 5 when an unallowed "block" finding
/// stands, 2 for bad input (a -- strata:allow naming no known rule, or giving no reason).
class ReviewCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
