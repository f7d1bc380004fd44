#include "adoption/AdoptionPlan.h"

namespace strata {

qsizetype AdoptionPlan::disagreements() const
{
    qsizetype count = 0;
    for (const auto& s : steps)
        if (s.checksumDisagrees())
            ++count;
    return count;
}

} // namespace strata
