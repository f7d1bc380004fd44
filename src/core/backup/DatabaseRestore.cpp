#include "backup/DatabaseRestore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include "backup/BackupCatalog.h"
#include "backup/BackupManifest.h"
#include "backup/BackupOrigin.h"
#include "backup/DatabaseBackup.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteIntegrity.h"
#include "migrations/HistoryStore.h"

namespace strata {

namespace {

const QString kNothingTouched = QStringLiteral("Nothing was changed: the database was not touched.");

Error anotherDatabase(const QString& path, const QStringList& differences, const BackupOrigin& origin,
                      const BackupOrigin& target)
{
    return Error::refused(
               QStringLiteral("The backup %1 is of another database or migration set: %2 (as %3 records). "
                              "The backup: %4. This database: %5.")
                   .arg(path, differences.join(QStringLiteral("; ")), origin.source, origin.describe(),
                        target.describe()),
               QStringLiteral("Pick a backup of this database (strata-cli backups). If you mean to "
                              "replace this database with that one's content, run again with "
                              "--different-database."))
        .withUnchanged(kNothingTouched);
}

} // namespace

QString DatabaseRestore::asideName(Database& db, const QString& stamp)
{
    // A name another restore of the same second already took (a re-run right after a killed restore, whose
    // copy aside is complete) gets _2, _3, ...: the copy aside is never a reason to refuse, and never
    // overwritten.
    for (int n = 1;; ++n) {
        const QString suffix = n == 1 ? QString() : QStringLiteral("_%1").arg(n);
        if (db.dialect() == Dialect::Sqlite) {
            const QFileInfo file(static_cast<SqliteDatabase&>(db).path());
            const QString name = file.fileName() + QStringLiteral(".failed_") + stamp + suffix;
            const QDir folder = file.absoluteDir();
            if (!folder.exists(name) && !folder.exists(name + QStringLiteral(".partial")))
                return name;
            continue;
        }
        // PostgreSQL keeps 63 bytes of a name: the base is cut shorter when a suffix must fit.
        const QString name = BackupEngine::forDatabase(db)->baseName().left(n == 1 ? 40 : 36) +
                             QStringLiteral("_failed_") + stamp + suffix;
        const auto taken =
            db.query(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?"), {name});
        if (!taken || taken->rows.isEmpty() || taken->rows.first().value(0).toLongLong() == 0)
            return name;
    }
}

Result<DatabaseRestore::Outcome> DatabaseRestore::restore(Database& db, const BackupRecord& record,
                                                          const Progress& progress, const Options& options)
{
    auto outcome = check(db, record, progress, options);
    if (!outcome)
        return outcome;
    if (auto replaced = replace(db, record, *outcome, progress); !replaced)
        return replaced.error();
    return outcome;
}

Result<DatabaseRestore::Outcome> DatabaseRestore::restore(Database& db, const BackupRecord& record,
                                                          const Progress& progress)
{
    return restore(db, record, progress, Options());
}

Result<DatabaseRestore::Outcome> DatabaseRestore::check(Database& db, const BackupRecord& record,
                                                        const Progress& progress, const Options& options)
{
    Outcome outcome;
    if (!QFileInfo::exists(record.path))
        return Error::badInput(QStringLiteral("The backup %1 does not exist.").arg(record.path),
                               QStringLiteral("Run `strata-cli backups` for the backups Strata knows."),
                               kNothingTouched);

    // What the backup must prove: the size and SHA-256 its catalog entry or its manifest recorded.
    auto manifest = BackupManifest::readFor(record.path);
    if (!manifest)
        return manifest.error().withUnchanged(kNothingTouched);
    auto listed = BackupCatalog(QFileInfo(record.path).absolutePath()).find(record.path);
    BackupRecord expected = record;
    QString recordedBy;
    if (listed) {
        expected.size = listed->size;
        expected.sha256 = listed->sha256;
        recordedBy = QStringLiteral("the catalog");
        if (*manifest && ((*manifest)->sha256 != listed->sha256 || (*manifest)->size != listed->size))
            return Error::refused(
                       QStringLiteral(
                           "The catalog and the manifest of the backup %1 disagree: the catalog says %2 "
                           "bytes, SHA-256 %3; the manifest %4 says %5 bytes, SHA-256 %6.")
                           .arg(record.path)
                           .arg(listed->size)
                           .arg(listed->sha256, BackupManifest::pathFor(record.path))
                           .arg((*manifest)->size)
                           .arg((*manifest)->sha256),
                       QStringLiteral(
                           "Find out which is right (strata-cli verify %1), or pick another backup.")
                           .arg(record.path))
                .withUnchanged(kNothingTouched);
    } else if (*manifest) {
        expected.size = (*manifest)->size;
        expected.sha256 = (*manifest)->sha256;
        recordedBy = QStringLiteral("its manifest");
    } else if (!record.sha256.isEmpty()) {
        recordedBy = QStringLiteral("the catalog");
    }
    outcome.unverified = expected.sha256.isEmpty();
    if (outcome.unverified) {
        expected.size = 0;
        if (!options.allowUnverified)
            return Error::refused(
                       QStringLiteral(
                           "The backup %1 has neither a manifest (%2) nor an entry in a backup "
                           "catalog, so Strata cannot check that it is the file that was backed up "
                           "(its size and SHA-256).")
                           .arg(record.path, BackupManifest::pathFor(record.path)),
                       QStringLiteral("Restore a backup Strata lists (strata-cli backups), or copy the "
                                      "backup's manifest beside it. If you are sure of this file, restore it "
                                      "unverified: strata-cli restore --unverified %1")
                           .arg(record.path))
                .withUnchanged(kNothingTouched);
        outcome.warnings << QStringLiteral("Restored UNVERIFIED: %1 has no manifest and no catalog entry, so "
                                           "its size and SHA-256 were not checked.")
                                .arg(record.path);
    }

    // Whose backup it is: the same database and migration set, unless the operator says otherwise.
    const BackupOrigin target = BackupOrigin::ofDatabase(db, options.setName);
    const BackupOrigin origin = BackupOrigin::ofBackup(db, record, listed.ok(), *manifest);
    const QStringList differences = origin.differencesFrom(target, outcome.unverified);
    if (!differences.isEmpty()) {
        const QString detail = differences.join(QStringLiteral("; "));
        if (!options.allowDifferentDatabase)
            return anotherDatabase(record.path, differences, origin, target);
        outcome.warnings << QStringLiteral(
                                "Restored over a different database or set (--different-database): "
                                "%1.")
                                .arg(detail);
    } else if (!options.allowDifferentDatabase && !origin.appliedSteps && target.appliedSteps &&
               !target.appliedSteps->isEmpty()) {
        // Nothing recorded says whose backup this is, and the file cannot be read as it is (a pg_dump
        // archive): its history is read once it is restored, before it replaces anything.
        const bool strict = outcome.unverified;
        outcome.vetRestored = [target, strict, path = record.path](Database& restored) -> Status {
            BackupOrigin seen;
            seen.source = QStringLiteral("the history it holds");
            auto steps = BackupOrigin::appliedStepsOf(restored);
            if (!steps)
                return {};
            seen.appliedSteps = *steps;
            const QStringList found = seen.differencesFrom(target, strict);
            if (found.isEmpty())
                return {};
            return anotherDatabase(path, found, seen, target);
        };
    }

    outcome.backupChecks =
        DatabaseBackup::verify(db, expected, IntegrityMode::Full, false, progress, recordedBy);
    QStringList failures;
    if (!DatabaseBackup::usable(outcome.backupChecks, &failures))
        return Error::refused(
                   QStringLiteral("The backup %1 failed its checks, so Strata will not restore it: %2.")
                       .arg(record.path, failures.join(QStringLiteral("; "))),
                   QStringLiteral("Pick another backup (strata-cli backups), or check the disk it is on."))
            .withUnchanged(kNothingTouched);
    return outcome;
}

Status DatabaseRestore::replace(Database& db, const BackupRecord& record, Outcome& outcome,
                                const Progress& progress)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd_HHmmss"));
    auto engine = BackupEngine::forDatabase(db);
    auto aside = engine->restore(record.path, asideName(db, stamp), progress, outcome.vetRestored);
    if (!aside)
        return aside.error();
    outcome.keptAside = *aside;

    if (db.dialect() == Dialect::Sqlite)
        outcome.afterChecks << SqliteIntegrity::check(static_cast<SqliteDatabase&>(db).path(),
                                                      IntegrityMode::Full, progress);
    auto tables = db.userTables();
    outcome.afterChecks << (tables ? CheckResult::passed(QStringLiteral("readable"),
                                                         QStringLiteral("%1 tables").arg(tables->size()))
                                   : CheckResult::failed(QStringLiteral("readable"), tables.error().what));
    if (auto history = HistoryStore(db).read())
        outcome.schemaVersion = history->currentVersion();
    return {};
}

} // namespace strata
