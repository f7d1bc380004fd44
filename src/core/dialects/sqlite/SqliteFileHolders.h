#pragma once

#include <QString>
#include <QStringList>

namespace strata {

/// The other processes on this machine that have a SQLite database open (its file, -wal or -journal), read
/// from /proc, as "pid N (name)": whom the operator must stop before a run, or who holds a lock.
class SqliteFileHolders
{
public:
    /// `withStrata`: also Strata's own processes (other runs and inspections), which only read or wait for
    /// the run lock and are not writers of the daemon's kind.
    static QStringList of(const QString& databasePath, bool withStrata);

    /// One process that has the database open.
    struct Process
    {
        qint64 pid = 0;
        QString name; ///< /proc/PID/comm
    };
    /// The same processes, by pid and name.
    static QList<Process> processes(const QString& databasePath, bool withStrata);
};

} // namespace strata
