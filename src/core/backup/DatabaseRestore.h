#pragma once

#include <functional>

#include "backup/BackupRecord.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// Seed 004's rollback by restore, made safe: the backup must prove what it is (its size and SHA-256
/// against its catalog entry or its manifest) and be of this database and migration set; the current
/// database is kept aside under a `.failed_<timestamp>` name (never deleted), and the result is checked
/// after.
class DatabaseRestore
{
public:
    struct Options
    {
        /// The operator confirmed restoring a backup that has neither manifest nor catalog entry.
        bool allowUnverified = false;
        /// The operator confirmed restoring a backup of another database or migration set.
        bool allowDifferentDatabase = false;
        /// The migration set this database is used with, compared with the backup's (empty: not known).
        QString setName;
    };

    struct Outcome
    {
        QString keptAside;               ///< where the database that was replaced now is
        QList<CheckResult> backupChecks; ///< the backup, before anything was touched
        QList<CheckResult> afterChecks;  ///< the restored database
        qint64 schemaVersion = 0;        ///< of the restored database
        bool unverified = false;         ///< restored without a size and SHA-256 to check it against
        /// What the operator confirmed: restored unverified, or over another database or set.
        QStringList warnings;
        /// Whose backup it is, asked of the restored content when nothing told it before (a PostgreSQL
        /// archive without manifest): refuses a backup of another set before it replaces the database.
        std::function<Status(Database& restored)> vetRestored;
    };

    /// check(), then replace(): a backup that fails its checks, cannot be checked (unless
    /// `allowUnverified`) or is of another database or set (unless `allowDifferentDatabase`) is refused
    /// (exit 5) before anything is touched.
    static Result<Outcome> restore(Database& db, const BackupRecord& record, const Progress& progress,
                                   const Options& options);
    /// The same with the default options: verified backups of this database only.
    static Result<Outcome> restore(Database& db, const BackupRecord& record, const Progress& progress);
    /// Whether the backup may be restored: its size and SHA-256 against its catalog entry or manifest, its
    /// origin against this database, the engine's own checks. Only reads; refusals are exit 5.
    static Result<Outcome> check(Database& db, const BackupRecord& record, const Progress& progress,
                                 const Options& options);
    /// Keeps the current database aside, loads the checked backup, and checks the result into `outcome`.
    static Status replace(Database& db, const BackupRecord& record, Outcome& outcome,
                          const Progress& progress);
    /// The name the current database is kept aside under.
    static QString asideName(Database& db, const QString& stamp);
};

} // namespace strata
