#include "run/WriterProbe.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

namespace {

/// Other processes holding `paths` open, as "pid N (name)", read from /proc.
QStringList holders(const QStringList& paths)
{
    QStringList found;
    const qint64 self = QCoreApplication::applicationPid();
    const QDir proc(QStringLiteral("/proc"));
    for (const QString& pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const qint64 number = pid.toLongLong(&numeric);
        if (!numeric || number == self)
            continue;
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
        for (const QString& fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
            const QString target = QFileInfo(fds.filePath(fd)).symLinkTarget();
            if (paths.contains(target)) {
                QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
                const QString name =
                    comm.open(QIODevice::ReadOnly) ? QString::fromUtf8(comm.readAll()).trimmed() : QString();
                // Other Strata processes only read, or wait for the run lock this run holds: not writers.
                if (!name.startsWith(QLatin1String("strata")))
                    found << QStringLiteral("pid %1 (%2)").arg(pid, name);
                break;
            }
        }
    }
    return found;
}

CheckResult probeSqlite(SqliteDatabase& db)
{
    const QString name = QStringLiteral("no other writer");
    const QString path = QFileInfo(db.path()).canonicalFilePath();
    const QStringList others =
        holders({path, path + QStringLiteral("-wal"), path + QStringLiteral("-journal")});
    if (!others.isEmpty())
        return CheckResult::failed(
            name, QStringLiteral("%1 has the database open: stop it (the pre hook should) and run "
                                 "again")
                      .arg(others.join(QStringLiteral(", "))));
    // A hot journal left by a crashed writer was already rolled back when this run first read the
    // database; a -journal file that is still there is not hot, and a live writer shows in the lock probe.
    // The lock probe: a write lock must be free right now.
    sqlite3_busy_timeout(db.handle(), 0);
    const int rc = sqlite3_exec(db.handle(), "BEGIN IMMEDIATE; ROLLBACK;", nullptr, nullptr, nullptr);
    sqlite3_busy_timeout(db.handle(), 5000);
    if (rc != SQLITE_OK) {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        return CheckResult::failed(name,
                                   QStringLiteral("another connection holds a lock on the database (%1)")
                                       .arg(QString::fromUtf8(sqlite3_errstr(rc))));
    }
    const qint64 wal = QFileInfo(path + QStringLiteral("-wal")).size();
    return CheckResult::passed(
        name, QStringLiteral("no other process has it open; write lock free%1")
                  .arg(wal > 0 ? QStringLiteral("; -wal holds %1 bytes, included in the backup").arg(wal)
                               : QString()));
}

CheckResult probePostgres(Database& db)
{
    const QString name = QStringLiteral("no other writer");
    auto sessions = db.query(QStringLiteral(
        "SELECT pid, coalesce(application_name, ''), coalesce(usename, ''), coalesce(host(client_addr), "
        "'local'), state "
        "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
        "AND backend_type = 'client backend' AND coalesce(application_name, '') NOT LIKE 'strata %'"));
    if (!sessions)
        return CheckResult::notRun(name, sessions.error().what);
    if (sessions->isEmpty())
        return CheckResult::passed(
            name, QStringLiteral("no other session is connected (pg_stat_activity; other Strata "
                                 "sessions only read or wait for the lock)"));
    QStringList who;
    for (const auto& row : sessions->rows)
        who << QStringLiteral("pid %1 %2@%3 (%4, %5)")
                   .arg(row.value(0).toString(), row.value(2).toString(), row.value(3).toString(),
                        row.value(1).toString(), row.value(4).toString());
    return CheckResult::failed(
        name, QStringLiteral("other sessions are connected: %1; stop them (the pre hook should) "
                             "and run again")
                  .arg(who.join(QStringLiteral(", "))));
}

} // namespace

CheckResult WriterProbe::probe(Database& db)
{
    if (db.dialect() == Dialect::Sqlite)
        return probeSqlite(static_cast<SqliteDatabase&>(db));
    return probePostgres(db);
}

} // namespace strata
