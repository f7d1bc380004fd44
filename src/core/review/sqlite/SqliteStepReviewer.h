#pragma once

#include "review/ReviewContext.h"
#include "review/StepReview.h"
#include "review/sqlite/SqliteFindings.h"

namespace strata {

/// Applies the SQLite rules to one step: each statement classified, the hand-written rebuilds found, each
/// statement handed to its rules (SqliteAlterRules, SqliteLockRules).
class SqliteStepReviewer
{
public:
    SqliteStepReviewer(StepReview& review, ReviewContext& context);
    Status run();

private:
    SqliteFindings m_findings;
};

} // namespace strata
