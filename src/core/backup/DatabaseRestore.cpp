#include "backup/DatabaseRestore.h"

#include <QDateTime>
#include <QFileInfo>

#include "backup/DatabaseBackup.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteIntegrity.h"
#include "migrations/HistoryStore.h"

namespace strata {

QString DatabaseRestore::asideName(Database& db, const QString& stamp)
{
    if (db.dialect() == Dialect::Sqlite)
        return QFileInfo(static_cast<SqliteDatabase&>(db).path()).fileName() + QStringLiteral(".failed_") +
               stamp;
    return BackupEngine::forDatabase(db)->baseName().left(40) + QStringLiteral("_failed_") + stamp;
}

Result<DatabaseRestore::Outcome> DatabaseRestore::restore(Database& db, const BackupRecord& record,
                                                          const Progress& progress)
{
    Outcome outcome;
    outcome.backupChecks = DatabaseBackup::verify(db, record, IntegrityMode::Full, false, progress);
    QStringList failures;
    if (!DatabaseBackup::usable(outcome.backupChecks, &failures))
        return Error::refused(
            QStringLiteral("The backup %1 failed its checks, so Strata will not restore it: %2.")
                .arg(record.path, failures.join(QStringLiteral("; "))),
            QStringLiteral("Pick another backup (strata-cli backups), or check the disk it is on."));

    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd_HHmmss"));
    auto engine = BackupEngine::forDatabase(db);
    auto aside = engine->restore(record.path, asideName(db, stamp), progress);
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
    return outcome;
}

} // namespace strata
