#pragma once

#include <QList>
#include <QStringList>

#include "review/ReviewRule.h"

namespace strata {

/// The catalog of every rule the review knows, both engines. Rule ids are a contract: step files name
/// them in `-- strata:allow RULE reason`, and deploy scripts read them from `review --json`.
class ReviewRules
{
public:
    static const QList<ReviewRule>& all();
    /// nullptr when no rule has this id.
    static const ReviewRule* find(const QString& id);
    static QStringList ids();
    /// "pg-index-not-concurrent, pg-..." for a bad-input message.
    static QString idList();
};

} // namespace strata
