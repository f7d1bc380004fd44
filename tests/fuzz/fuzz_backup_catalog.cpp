// Feeds BackupCatalog a strata-backups.json (and BackupRecord every entry of it): lists it, finds its
// backups by id and path, writes it back, and applies retention to it. Whatever the catalog says, the
// backups it names are inside its folder: retention deletes them.
#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include "FuzzCheck.h"
#include "FuzzFolder.h"
#include "backup/BackupCatalog.h"

using namespace strata;
using strata::fuzz::check;

namespace {

bool strictlyInside(const QString& path, const QString& folder)
{
    const QString clean = QDir::cleanPath(path);
    return clean.startsWith(folder + QLatin1Char('/')) && clean != folder;
}

QByteArray json(const BackupRecord& record)
{
    return QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact);
}

QList<QByteArray> sortedJson(const QList<BackupRecord>& records)
{
    QList<QByteArray> all;
    for (const BackupRecord& r : records)
        all << json(r);
    std::sort(all.begin(), all.end());
    return all;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const fuzz::FuzzFolder folder;
    folder.write(QStringLiteral("backups/strata-backups.json"),
                 QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    BackupCatalog catalog(folder.filePath(QStringLiteral("backups")));
    const auto records = catalog.list();
    if (!records) {
        check(!records.error().what.isEmpty() && !records.error().next.isEmpty(),
              "an error without what or next");
        return 0;
    }
    for (const BackupRecord& r : *records) {
        // Checked before anything below can delete: a path outside the folder ends the run here.
        check(strictlyInside(r.path, catalog.folder()),
              QStringLiteral("the catalog entry \"%1\" (file \"%2\") resolves to %3, outside its folder %4")
                  .arg(r.id, r.file, r.path, catalog.folder()));
        check(r.path != catalog.manifestPath(), "a backup that is the catalog itself");
        const BackupRecord again = BackupRecord::fromJson(r.toJson());
        check(json(again) == json(r),
              QStringLiteral("the record %1 does not read back as written").arg(r.id));
    }
    if (records->isEmpty())
        return 0;

    const BackupRecord first = records->first();
    const auto found = catalog.find(first.id);
    check(found.ok(), QStringLiteral("the listed backup %1 is not found by id").arg(first.id));
    check(catalog.find(first.path).ok(),
          QStringLiteral("the listed backup %1 is not found by path").arg(first.path));

    // Updating the first backup changes its entries (the same id and file: entries listed twice are one
    // backup) and no other: the catalog lists the same backups.
    if (!catalog.update(first))
        return 0;
    const auto reread = catalog.list();
    check(reread.ok(), "the catalog Strata wrote does not read back");
    QList<BackupRecord> expected = *records;
    for (BackupRecord& r : expected)
        if (r.id == first.id && r.file == first.file)
            r = first;
    const auto before = sortedJson(expected);
    const auto after = sortedJson(*reread);
    for (qsizetype i = 0; i < qMax(before.size(), after.size()); ++i)
        check(before.value(i) == after.value(i),
              QStringLiteral("the catalog changed when one backup was updated: %1 became %2")
                  .arg(QString::fromUtf8(before.value(i)), QString::fromUtf8(after.value(i))));

    // Retention over the first backup's database: with a file for each backup, so that it deletes some.
    for (const BackupRecord& r : *records)
        if (!QFileInfo::exists(r.path))
            folder.write(QDir(folder.path()).relativeFilePath(r.path), QByteArrayLiteral("backup"));
    QString newestVerified; // as the catalog is now, after the update
    for (const BackupRecord& r : *reread)
        if (r.database == first.database && r.verified) {
            newestVerified = r.id;
            break;
        }
    const auto removed = catalog.applyRetention(first.database, {1, 1});
    if (!removed)
        return 0;
    check(QFileInfo(catalog.folder()).isDir(), "retention deleted the backup folder");
    for (const BackupRecord& r : *removed) {
        check(r.id != newestVerified || newestVerified.isEmpty(),
              QStringLiteral("retention deleted the newest verified backup %1").arg(r.id));
        check(r.database == first.database, "retention deleted another database's backup");
    }
    return 0;
}
