#include "review/PostgresReview.h"

namespace strata {

Status PostgresReview::review(StepReview& review, ReviewContext& context)
{
    Q_UNUSED(review);
    Q_UNUSED(context);
    return {};
}

} // namespace strata
