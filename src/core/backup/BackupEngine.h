#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QString>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "verify/CheckResult.h"

namespace strata {

/// How thoroughly a SQLite file is checked: `integrity_check` reads every page and cross-checks every index;
/// `quick_check` skips the index cross-checks and is much faster on very large files.
enum class IntegrityMode { Full, Quick };

/// What a dialect does to back up, check and restore its databases (SQLite: the online backup API;
/// PostgreSQL: pg_dump and pg_restore). One per open database, used on that database's thread.
class BackupEngine
{
public:
    virtual ~BackupEngine();
    static std::unique_ptr<BackupEngine> forDatabase(Database& db);

    /// "sqlite" (a database file) or "pg_dump-custom" (a pg_dump archive).
    virtual QString format() const = 0;
    /// ".db" or ".dump"
    virtual QString fileSuffix() const = 0;
    /// What identifies the database across runs: the file's absolute path, or host:port/database.
    virtual QString databaseIdentity() const = 0;
    /// A short name for backup files: the file's base name or the database name.
    virtual QString baseName() const = 0;
    /// Bytes the backup will need, to check free disk before starting.
    virtual qint64 estimatedSize() = 0;
    /// Writes a consistent backup to `path` (the caller gives a temporary name and renames it when the
    /// backup is complete and on disk).
    virtual Status write(const QString& path, const Progress& progress) = 0;
    /// The size the finished backup must have, when the engine knows it (SQLite: the snapshot's pages).
    virtual std::optional<qint64> expectedSize() const { return std::nullopt; }
    /// The engine's own checks of a backup on disk (SQLite integrity_check / quick_check; pg_restore --list).
    virtual QList<CheckResult> check(const QString& path, IntegrityMode mode, const Progress& progress) = 0;
    /// A last look at the backup's content once the engine can read it, before it replaces anything (e.g.
    /// whose history it holds); an error stops the restore with the database as it was.
    using Vetting = std::function<Status(Database& restored)>;

    /// Replaces the database's content with the backup's, after keeping the current database aside under
    /// `asideName` (SQLite: a file beside it; PostgreSQL: a database of that name). A restore that fails
    /// leaves the current database as it was. Returns where the old database was kept. PostgreSQL calls
    /// `vet` on the database it restored into, before the swap.
    virtual Result<QString> restore(const QString& backupPath, const QString& asideName,
                                    const Progress& progress, const Vetting& vet) = 0;
};

} // namespace strata
