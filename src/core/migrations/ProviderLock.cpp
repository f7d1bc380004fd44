#include "migrations/ProviderLock.h"

namespace strata {

bool ProviderLock::matches(Dialect dialect) const
{
    // Prisma's providers: "sqlite", and "postgresql" (its schema also accepts the alias "postgres").
    if (dialect == Dialect::Sqlite)
        return provider == QLatin1String("sqlite");
    return provider == QLatin1String("postgresql") || provider == QLatin1String("postgres");
}

std::optional<Problem> ProviderLock::problemFor(Dialect dialect) const
{
    if (matches(dialect))
        return std::nullopt;
    Problem p{Problem::Kind::WrongDialect, {}, {path}, {}, {}};
    p.message =
        QStringLiteral("%1 says these Prisma migrations were written for \"%2\", but the database is %3. "
                       "Prisma refuses this too (P3019): a migration written for one engine may fail "
                       "or do something else on another.")
            .arg(path, provider, dialectName(dialect));
    p.resolution =
        QStringLiteral("Point Strata at a %1 database, or at the folder of migrations written for %2 "
                       "(with provider = \"%3\" in its migration_lock.toml).")
            .arg(provider, dialectName(dialect),
                 dialect == Dialect::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql"));
    return p;
}

} // namespace strata
