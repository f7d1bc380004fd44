#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli explain [--analyze] [SQL]`: the plan of one statement (read from standard input when no SQL
/// is given) as an indented tree with each step's cost, rows estimated and actual, own time and buffers, the
/// expensive steps marked, and the index a full scan needs. --analyze runs the statement inside a transaction
/// that is rolled back. Exit 0 with a plan, 2 for a statement that cannot be explained, 1 when the database
/// refuses it.
class ExplainCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
