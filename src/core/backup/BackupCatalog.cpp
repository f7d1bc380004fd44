#include "backup/BackupCatalog.h"

#include <algorithm>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>

#include "backup/BackupManifest.h"
#include "common/DiskFile.h"
#include "common/FileDigest.h"

namespace strata {

BackupCatalog::BackupCatalog(QString folder) : m_folder(QDir(folder).absolutePath()) {}

QString BackupCatalog::manifestPath() const
{
    return QDir(m_folder).filePath(QStringLiteral("strata-backups.json"));
}

Result<QList<BackupRecord>> BackupCatalog::read() const
{
    QList<BackupRecord> records;
    QFile file(manifestPath());
    if (!file.exists())
        return records;
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(
            QStringLiteral("Cannot read the backup catalog %1: %2.").arg(manifestPath(), file.errorString()),
            QStringLiteral("Nothing was changed."), QStringLiteral("Check the file's permissions."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::failed(
            QStringLiteral("The backup catalog %1 is damaged: %2 at offset %3.")
                .arg(manifestPath(), parseError.errorString())
                .arg(parseError.offset),
            QStringLiteral("Nothing was changed; the backup files themselves are untouched."),
            QStringLiteral("Restore the catalog from its .bak copy beside it, or restore a backup by "
                           "its path (strata-cli restore PATH)."));
    const QString inside = QDir::cleanPath(m_folder) + QLatin1Char('/');
    for (const auto& entry : doc.object().value(QStringLiteral("backups")).toArray()) {
        BackupRecord record = BackupRecord::fromJson(entry.toObject());
        record.path = QDir::cleanPath(QDir(m_folder).filePath(record.file));
        // Retention deletes what an entry names, a folder with all it holds: an entry that names no file
        // in the backup folder (no name at all, "..", an absolute path, the catalog itself) is damage.
        if (!record.path.startsWith(inside) || record.path.startsWith(manifestPath()))
            return Error::failed(
                QStringLiteral("The backup catalog %1 is damaged: its entry \"%2\" names the file \"%3\", "
                               "which is not a backup in the folder %4.")
                    .arg(manifestPath(), record.id, record.file, m_folder),
                QStringLiteral("Nothing was changed; the backup files themselves are untouched."),
                QStringLiteral("Correct or remove that entry in the catalog, or restore the catalog from its "
                               ".bak copy beside it; a backup can also be restored by its path (strata-cli "
                               "restore PATH)."));
        records << record;
    }
    std::sort(records.begin(), records.end(),
              [](const BackupRecord& a, const BackupRecord& b) { return a.createdAt > b.createdAt; });
    return records;
}

Status BackupCatalog::write(const QList<BackupRecord>& records) const
{
    QJsonArray array;
    for (BackupRecord r : records) {
        r.path.clear(); // stored relative to the folder, so the folder can be moved
        array.append(r.toJson());
    }
    const QByteArray bytes =
        QJsonDocument(QJsonObject{{QStringLiteral("format"), 1}, {QStringLiteral("backups"), array}})
            .toJson();
    if (QFile::exists(manifestPath())) {
        QFile::remove(manifestPath() + QStringLiteral(".bak"));
        QFile::copy(manifestPath(), manifestPath() + QStringLiteral(".bak"));
    }
    if (const QString failed = DiskFile::writeWhole(manifestPath(), bytes); !failed.isEmpty())
        return Error::failed(
            QStringLiteral("Cannot write the backup catalog %1: %2.").arg(manifestPath(), failed),
            QStringLiteral("The catalog is as it was (it is replaced atomically)."),
            QStringLiteral("Check free disk space and permissions of %1.").arg(m_folder));
    return FileDigest::sync(manifestPath());
}

template <typename Change> Status BackupCatalog::modify(Change&& change)
{
    if (!QDir().mkpath(m_folder))
        return Error::badInput(
            QStringLiteral("Cannot create the backup folder %1.").arg(m_folder),
            QStringLiteral("Check the permissions of its parent folder, or set backup.directory."));
    QLockFile lock(manifestPath() + QStringLiteral(".lock"));
    if (!lock.tryLock(30000) && lock.error() != QLockFile::LockFailedError)
        // Not held by another run: the lock file could not be written (a full disk, or no permission).
        return Error::failed(
            QStringLiteral("Cannot write the lock file %1.lock of the backup catalog (is the disk of %2 "
                           "full?).")
                .arg(manifestPath(), m_folder),
            QStringLiteral("The catalog is as it was."),
            QStringLiteral("Free disk space on the filesystem of %1 (df -h %1) and check that this user "
                           "may write there, then run again.")
                .arg(m_folder));
    if (!lock.isLocked())
        return Error::locked(
            QStringLiteral("The backup catalog %1 stayed locked for 30 s.").arg(manifestPath()),
            QStringLiteral("Another Strata run is writing it; try again when it is done."));
    auto records = read();
    if (!records)
        return records.error();
    if (auto changed = change(*records); !changed)
        return changed;
    return write(*records);
}

Result<QList<BackupRecord>> BackupCatalog::list(const QString& database) const
{
    auto records = read();
    if (!records || database.isEmpty())
        return records;
    QList<BackupRecord> mine;
    for (const auto& r : *records)
        if (r.database == database)
            mine << r;
    return mine;
}

Result<BackupRecord> BackupCatalog::find(const QString& idOrPath) const
{
    auto records = read();
    if (!records)
        return records.error();
    const QString absolute = QFileInfo(idOrPath).absoluteFilePath();
    for (const auto& r : *records)
        if (r.id == idOrPath || r.path == absolute)
            return r;
    return Error::badInput(
        QStringLiteral("No backup \"%1\" in the catalog %2.").arg(idOrPath, manifestPath()),
        QStringLiteral("Run `strata-cli backups` for the ids, or give the backup file's path."));
}

Status BackupCatalog::add(const BackupRecord& record)
{
    return modify([&](QList<BackupRecord>& records) -> Status {
        records.prepend(record);
        return {};
    });
}

Status BackupCatalog::update(const BackupRecord& record)
{
    return modify([&](QList<BackupRecord>& records) -> Status {
        // The same backup: its id and its file. An id alone can be on two entries of a catalog that was
        // edited or merged by hand, and the other entry must not become a copy of this one.
        for (auto& r : records)
            if (r.id == record.id && r.file == record.file)
                r = record;
        return {};
    });
}

Result<QList<BackupRecord>> BackupCatalog::applyRetention(const QString& database, const Retention& retention)
{
    QList<BackupRecord> removed;
    auto status = modify([&](QList<BackupRecord>& records) -> Status {
        const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-retention.retentionDays);
        QString newestVerified;
        for (const auto& r : records) // newest first
            if (r.database == database && r.verified) {
                newestVerified = r.id;
                break;
            }
        int kept = 0;
        QList<BackupRecord> remaining;
        for (const auto& r : records) {
            if (r.database != database) {
                remaining << r;
                continue;
            }
            const bool tooOld = QDateTime::fromString(r.createdAt, Qt::ISODateWithMs) < cutoff;
            const bool tooMany = retention.maxBackups > 0 && kept >= retention.maxBackups;
            if (r.id != newestVerified && (tooOld || tooMany)) {
                removed << r;
                continue;
            }
            ++kept;
            remaining << r;
        }
        records = remaining;
        return {};
    });
    if (!status)
        return status.error();
    for (const auto& r : removed) {
        DiskFile::remove(r.path);
        BackupManifest::removeFor(r.path);
    }
    return removed;
}

} // namespace strata
