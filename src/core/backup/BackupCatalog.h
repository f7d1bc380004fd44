#pragma once

#include <QList>
#include <QString>

#include "backup/BackupRecord.h"
#include "common/Result.h"

namespace strata {

/// The manifest beside the backups (`strata-backups.json` in the backup folder). A backup is listed only
/// once it is complete, on disk and checked, so a partial file (a kill, a full disk) is never listed as
/// valid. Writes go through a lock file and an atomic rename: two runs never lose each other's entries.
class BackupCatalog
{
public:
    struct Retention
    {
        int retentionDays = 30;
        int maxBackups = 10;
    };

    explicit BackupCatalog(QString folder);

    QString folder() const { return m_folder; }
    QString manifestPath() const;

    /// Every backup, newest first (of one database when `database` is given).
    Result<QList<BackupRecord>> list(const QString& database = {}) const;
    /// A backup by id, or by path (a file the catalog lists, or any backup file).
    Result<BackupRecord> find(const QString& idOrPath) const;
    Status add(const BackupRecord& record);
    /// Replaces the record with the same id (e.g. after verify).
    Status update(const BackupRecord& record);
    /// Applies seed 004's retention to one database's backups: older than `retentionDays` or beyond the
    /// newest `maxBackups` are deleted, but never the newest verified one. Returns what was deleted.
    Result<QList<BackupRecord>> applyRetention(const QString& database, const Retention& retention);

private:
    Result<QList<BackupRecord>> read() const;
    Status write(const QList<BackupRecord>& records) const;
    template <typename Change> Status modify(Change&& change);

    QString m_folder;
};

} // namespace strata
