#include "review/SqliteReview.h"

#include "review/sqlite/SqliteStepReviewer.h"

namespace strata {

Status SqliteReview::review(StepReview& review, ReviewContext& context)
{
    return SqliteStepReviewer(review, context).run();
}

} // namespace strata
