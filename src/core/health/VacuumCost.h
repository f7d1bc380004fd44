#pragma once

#include <QString>

#include "common/Result.h"

namespace strata {

/// The free disk a SQLite VACUUM needs, checked before it starts. VACUUM first builds a copy of the
/// database in SQLite's temporary folder, then writes that copy back through the rollback journal or the
/// write-ahead log next to the database: about the database's size in each place, twice it when both are
/// on one file system.
class VacuumCost
{
public:
    /// The folder SQLite puts its temporary files in on Unix: SQLITE_TMPDIR, TMPDIR, /var/tmp, /usr/tmp,
    /// /tmp, the first that is a writable folder.
    static QString sqliteTempFolder();
    /// Refused, naming both figures, when the free space is short of what VACUUM of `databaseBytes` needs.
    static Status check(const QString& databasePath, qint64 databaseBytes,
                        const QString& tempFolder = sqliteTempFolder());
    /// The text an operator reads before choosing VACUUM.
    static QString describe(qint64 databaseBytes);
};

} // namespace strata
