#pragma once

#include <QString>

#include "connection/ConnectionUrl.h"
#include "review/ReviewSeverity.h"

namespace strata {

/// One check of the review, as the catalog (ReviewRules) and docs/review-rules.md list it.
struct ReviewRule
{
    QString id; ///< "pg-index-not-concurrent"; what `-- strata:allow` names
    Dialect dialect = Dialect::Postgres;
    QString title; ///< "CREATE INDEX without CONCURRENTLY"
    /// The severity on a table with rows (on an empty or new table a rule may report less).
    ReviewSeverity severity = ReviewSeverity::Warn;
    QString squawk;           ///< squawk's rule it matches, e.g. "require-concurrent-index-creation"
    QString strongMigrations; ///< strong_migrations' check, e.g. "add_index"
    QString atlas;            ///< Atlas `migrate lint` analyzer code, e.g. "PG101"
};

} // namespace strata
