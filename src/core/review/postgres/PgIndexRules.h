#pragma once

#include "review/postgres/PgStepState.h"

namespace strata {

/// pg-index-not-concurrent and pg-drop-index-not-concurrent: index builds and drops that keep writers (or
/// everyone) out of the table while they run.
class PgIndexRules
{
public:
    static void createIndex(PgStepState& state, const PgStatement& s);
    static void dropIndex(PgStepState& state, const PgStatement& s);
};

} // namespace strata
