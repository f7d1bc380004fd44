#pragma once

#include <QString>

#include "common/Result.h"
#include "connection/Database.h"

namespace strata::bench {

/// Strategies outside the family, written beside it.
constexpr int kOutsiders = 200;

QString day(int n);
/// "fam-00042"
QString strategyId(int n);
/// A family of `members` versions under fam-00000 with `days` daily performance rows each, and kOutsiders
/// strategies of a family of their own, written inside the caller's transaction.
Status writeFamily(Database& db, int members, int days);

} // namespace strata::bench
