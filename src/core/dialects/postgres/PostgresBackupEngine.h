#pragma once

#include "backup/BackupEngine.h"

namespace strata {

class PostgresDatabase;

/// pg_dump settings. The defaults were chosen by measurement (tests/bench/backup-bench.sh, see
/// docs/decisions.md).
struct PgDumpSettings
{
    bool directoryFormat = true; ///< -Fd (parallel with -j) rather than -Fc
    int compression = 3;         ///< gzip level 3: within the time goal, closest to pg_dump's default size
    int jobs = 2;                ///< parallel dump/restore workers (directory format only)
};

/// Backs up a PostgreSQL database with pg_dump and restores it with pg_restore, the tools every
/// PostgreSQL user trusts. A restore goes into a new database, is checked there, and only then takes the
/// database's name; the old database is renamed, never dropped.
class PostgresBackupEngine final : public BackupEngine
{
public:
    explicit PostgresBackupEngine(PostgresDatabase& db, PgDumpSettings settings = {})
        : m_db(db), m_settings(settings)
    {}

    QString format() const override;
    QString fileSuffix() const override;
    QString databaseIdentity() const override;
    QString baseName() const override;
    qint64 estimatedSize() override;
    Status write(const QString& path, const Progress& progress) override;
    QList<CheckResult> check(const QString& path, IntegrityMode mode, const Progress& progress) override;
    Result<QString> restore(const QString& backupPath, const QString& asideName, const Progress& progress,
                            const Vetting& vet) override;

    /// Restores the archive into a scratch database, checks that it holds the archive's tables, and drops
    /// the scratch database again (the database itself is not touched).
    CheckResult testRestore(const QString& backupPath, const Progress& progress);
    /// Whether this pg_restore can read the archive and this server can take it; says plainly when not.
    CheckResult versionsFit(const QString& backupPath);

    /// Creates the database `database` (from template0) and restores the archive into it with pg_restore;
    /// drops it again when pg_restore fails. The rehearsal's scratch copy is made this way.
    Status restoreInto(const QString& database, const QString& backupPath, const Progress& progress);

private:
    Status dropDatabase(const QString& name);
    /// Whether this session holds Strata's run lock (the advisory lock of PostgresRunLock).
    bool holdsRunLock();
    /// Connects again after the swap and, when `takeLock`, takes the run lock again at once.
    Status reconnectLocked(bool takeLock);

    PostgresDatabase& m_db;
    PgDumpSettings m_settings;
};

} // namespace strata
