#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "common/Result.h"

namespace strata {

/// What a backup proves about itself, in a small JSON file that travels with it
/// (`<backup>.manifest.json`, beside the file or folder): the database and migration set it is of, the
/// schema version, when it was taken, its size and SHA-256, the engine and Strata's version. A backup
/// moved or copied elsewhere together with its manifest is still checked before it is restored.
struct BackupManifest
{
    static constexpr int kFormatVersion = 1;

    int formatVersion = kFormatVersion;
    QString backupId;
    QString file;      ///< the backup's file (or folder) name when it was taken
    QString createdAt; ///< ISO 8601, UTC
    QString format;    ///< sqlite, pg_dump-custom, pg_dump-directory
    qint64 size = 0;
    QString sha256;
    QString database; ///< the source database's identity (sqlite:/abs/path.db, postgresql://host:port/db)
    QString dialect;
    qint64 schemaVersion = 0;
    QString setName;          ///< the migration set, when the backup was taken with one
    QString setFolder;        ///< the set's folder, as it was then
    QStringList appliedSteps; ///< Strata's history at the time: "V.S name" of each applied step
    QString engine;           ///< e.g. "SQLite 3.40.1", "PostgreSQL 15.8"
    QString strataVersion;
    QString runId;

    /// Where the manifest of the backup at `backupPath` is.
    static QString pathFor(const QString& backupPath);
    /// Writes the manifest beside `backupPath`, atomically, and flushes it to disk.
    Status write(const QString& backupPath) const;
    /// The manifest beside `backupPath`; none when there is no manifest file. A manifest that cannot be
    /// read or parsed is an error (a restore refuses rather than guess).
    static Result<std::optional<BackupManifest>> readFor(const QString& backupPath);
    /// Deletes the manifest beside `backupPath` (retention, a backup that failed).
    static void removeFor(const QString& backupPath);

    QJsonObject toJson() const;
    static BackupManifest fromJson(const QJsonObject& object);
};

} // namespace strata
