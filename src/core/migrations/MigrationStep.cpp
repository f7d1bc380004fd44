#include "migrations/MigrationStep.h"

namespace strata {

QString MigrationStep::phase() const
{
    return header.phase.isEmpty() ? QStringLiteral("core") : header.phase;
}

QString MigrationStep::label() const
{
    return QStringLiteral("%1 %2 (%3)").arg(slot(), name, forwardPath);
}

} // namespace strata
