#include "timeouts/StepTimeouts.h"

#include <QStringList>

#include "migrations/MigrationStep.h"
#include "timeouts/DurationText.h"

namespace strata {

QString StepLimits::describe() const
{
    QStringList parts;
    parts << QStringLiteral("lock_timeout %1")
                 .arg(lockTimeout ? DurationText::format(*lockTimeout) : QStringLiteral("as the session's"));
    parts << QStringLiteral("statement_timeout %1")
                 .arg(statementTimeout ? DurationText::format(*statementTimeout)
                                       : QStringLiteral("as the session's"));
    return parts.join(QStringLiteral(", "));
}

StepLimits StepTimeouts::limitsFor(const MigrationStep& step) const
{
    StepLimits limits;
    limits.inTransaction = step.transactional();
    if (limits.inTransaction) {
        limits.lockTimeout = lockTimeout;
        limits.statementTimeout = statementTimeout;
    } else {
        limits.lockTimeout = std::chrono::milliseconds(0);
        limits.statementTimeout = std::chrono::milliseconds(0);
    }
    if (step.header.lockTimeout)
        limits.lockTimeout = step.header.lockTimeout;
    if (step.header.statementTimeout)
        limits.statementTimeout = step.header.statementTimeout;
    return limits;
}

std::chrono::milliseconds StepTimeouts::backoffBefore(int attempt) const
{
    std::chrono::milliseconds pause = retryBackoff;
    for (int i = 2; i < attempt && pause < std::chrono::minutes(10); ++i)
        pause *= 2;
    return pause;
}

} // namespace strata
