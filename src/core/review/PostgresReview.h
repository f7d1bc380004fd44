#pragma once

#include "review/ReviewContext.h"
#include "review/StepReview.h"

namespace strata {

/// The PostgreSQL rules of the review, from PostgreSQL's own parse tree (libpg_query): the lock each
/// statement takes on each table, rewrites, full scans under a strong lock, index builds without
/// CONCURRENTLY, destructive and client-breaking changes, enum values used in the transaction that adds
/// them, a missing lock_timeout, work after an ACCESS EXCLUSIVE lock.
class PostgresReview
{
public:
    /// Adds the findings of `review.step`'s forward script to `review`.
    static Status review(StepReview& review, ReviewContext& context);
};

} // namespace strata
