#include "review/SqliteRuleCatalog.h"

namespace strata {

QList<ReviewRule> SqliteRuleCatalog::rules()
{
    return {};
}

} // namespace strata
