#pragma once

#include <QList>

#include "review/ReviewRule.h"

namespace strata {

/// The PostgreSQL rules of the review (ids "pg-..."), as ReviewRules lists them.
class PostgresRuleCatalog
{
public:
    static QList<ReviewRule> rules();
};

} // namespace strata
