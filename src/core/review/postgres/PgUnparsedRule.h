#pragma once

#include "review/postgres/PgStepState.h"

namespace strata {

/// pg-unparsed-statement: a statement libpg_query cannot read, checked by the server without running it.
class PgUnparsedRule
{
public:
    static void check(PgStepState& state, const PgStatement& s);
};

} // namespace strata
