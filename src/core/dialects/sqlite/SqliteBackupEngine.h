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
    Result<QString> restore(const QString& backupPath, const QString& asideName,
                            const Progress& progress) override;

    /// Pages copied per step: large enough to run at disk speed, small enough to report progress and
    /// answer a cancel within a fraction of a second.
    static constexpr int kPagesPerStep = 4096;

private:
    /// Copies every page of `source` into `destination` with the backup API.
    static Status copyPages(sqlite3* source, sqlite3* destination, const Progress& progress,
                            const QString& stage);
    static Result<sqlite3*> openFile(const QString& path, bool readOnly);

    SqliteDatabase& m_db;
    std::optional<qint64> m_expectedSize;
};

} // namespace strata
