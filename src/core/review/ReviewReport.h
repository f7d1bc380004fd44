#pragma once

#include <QJsonObject>
#include <QList>

#include "review/StepReview.h"

namespace strata {

/// The review of every pending step of a plan, in the plan's order.
struct ReviewReport
{
    Dialect dialect = Dialect::Postgres;
    QList<StepReview> steps;
    QString catalogProblem; ///< the live sizes could not be read (the review still ran, from the SQL)

    bool blocked() const;
    int count(ReviewSeverity severity, bool includeSuppressed = false) const;
    int suppressedCount() const;
    /// "3 findings: 1 block, 1 warn, 1 info; 1 allowed", for a run log's check line.
    QString summary() const;
    QJsonObject toJson() const;
};

} // namespace strata
