#pragma once

#include <optional>

#include "backup/BackupEngine.h"
#include "connection/Database.h"
#include "migrations/MigrationSet.h"
#include "verify/CheckResult.h"

namespace strata {

/// Seed 004's Phase 4 verification for any database: integrity, the schema version, and the set's own
/// expectations (tables, indexes, columns by version and option) and sample queries, each listed with
/// its result.
class DatabaseVerifier
{
public:
    /// `set` may be null (integrity and version only). `expectedVersion`, when given, must be the database's
    /// version. Options count as on when enabled here or when a step that needs them is applied.
    static QList<CheckResult> verify(Database& db, const MigrationSet* set, IntegrityMode mode,
                                     const QStringList& enabledOptions, const Progress& progress,
                                     std::optional<qint64> expectedVersion = std::nullopt);

    /// The integrity check of the database itself: SQLite integrity_check / quick_check; PostgreSQL amcheck
    /// on every B-tree index where the role may (not run, saying why, where it may not).
    static CheckResult integrity(Database& db, IntegrityMode mode, const Progress& progress);
};

} // namespace strata
