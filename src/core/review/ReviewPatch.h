#pragma once

#include <QString>

#include "review/StepReview.h"

namespace strata {

/// The safe rewrites of a step's findings as a unified diff of its file, to apply with
/// `patch -p1 -d MIGRATIONS_DIR`: each statement a finding rewrites is replaced by the rewrite, with the
/// finding's note above it as a comment. Allowed findings are left as they are.
class ReviewPatch
{
public:
    /// `fileText`: the step's forward file as it is on disk (the whole file). Empty when nothing rewrites.
    static QString forStep(const StepReview& review, const QString& fileText);
};

} // namespace strata
