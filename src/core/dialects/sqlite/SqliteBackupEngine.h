#pragma once

#include "backup/BackupEngine.h"

struct sqlite3;

namespace strata {

class SqliteDatabase;

/// Backs up a SQLite file with the online backup API on the open handle, safe while the daemon keeps
/// writing in WAL mode: a read transaction on the source pins one snapshot for the whole copy, so paged
/// steps never restart under a busy writer, and the copy always includes what is still in the -wal file.
class SqliteBackupEngine final : public BackupEngine
{
public:
    explicit SqliteBackupEngine(SqliteDatabase& db) : m_db(db) {}

    QString format() const override { return QStringLiteral("sqlite"); }
    QString fileSuffix() const override { return QStringLiteral(".db"); }
    QString databaseIdentity() const override;
    QString baseName() const override;
    qint64 estimatedSize() override;
    Status write(const QString& path, const Progress& progress) override;
    std::optional<qint64> expectedSize() const override { return m_expectedSize; }
    QList<CheckResult> check(const QString& path, IntegrityMode mode, const Progress& progress) override;
    Result<QString> restore(const QString& backupPath, const QString& asideName, const Progress& progress,
                            const Vetting& vet) override;

    /// Pages copied per step (4 MB of 4 KiB pages): large enough to run at disk speed, small enough to report
    /// progress, answer a cancel at once, and flush the copy as it grows.
    static constexpr int kPagesPerStep = 1024;

private:
    /// Copies every page of `source` into `destination` with the backup API.
    /// With `flushPath`, the copy is flushed to disk after every step: the final fsync has almost nothing
    /// left, so a writer committing meanwhile never waits behind hundreds of megabytes of writeback.
    static Status copyPages(sqlite3* source, sqlite3* destination, const Progress& progress,
                            const QString& stage, const QString& flushPath = {});
    static Result<sqlite3*> openFile(const QString& path, bool readOnly);

    SqliteDatabase& m_db;
    std::optional<qint64> m_expectedSize;
};

} // namespace strata
