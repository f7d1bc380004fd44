#pragma once

#include <optional>

#include <QString>

#include "connection/ConnectionUrl.h"
#include "migrations/Problem.h"

namespace strata {

/// Prisma's migration_lock.toml: the provider the folder's migrations were written for.
struct ProviderLock
{
    QString path;     ///< relative to the set's folder
    QString provider; ///< as written: "sqlite", "postgresql", ... ("<PROVIDER NOT FOUND>" without one)

    /// Whether the provider is the engine Strata connects to, as `prisma migrate deploy` compares them.
    bool matches(Dialect dialect) const;
    /// The problem `migrate` refuses on (as Prisma does, error P3019) when the lock names another engine.
    std::optional<Problem> problemFor(Dialect dialect) const;
};

} // namespace strata
