#pragma once

#include "common/Result.h"
#include "migrations/MigrationSet.h"

namespace strata {

/// Reads a migration set from a folder in Strata's own layout or in the layouts teams already use
/// (numbered SQL, Flyway, golang-migrate, dbmate, Prisma). See docs/migration-sets.md.
class MigrationSetLoader
{
public:
    /// A missing folder, an unreadable, non-UTF-8 or empty file, a rollback without its forward file, or a
    /// `.sql` file whose name is no migration name is bad input naming the file.
    static Result<MigrationSet> load(const QString& folder);
};

} // namespace strata
