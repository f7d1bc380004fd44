#pragma once

#include <QList>
#include <QString>

#include "common/Result.h"

namespace strata {

/// `-- strata:allow RULE reason` in a step's file: the operator has looked at the finding RULE on this step
/// and accepts it for `reason`. The finding stays in the review, marked suppressed with the reason.
struct StepSuppression
{
    QString rule;
    QString reason;
    int line = 0; ///< in the step's file

    /// Every `-- strata:allow` line of a step's file (anywhere in it). An unknown rule id or a missing
    /// reason is bad input naming `path` and the line, with the list of known rule ids.
    static Result<QList<StepSuppression>> parse(const QByteArray& script, const QString& path,
                                                int firstLine = 1);
};

} // namespace strata
