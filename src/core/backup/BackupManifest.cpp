#include "backup/BackupManifest.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include "common/DiskFile.h"
#include "common/FileDigest.h"

namespace strata {

QString BackupManifest::pathFor(const QString& backupPath)
{
    QString path = QFileInfo(backupPath).absoluteFilePath();
    while (path.endsWith(QLatin1Char('/')) && path.size() > 1)
        path.chop(1);
    return path + QStringLiteral(".manifest.json");
}

Status BackupManifest::write(const QString& backupPath) const
{
    const QString path = pathFor(backupPath);
    const QByteArray bytes = QJsonDocument(toJson()).toJson();
    if (const QString failed = DiskFile::writeWhole(path, bytes); !failed.isEmpty())
        return Error::failed(QStringLiteral("Cannot write the backup's manifest %1: %2.").arg(path, failed),
                             QStringLiteral("The database was not changed, and no backup was listed."),
                             QStringLiteral("Check free disk space and permissions of %1.")
                                 .arg(QFileInfo(path).absolutePath()));
    return FileDigest::sync(path);
}

Result<std::optional<BackupManifest>> BackupManifest::readFor(const QString& backupPath)
{
    const QString path = pathFor(backupPath);
    QFile file(path);
    if (!file.exists())
        return std::optional<BackupManifest>();
    const QString next =
        QStringLiteral("Copy the manifest that was taken with this backup beside it again, or pick another "
                       "backup (strata-cli backups).");
    if (!file.open(QIODevice::ReadOnly))
        return Error::refused(
            QStringLiteral("The backup's manifest %1 cannot be read: %2.").arg(path, file.errorString()),
            next);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error::refused(QStringLiteral("The backup's manifest %1 is damaged: %2 at offset %3.")
                                  .arg(path, parseError.errorString())
                                  .arg(parseError.offset),
                              next);
    BackupManifest manifest = fromJson(doc.object());
    if (manifest.formatVersion < 1 || manifest.formatVersion > kFormatVersion)
        return Error::refused(
            QStringLiteral("The backup's manifest %1 has format version %2; this Strata reads version %3.")
                .arg(path)
                .arg(manifest.formatVersion)
                .arg(kFormatVersion),
            QStringLiteral("Restore it with the Strata version that wrote it (%1).")
                .arg(manifest.strataVersion));
    if (manifest.sha256.isEmpty() || manifest.size <= 0)
        return Error::refused(
            QStringLiteral("The backup's manifest %1 records no size or SHA-256.").arg(path), next);
    return std::optional<BackupManifest>(manifest);
}

void BackupManifest::removeFor(const QString& backupPath)
{
    QFile::remove(pathFor(backupPath));
}

QJsonObject BackupManifest::toJson() const
{
    return QJsonObject{
        {QStringLiteral("strata_backup_manifest"), formatVersion},
        {QStringLiteral("backup_id"), backupId},
        {QStringLiteral("file"), file},
        {QStringLiteral("created_at"), createdAt},
        {QStringLiteral("format"), format},
        {QStringLiteral("size"), size},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("database"), database},
        {QStringLiteral("dialect"), dialect},
        {QStringLiteral("schema_version"), schemaVersion},
        {QStringLiteral("migration_set"),
         QJsonObject{{QStringLiteral("name"), setName},
                     {QStringLiteral("folder"), setFolder},
                     {QStringLiteral("applied_steps"), QJsonArray::fromStringList(appliedSteps)}}},
        {QStringLiteral("engine"), engine},
        {QStringLiteral("strata_version"), strataVersion},
        {QStringLiteral("run_id"), runId}};
}

BackupManifest BackupManifest::fromJson(const QJsonObject& o)
{
    BackupManifest m;
    m.formatVersion = o.value(QStringLiteral("strata_backup_manifest")).toInt();
    m.backupId = o.value(QStringLiteral("backup_id")).toString();
    m.file = o.value(QStringLiteral("file")).toString();
    m.createdAt = o.value(QStringLiteral("created_at")).toString();
    m.format = o.value(QStringLiteral("format")).toString();
    m.size = o.value(QStringLiteral("size")).toInteger();
    m.sha256 = o.value(QStringLiteral("sha256")).toString();
    m.database = o.value(QStringLiteral("database")).toString();
    m.dialect = o.value(QStringLiteral("dialect")).toString();
    m.schemaVersion = o.value(QStringLiteral("schema_version")).toInteger();
    const QJsonObject set = o.value(QStringLiteral("migration_set")).toObject();
    m.setName = set.value(QStringLiteral("name")).toString();
    m.setFolder = set.value(QStringLiteral("folder")).toString();
    for (const auto& step : set.value(QStringLiteral("applied_steps")).toArray())
        m.appliedSteps << step.toString();
    m.engine = o.value(QStringLiteral("engine")).toString();
    m.strataVersion = o.value(QStringLiteral("strata_version")).toString();
    m.runId = o.value(QStringLiteral("run_id")).toString();
    return m;
}

} // namespace strata
