#pragma once

#include <chrono>
#include <memory>

#include "backup/BackupRecord.h"
#include "backup/DatabaseRestore.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "run/HookSpec.h"
#include "run/RunReport.h"

namespace strata {

/// A restore run as `strata-cli restore` and Backup > Restore do it, under the run lock from start to end:
/// the backup is checked first (DatabaseRestore::check: size, SHA-256, origin, integrity), then the same
/// pre-flight as a migration (the pre hook, no other writer, free disk for the copy kept aside), the
/// restore, and the post hook. A log of the run (`strata-restore-<id>.json`) is kept beside the backups.
class RestoreRun
{
public:
    struct Settings
    {
        DatabaseRestore::Options restore;
        /// The migration set's folder, when known: its name is compared with the backup's, and its hooks
        /// apply when the operator configured none.
        QString setFolder;
        QString backupFolder; ///< where the log goes
        HookSpec preHook;
        HookSpec postHook;
        std::chrono::milliseconds lockTimeout{60000};
    };

    RestoreRun(Database& db, Settings settings);
    ~RestoreRun();

    /// Takes the run lock, saying who holds it (once) while waiting; reads the migration set when given.
    Status prepare(const RunLock::WaitNotice& waiting = {});
    /// The whole restore, under the lock prepare() took. The log is written whatever the outcome.
    Result<DatabaseRestore::Outcome> execute(const BackupRecord& record, const Progress& progress);

    const RunReport& report() const { return m_report; }
    QString logPath() const;

private:
    Status preflight(const BackupRecord& record);
    Status runHook(const QString& phase, const HookSpec& hook);
    Error stop(const QString& outcome, Error error);
    bool writeLog();

    Database& m_db;
    Settings m_settings;
    std::unique_ptr<RunLock> m_lock;
    RunReport m_report;
};

} // namespace strata
