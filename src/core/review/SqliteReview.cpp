#include "review/SqliteReview.h"

namespace strata {

Status SqliteReview::review(StepReview& review, ReviewContext& context)
{
    Q_UNUSED(review);
    Q_UNUSED(context);
    return {};
}

} // namespace strata
