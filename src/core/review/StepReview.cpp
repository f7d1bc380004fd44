#include "review/StepReview.h"

namespace strata {

bool StepReview::blocks() const
{
    for (const auto& f : findings)
        if (f.blocks())
            return true;
    return false;
}

ReviewFinding& StepReview::add(const QString& rule, ReviewSeverity severity, int index, int line,
                               const QString& statement)
{
    ReviewFinding f;
    f.rule = rule;
    f.severity = severity;
    f.step = step.slot();
    f.stepLabel = step.label();
    f.file = step.forwardPath;
    f.statementIndex = index;
    f.line = line;
    f.statement = statement;
    f.excerpt = ReviewFinding::excerptOf(statement);
    findings.append(f);
    return findings.last();
}

} // namespace strata
