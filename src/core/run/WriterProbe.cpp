#include "run/WriterProbe.h"

#include <QFileInfo>

#include <sqlite3.h>

#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteFileHolders.h"

namespace strata {

namespace {

CheckResult probeSqlite(SqliteDatabase& db)
{
    const QString name = QStringLiteral("no other writer");
    const QString path = QFileInfo(db.path()).canonicalFilePath();
    const QStringList others = SqliteFileHolders::of(path, false);
    if (!others.isEmpty())
        return CheckResult::failed(
            name, QStringLiteral("%1 has the database open: stop it (the pre hook should) and run "
                                 "again")
                      .arg(others.join(QStringLiteral(", "))));
    // A hot journal left by a crashed writer was already rolled back when this run first read the
    // database; a -journal file that is still there is not hot, and a live writer shows in the lock probe.
    // The lock probe: a write lock must be free right now.
    db.setBusyTimeout(std::chrono::milliseconds(0));
    const int rc = sqlite3_exec(db.handle(), "BEGIN IMMEDIATE; ROLLBACK;", nullptr, nullptr, nullptr);
    db.setBusyTimeout(std::chrono::milliseconds(5000));
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
