#pragma once

#include <memory>
#include <optional>

#include <QString>
#include <QStringList>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "connection/Database.h"

namespace strata {

class PostgresDatabase;

/// The copy with the production data that a rehearsal runs the steps on, made from a verified backup and
/// removed when it goes away (also after a failure or a cancel). The backup itself is only read.
/// - SQLite: the backup file copied to <base>_strata_rehearsal_<time>.db in `folder` (beside the backups),
///   or to the file the operator named (--rehearse-on sqlite:PATH).
/// - PostgreSQL: the archive restored with pg_restore into <database>_strata_rehearsal_<time> on the live
///   database's server, or on the server the operator named (--rehearse-on postgresql://...).
/// Copies that a killed rehearsal left (same names) are found and removed first; the caller holds the live
/// database's run lock, so no other rehearsal of it is using them.
class RehearsalCopy
{
public:
    struct Where
    {
        QString folder;                      ///< SQLite: where the copy goes when no target is named
        std::optional<ConnectionUrl> target; ///< --rehearse-on
    };

    /// Refuses before anything is made: a target of the other engine, a SQLite target that exists, too
    /// little free disk for a SQLite copy of `backupSize` bytes.
    static Status check(Database& live, qint64 backupSize, const Where& where);
    static Result<std::unique_ptr<RehearsalCopy>> make(Database& live, const QString& backupPath,
                                                       qint64 backupSize, const Where& where,
                                                       const Progress& progress);
    ~RehearsalCopy();
    RehearsalCopy(const RehearsalCopy&) = delete;
    RehearsalCopy& operator=(const RehearsalCopy&) = delete;

    Database& db() { return *m_db; }
    /// "a copy of the backup in /backups/state_strata_rehearsal_20261206214500.db",
    /// "the scratch database risk_strata_rehearsal_20261206214500 on 127.0.0.1:5432".
    QString description() const { return m_description; }
    /// The copy's file (SQLite) or database name (PostgreSQL).
    QString name() const { return m_name; }
    QStringList leftoversDropped() const { return m_leftovers; }
    /// Removes the copy now, saying when that failed (the destructor tries again, silently).
    Status drop();

private:
    RehearsalCopy() = default;
    static Result<std::unique_ptr<RehearsalCopy>> makeSqlite(Database& live, const QString& backupPath,
                                                             const Where& where);
    static Result<std::unique_ptr<RehearsalCopy>> makePostgres(Database& live, const QString& backupPath,
                                                               const Where& where, const Progress& progress);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<PostgresDatabase> m_admin; ///< the session that created the scratch database (a target)
    Database* m_server = nullptr;              ///< where DROP DATABASE runs: m_admin or the live database
    QString m_name;
    QString m_description;
    QStringList m_leftovers;
    bool m_dropped = false;
};

} // namespace strata
