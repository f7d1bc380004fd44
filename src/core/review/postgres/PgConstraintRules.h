#pragma once

#include "review/postgres/PgStepState.h"

namespace strata {

/// ADD CONSTRAINT: pg-check-not-valid, pg-foreign-key-not-valid (full scans under a strong lock) and
/// pg-unique-without-index (an index built under ACCESS EXCLUSIVE).
class PgConstraintRules
{
public:
    static void addConstraint(PgStepState& state, const PgStatement& s, const PgTableRef& table,
                              const QJsonObject& constraint);
};

} // namespace strata
