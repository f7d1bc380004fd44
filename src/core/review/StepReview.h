#pragma once

#include <QList>

#include "migrations/MigrationStep.h"
#include "review/ReviewFinding.h"
#include "review/StepSuppression.h"

namespace strata {

/// The review of one pending step: its findings (suppressed ones included) and the `strata:allow` lines.
struct StepReview
{
    MigrationStep step;
    QList<ReviewFinding> findings;
    QList<StepSuppression> suppressions;

    bool blocks() const;
    /// Adds a finding about statement `index` (text `statement` at `line`) of this step, filling the step's
    /// slot, label and file. Returns it for the caller to complete.
    ReviewFinding& add(const QString& rule, ReviewSeverity severity, int index, int line,
                       const QString& statement);
};

} // namespace strata
