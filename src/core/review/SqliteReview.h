#pragma once

#include "review/ReviewContext.h"
#include "review/StepReview.h"

namespace strata {

/// The SQLite rules of the review (version-aware): table rebuilds, NOT NULL without a default, long write
/// locks, destructive changes, DROP COLUMN the running SQLite refuses, VACUUM's disk.
class SqliteReview
{
public:
    /// Adds the findings of `review.step`'s forward script to `review`.
    static Status review(StepReview& review, ReviewContext& context);
};

} // namespace strata
