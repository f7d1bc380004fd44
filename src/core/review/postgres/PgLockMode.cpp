#include "review/postgres/PgLockMode.h"

namespace strata {

QString lockModeName(PgLockMode mode)
{
    switch (mode) {
    case PgLockMode::None:
        return {};
    case PgLockMode::AccessShare:
        return QStringLiteral("ACCESS SHARE");
    case PgLockMode::RowShare:
        return QStringLiteral("ROW SHARE");
    case PgLockMode::RowExclusive:
        return QStringLiteral("ROW EXCLUSIVE");
    case PgLockMode::ShareUpdateExclusive:
        return QStringLiteral("SHARE UPDATE EXCLUSIVE");
    case PgLockMode::Share:
        return QStringLiteral("SHARE");
    case PgLockMode::ShareRowExclusive:
        return QStringLiteral("SHARE ROW EXCLUSIVE");
    case PgLockMode::Exclusive:
        return QStringLiteral("EXCLUSIVE");
    case PgLockMode::AccessExclusive:
        return QStringLiteral("ACCESS EXCLUSIVE");
    }
    return {};
}

QString lockModeEffect(PgLockMode mode)
{
    if (mode == PgLockMode::AccessExclusive)
        return QStringLiteral("blocks reads and writes");
    if (mode >= PgLockMode::Share)
        return QStringLiteral("blocks writes");
    if (mode == PgLockMode::ShareUpdateExclusive)
        return QStringLiteral("lets reads and writes through, blocks other schema changes and VACUUM");
    return QStringLiteral("lets reads and writes through");
}

} // namespace strata
