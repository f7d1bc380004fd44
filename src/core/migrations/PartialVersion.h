#pragma once

#include <QStringList>

namespace strata {

/// A version some of whose steps are applied and some not: a run stopped between its steps (a failed
/// step, a cancel, a kill). Operators see it as "v3: 1 of 3 steps".
struct PartialVersion
{
    qint64 version = 0;
    int appliedSteps = 0;
    int steps = 0;            ///< the version's steps that count: its required steps and its applied options
    QStringList pendingSlots; ///< "3.2", "3.3"
};

} // namespace strata
