#pragma once

#include "backup/BackupRecord.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// Seed 004's rollback by restore, made safe: the backup is verified first, the current database is kept
/// aside under a `.failed_<timestamp>` name (never deleted), and the result is checked after.
class DatabaseRestore
{
public:
    struct Outcome
    {
        QString keptAside;               ///< where the database that was replaced now is
        QList<CheckResult> backupChecks; ///< the backup, before anything was touched
        QList<CheckResult> afterChecks;  ///< the restored database
        qint64 schemaVersion = 0;        ///< of the restored database
    };

    /// A backup that fails its checks is refused (exit 5) before anything is touched.
    static Result<Outcome> restore(Database& db, const BackupRecord& record, const Progress& progress);
    /// The name the current database is kept aside under.
    static QString asideName(Database& db, const QString& stamp);
};

} // namespace strata
