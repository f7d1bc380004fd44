#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "connection/Database.h"
#include "verify/CheckResult.h"

namespace strata {

/// What killed runs leave behind, found by the next run: partial backups in the backup folder
/// (`*.partial` files and `*.dumpdir.partial` folders), scratch databases of drift checks, test restores and
/// restores on the PostgreSQL server, and Strata's files in the temporary folder. What nothing can still be
/// using is removed; the rest is listed with what to do about it. Nothing here touches the database itself.
///
/// - A `.partial` whose writer is gone (its lock is free: PartialBackupLock) is removed; one that a live
///   process is writing is left alone and not mentioned; one without a lock file is listed only.
/// - Scratch databases are listed only (with the command that drops them): a drift check or verify of
///   another run may be about to use one.
/// - A password file an earlier Strata wrote in the temporary folder is always removed.
/// - A temporary folder of a drift check (SQLite) that no process has open is removed.
/// - The partial copy a killed restore left beside a SQLite file is removed under the run lock, else listed.
class LeftoverSweep
{
public:
    enum class Mode {
        Clean, ///< remove what is safe to remove (migrate, backup)
        List,  ///< only say what is there (status); password files are removed all the same
    };

    struct Leftover
    {
        enum class Kind { PartialBackup, ScratchDatabase, PasswordFile, TemporaryFolder };
        Kind kind = Kind::PartialBackup;
        QString where;    ///< a path, or a database's name
        qint64 size = -1; ///< bytes; -1 when not known
        bool removed = false;
        QString text; ///< the line the operator reads
        QString kindName() const;
        QJsonObject toJson() const;
    };

    /// `runLockHeld`: the caller holds the database's run lock, so no restore of it is running (the partial
    /// copy a killed restore left beside a SQLite file may then go).
    static QList<Leftover> sweep(Database& db, const QString& backupFolder, Mode mode,
                                 bool runLockHeld = false);
    /// One passed check "leftover" per leftover, for a run's pre-flight.
    static QList<CheckResult> checks(const QList<Leftover>& leftovers);
};

} // namespace strata
