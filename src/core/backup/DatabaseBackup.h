#pragma once

#include "backup/BackupCatalog.h"
#include "backup/BackupEngine.h"
#include "backup/BackupRecord.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// Takes, checks and lists backups; the steps of seed 004's Phase 0 from "Create Backup" to "Verify Backup
/// Size", for both engines.
class DatabaseBackup
{
public:
    struct Request
    {
        QString folder;  ///< the catalog's folder
        QString outPath; ///< an exact path for the backup (its folder becomes the catalog's)
        IntegrityMode integrity = IntegrityMode::Full;
        qint64 schemaVersion = 0;
        QString label; ///< part of the file name, e.g. "pre_v2"
        QString runId;
        QString setName;   ///< the migration set the database is used with, recorded in the manifest
        QString setFolder; ///< its folder
        bool applyRetention = true;
        BackupCatalog::Retention retention;
    };

    /// Writes the backup under a temporary name, flushes it to disk, checks it (integrity, size, SHA-256),
    /// writes its manifest beside it (BackupManifest), and only then gives it its name and lists it in the
    /// catalog. A backup that fails is removed and
    /// never listed; the database is never changed.
    static Result<BackupRecord> take(Database& db, const Request& request, const Progress& progress);

    /// Checks a backup on disk again: it exists, its size and SHA-256 match the catalog, and the engine's
    /// checks pass (and, when asked, a test restore into a scratch database for PostgreSQL). `recordedBy`
    /// names where the expected size and SHA-256 come from, for the messages.
    static QList<CheckResult> verify(Database& db, const BackupRecord& record, IntegrityMode mode,
                                     bool testRestore, const Progress& progress,
                                     const QString& recordedBy = QStringLiteral("the catalog"));

    /// Whether checks of a backup allow restoring it: nothing failed, the engine's own check passed, and
    /// only the checksum may be missing (a file no catalog lists). `problems` gets what stands in the way.
    static bool usable(const QList<CheckResult>& checks, QStringList* problems = nullptr);

    /// A backup by catalog id or path: the catalog of the backup folder, the catalog beside the file, or
    /// (for a file no catalog lists) a record describing the file.
    static Result<BackupRecord> locate(Database& db, const QString& folder, const QString& idOrPath);

    /// A record for a backup file the catalog does not list (restore PATH): what its manifest says, when
    /// it has one; otherwise the file alone (no checksum).
    static Result<BackupRecord> describeFile(Database& db, const QString& path);

    /// The default folder for a database's backups: the operator config's, else `backups/` beside a SQLite
    /// file, else Strata's data folder.
    static QString defaultFolder(Database& db, const QString& configured);
    static QString defaultFolder(const ConnectionUrl& url, const QString& configured);
};

} // namespace strata
