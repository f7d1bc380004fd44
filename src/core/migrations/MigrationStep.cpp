#include "migrations/MigrationStep.h"

namespace strata {

QString MigrationStep::phase() const
{
    return header.phase.isEmpty() ? QStringLiteral("core") : header.phase;
}

QString MigrationStep::shortLabel() const
{
    return repeatable ? QStringLiteral("repeatable %1").arg(name) : QStringLiteral("step %1").arg(slot());
}

QString MigrationStep::label() const
{
    if (repeatable)
        return QStringLiteral("repeatable %1 (%2)").arg(name, forwardPath);
    return QStringLiteral("%1 %2 (%3%4)")
        .arg(slot(), name, forwardPath, noOp ? QStringLiteral(", no-op") : QString());
}

} // namespace strata
