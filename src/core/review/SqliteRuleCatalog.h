#pragma once

#include <QList>

#include "review/ReviewRule.h"

namespace strata {

/// The SQLite rules of the review (ids "sqlite-..."), as ReviewRules lists them.
class SqliteRuleCatalog
{
public:
    static QList<ReviewRule> rules();
};

} // namespace strata
