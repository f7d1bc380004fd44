// Feeds BackupManifest::readFor the manifest that travels with a backup (<backup>.manifest.json), and
// BackupOrigin what a restore compares with it: the database identities (ConnectionUrl underneath) and
// the migration set's applied steps.
#include <QJsonDocument>

#include "FuzzCheck.h"
#include "FuzzFolder.h"
#include "backup/BackupManifest.h"
#include "backup/BackupOrigin.h"

using namespace strata;
using strata::fuzz::check;

namespace {

QByteArray json(const BackupManifest& manifest)
{
    return QJsonDocument(manifest.toJson()).toJson(QJsonDocument::Compact);
}

void checkOrigin(const BackupManifest& m)
{
    BackupOrigin backup;
    backup.database = m.database;
    backup.setName = m.setName;
    backup.appliedSteps = m.appliedSteps;
    backup.source = QStringLiteral("its manifest");
    check(backup.differencesFrom(backup, false).isEmpty(),
          QStringLiteral("a backup of %1 differs from itself: %2")
              .arg(backup.describe(), backup.differencesFrom(backup, false).join(QStringLiteral("; "))));
    // The same question asked the other way round has the same answer.
    for (const QString& other : {m.setFolder, m.file, m.backupId})
        check(BackupOrigin::sameDatabase(m.database, other) == BackupOrigin::sameDatabase(other, m.database),
              QStringLiteral("sameDatabase(%1, %2) is not symmetric").arg(m.database, other));
    BackupOrigin target;
    target.database = m.setFolder;
    target.setName = m.runId;
    target.appliedSteps = QStringList{m.engine, m.strataVersion};
    (void)backup.differencesFrom(target, true);
    (void)target.differencesFrom(backup, false);
    (void)target.describe();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const fuzz::FuzzFolder folder;
    const QString backup = folder.filePath(QStringLiteral("20261121-140212-state.db"));
    folder.write(QStringLiteral("20261121-140212-state.db.manifest.json"),
                 QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    const auto manifest = BackupManifest::readFor(backup);
    if (!manifest) {
        check(manifest.error().what.contains(BackupManifest::pathFor(backup)),
              QStringLiteral("a manifest error that does not name the manifest: %1")
                  .arg(manifest.error().what));
        return 0;
    }
    check(manifest->has_value(), "the manifest that is there was not read");
    const BackupManifest& m = **manifest;
    check(m.size > 0 && !m.sha256.isEmpty(), "a manifest without size or SHA-256 was accepted");
    const BackupManifest again = BackupManifest::fromJson(m.toJson());
    check(json(again) == json(m), "the manifest does not read back as written");
    checkOrigin(m);
    return 0;
}
