#pragma once

#include <optional>

#include <QString>
#include <QStringList>

#include "backup/BackupManifest.h"
#include "backup/BackupRecord.h"
#include "connection/Database.h"

namespace strata {

/// What a database is, or what a backup was taken of, as far as Strata can tell: the database's identity,
/// its migration set and the steps its history had applied. A restore compares the backup's origin with the
/// database it replaces, so that a backup of another database or another set is never restored by mistake.
struct BackupOrigin
{
    QString database;                        ///< identity; empty when unknown
    QString setName;                         ///< empty when unknown
    std::optional<QStringList> appliedSteps; ///< "V.S name" of each applied step; unknown when empty
    QString source;                          ///< where this was read: "its manifest", "the catalog", ...

    /// The database a restore would replace, with the migration set it is used with (empty: not known).
    static BackupOrigin ofDatabase(Database& db, const QString& setName);
    /// What a backup was taken of: its manifest, else its catalog entry, else (a SQLite file) the history
    /// the file itself holds.
    static BackupOrigin ofBackup(Database& db, const BackupRecord& record, bool listedInCatalog,
                                 const std::optional<BackupManifest>& manifest);
    /// "V.S name" of each step the history of `db` has applied.
    static Result<QStringList> appliedStepsOf(Database& db);

    /// Each known difference that makes the backup one of another database or another migration set, in
    /// words; empty when none is known. `strict` also counts a backup with none of `target`'s history.
    QStringList differencesFrom(const BackupOrigin& target, bool strict) const;
    /// "sqlite:/data/state.db, migration set risk_state" (what is known of it).
    QString describe() const;
    /// Whether two identities name one database (the same file; the same server, port and database name).
    static bool sameDatabase(const QString& a, const QString& b);
};

} // namespace strata
