#include "backup/DatabaseBackup.h"

#include <optional>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QUuid>

#include "backup/BackupManifest.h"
#include "backup/BackupOrigin.h"
#include "backup/PartialBackupLock.h"
#include "common/DiskFile.h"
#include "common/FileDigest.h"
#include "dialects/postgres/PostgresBackupEngine.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

namespace {

/// Free bytes below which the backup folder's filesystem counts as full, as for a step's writes.
constexpr qint64 kNearlyFull = 64 * 1024;

/// The part of a failed write's message that says the disk is full, or nothing when it does not say so and
/// the folder's filesystem has room: pg_dump and SQLite name ENOSPC each in their own words.
std::optional<QString> diskFullIn(const Error& error, const QString& folder)
{
    static const QStringList said{QStringLiteral("No space left on device"),
                                  QStringLiteral("database or disk is full"),
                                  QStringLiteral("Disk quota exceeded")};
    for (const QString& part : error.what.split(QStringLiteral(" / ")))
        for (const QString& words : said)
            if (part.contains(words, Qt::CaseInsensitive))
                return part.trimmed();
    const QStorageInfo storage(folder);
    if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < kNearlyFull)
        return error.what;
    return std::nullopt;
}

} // namespace

QString DatabaseBackup::defaultFolder(const ConnectionUrl& url, const QString& configured)
{
    if (!configured.isEmpty())
        return QDir(configured).absolutePath();
    if (url.dialect() == Dialect::Sqlite)
        return QFileInfo(url.sqlitePath()).dir().filePath(QStringLiteral("backups"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("strata/backups"));
}

QString DatabaseBackup::defaultFolder(Database& db, const QString& configured)
{
    if (db.dialect() == Dialect::Sqlite)
        return defaultFolder(
            *ConnectionUrl::parse(QStringLiteral("sqlite:") + static_cast<SqliteDatabase&>(db).path()),
            configured);
    return defaultFolder(static_cast<PostgresDatabase&>(db).url(), configured);
}

Result<BackupRecord> DatabaseBackup::take(Database& db, const Request& request, const Progress& progress)
{
    auto engine = BackupEngine::forDatabase(db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString stamp = now.toString(QStringLiteral("yyyyMMdd_HHmmss"));
    QString finalPath = request.outPath;
    if (finalPath.isEmpty()) {
        const QString label = request.label.isEmpty() ? QString() : request.label + QLatin1Char('_');
        const QString stem =
            QDir(request.folder).filePath(engine->baseName() + QLatin1Char('_') + label + stamp);
        finalPath = stem + engine->fileSuffix();
        for (int n = 2;
             QFileInfo::exists(finalPath) || QFileInfo::exists(finalPath + QStringLiteral(".partial")); ++n)
            finalPath = QStringLiteral("%1_%2%3").arg(stem).arg(n).arg(engine->fileSuffix());
    }
    finalPath = QFileInfo(finalPath).absoluteFilePath();
    const QString folder = QFileInfo(finalPath).absolutePath();
    const QString unchanged = QStringLiteral("The database was not changed, and no backup was listed.");

    if (!QDir().mkpath(folder) || !QFileInfo(folder).isWritable())
        return Error::badInput(
            QStringLiteral("The backup folder %1 is not writable.").arg(folder),
            QStringLiteral("Fix its permissions, or point backup.directory (or --out) at a folder "
                           "this user can write."),
            unchanged);
    if (QFileInfo::exists(finalPath))
        return Error::badInput(QStringLiteral("%1 already exists.").arg(finalPath),
                               QStringLiteral("Choose another --out path; Strata never overwrites a backup."),
                               unchanged);
    const qint64 needed = engine->estimatedSize();
    const QStorageInfo storage(folder);
    if (storage.isValid() && storage.bytesAvailable() < needed + needed / 10)
        return Error::failed(
            QStringLiteral("Not enough free disk for the backup in %1: %2 free, about %3 needed.")
                .arg(folder, DiskFile::humanSize(storage.bytesAvailable()),
                     DiskFile::humanSize(needed + needed / 10)),
            unchanged, QStringLiteral("Free disk space there, or point backup.directory elsewhere."));

    const QString partial = finalPath + QStringLiteral(".partial");
    // Held while the backup is written: a later run knows a .partial whose lock is free as a killed run's.
    auto writing = PartialBackupLock::acquire(partial);
    if (!writing)
        return writing.error();
    DiskFile::remove(partial);
    auto fail = [&](const Error& error) {
        DiskFile::remove(partial);
        return error.withUnchanged(unchanged + QStringLiteral(" The partial file was removed."));
    };
    // A write that fails for want of space names the full disk and the folder, not the database or the role.
    auto failWriting = [&](const Error& error) {
        const auto full = diskFullIn(error, folder);
        if (!full)
            return fail(error);
        return fail(Error::failed(
            QStringLiteral("The disk of the backup folder %1 is full: the backup could not be written (%2).")
                .arg(folder, *full),
            QString(),
            QStringLiteral("Free disk space on the filesystem of %1 (df -h %1), or point backup.directory "
                           "(or --out) at another disk, then run again.")
                .arg(folder)));
    };
    if (auto written = engine->write(partial, progress); !written)
        return failWriting(written.error());
    if (auto synced = FileDigest::sync(partial); !synced)
        return failWriting(synced.error());

    BackupRecord record;
    record.checks = engine->check(partial, request.integrity, progress);
    const qint64 size = FileDigest::size(partial);
    if (const auto expected = engine->expectedSize())
        record.checks
            << (size == *expected
                    ? CheckResult::passed(QStringLiteral("size"),
                                          QStringLiteral("%1 bytes, as the database's pages").arg(size))
                    : CheckResult::failed(QStringLiteral("size"),
                                          QStringLiteral("%1 bytes, expected %2").arg(size).arg(*expected)));
    else
        record.checks << (size > 0 ? CheckResult::passed(QStringLiteral("size"),
                                                         QStringLiteral("%1 bytes").arg(size))
                                   : CheckResult::failed(QStringLiteral("size"),
                                                         QStringLiteral("the backup is empty")));
    auto digest = FileDigest::sha256(partial, progress);
    if (!digest)
        return fail(digest.error());
    record.checks << CheckResult::passed(QStringLiteral("sha256"), *digest);
    if (!CheckResult::allPassed(record.checks)) {
        QStringList failures;
        for (const auto& c : record.checks)
            if (!c.ok())
                failures << QStringLiteral("%1: %2").arg(c.name, c.detail);
        return fail(Error::failed(
            QStringLiteral("The backup failed its checks: %1.").arg(failures.join(QStringLiteral("; "))),
            unchanged, QStringLiteral("Check the database and the disk, then try again.")));
    }
    record.id = QStringLiteral("%1-%2-%3")
                    .arg(now.toString(QStringLiteral("yyyyMMdd-HHmmss")), engine->baseName(),
                         QUuid::createUuid().toString(QUuid::Id128).left(6));

    // The manifest goes first: a backup under its final name always has the manifest that proves it.
    BackupManifest manifest;
    manifest.backupId = record.id;
    manifest.file = QFileInfo(finalPath).fileName();
    manifest.createdAt = now.toString(Qt::ISODateWithMs);
    manifest.format = engine->format();
    manifest.size = size;
    manifest.sha256 = *digest;
    manifest.database = engine->databaseIdentity();
    manifest.dialect = dialectName(db.dialect());
    manifest.schemaVersion = request.schemaVersion;
    manifest.setName = request.setName;
    manifest.setFolder = request.setFolder.isEmpty() ? QString() : QDir(request.setFolder).absolutePath();
    if (auto steps = BackupOrigin::appliedStepsOf(db))
        manifest.appliedSteps = *steps;
    if (auto version = db.engineVersion())
        manifest.engine = *version;
    manifest.strataVersion = QStringLiteral(STRATA_VERSION);
    manifest.runId = request.runId;
    if (auto written = manifest.write(finalPath); !written) {
        BackupManifest::removeFor(finalPath);
        return failWriting(written.error());
    }
    if (!QDir().rename(partial, finalPath)) {
        BackupManifest::removeFor(finalPath);
        return fail(Error::failed(QStringLiteral("Cannot rename %1 to %2.").arg(partial, finalPath),
                                  unchanged, QStringLiteral("Check the backup folder.")));
    }
    (void)FileDigest::sync(finalPath);

    record.file = QFileInfo(finalPath).fileName();
    record.path = finalPath;
    record.createdAt = now.toString(Qt::ISODateWithMs);
    record.database = engine->databaseIdentity();
    record.dialect = dialectName(db.dialect());
    record.format = engine->format();
    record.schemaVersion = request.schemaVersion;
    record.size = size;
    record.sha256 = *digest;
    record.verified = true;
    record.runId = request.runId;
    record.note = request.label;

    BackupCatalog catalog(folder);
    if (auto added = catalog.add(record); !added)
        return added.error().withUnchanged(
            QStringLiteral(
                "The database was not changed. The backup %1 is complete and checked but not listed.")
                .arg(finalPath));
    if (request.applyRetention)
        (void)catalog.applyRetention(record.database, request.retention);
    return record;
}

QList<CheckResult> DatabaseBackup::verify(Database& db, const BackupRecord& record, IntegrityMode mode,
                                          bool testRestore, const Progress& progress,
                                          const QString& recordedBy)
{
    QList<CheckResult> checks;
    if (!QFileInfo::exists(record.path))
        return {
            CheckResult::failed(QStringLiteral("exists"), QStringLiteral("%1 is missing").arg(record.path))};
    const qint64 size = FileDigest::size(record.path);
    if (record.size > 0)
        checks
            << (size == record.size
                    ? CheckResult::passed(QStringLiteral("size"), QStringLiteral("%1 bytes").arg(size))
                    : CheckResult::failed(
                          QStringLiteral("size"),
                          QStringLiteral("%1 bytes, %2 says %3").arg(size).arg(recordedBy).arg(record.size)));
    auto digest = FileDigest::sha256(record.path, progress);
    if (!digest)
        checks << CheckResult::failed(QStringLiteral("sha256"), digest.error().what);
    else if (record.sha256.isEmpty())
        checks << CheckResult::notRun(QStringLiteral("sha256"),
                                      QStringLiteral("no checksum recorded for this file"));
    else
        checks << (*digest == record.sha256
                       ? CheckResult::passed(QStringLiteral("sha256"), *digest)
                       : CheckResult::failed(
                             QStringLiteral("sha256"),
                             QStringLiteral("%1, %2 says %3").arg(*digest, recordedBy, record.sha256)));
    auto engine = BackupEngine::forDatabase(db);
    checks << engine->check(record.path, mode, progress);
    if (testRestore && db.dialect() == Dialect::Postgres)
        checks << static_cast<PostgresBackupEngine&>(*engine).testRestore(record.path, progress);
    return checks;
}

bool DatabaseBackup::usable(const QList<CheckResult>& checks, QStringList* problems)
{
    QStringList found;
    bool engineCheckPassed = false;
    for (const auto& c : checks) {
        const bool optional = c.name == QLatin1String("sha256") && c.state == CheckResult::State::NotRun;
        if (!c.ok() && !optional)
            found << QStringLiteral("%1: %2").arg(c.name, c.detail);
        if (c.ok() && c.name != QLatin1String("sha256") && c.name != QLatin1String("size"))
            engineCheckPassed = true;
    }
    if (!engineCheckPassed && found.isEmpty())
        found << QStringLiteral("no check of the backup's content passed");
    if (problems)
        *problems = found;
    return found.isEmpty();
}

Result<BackupRecord> DatabaseBackup::locate(Database& db, const QString& folder, const QString& idOrPath)
{
    auto record = BackupCatalog(folder).find(idOrPath);
    if (record)
        return record;
    const QFileInfo file(idOrPath);
    if (!file.exists())
        return record.error();
    if (auto beside = BackupCatalog(file.absolutePath()).find(file.absoluteFilePath()))
        return beside;
    return describeFile(db, idOrPath);
}

Result<BackupRecord> DatabaseBackup::describeFile(Database& db, const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::badInput(QStringLiteral("The backup %1 does not exist.").arg(path),
                               QStringLiteral("Run `strata-cli backups` for the backups Strata knows."));
    auto engine = BackupEngine::forDatabase(db);
    BackupRecord record;
    record.id = info.fileName();
    record.file = info.fileName();
    record.path = info.absoluteFilePath();
    record.createdAt = info.lastModified().toUTC().toString(Qt::ISODateWithMs);
    record.database = engine->databaseIdentity();
    record.dialect = dialectName(db.dialect());
    record.format = engine->format();
    auto manifest = BackupManifest::readFor(record.path);
    if (manifest && *manifest) {
        const BackupManifest& m = **manifest;
        if (!m.backupId.isEmpty())
            record.id = m.backupId;
        record.createdAt = m.createdAt;
        record.database = m.database;
        record.format = m.format.isEmpty() ? record.format : m.format;
        record.schemaVersion = m.schemaVersion;
        record.size = m.size;
        record.sha256 = m.sha256;
        record.runId = m.runId;
    }
    return record;
}

} // namespace strata
