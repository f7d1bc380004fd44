#include "sessions/ServerSessions.h"

#include "dialects/sqlite/SqliteDatabase.h"
#include "preflight/BlockerScan.h"

namespace strata {

namespace {

QList<int> pidList(const QString& text)
{
    QList<int> out;
    for (const QString& p : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!out.contains(p.toInt())) // a parallel query's workers repeat their leader's blocker
            out << p.toInt();
    return out;
}

Result<SessionsSnapshot> readSqlite(Database& db)
{
    SessionsSnapshot snapshot;
    snapshot.dialect = Dialect::Sqlite;
    snapshot.readAt = QDateTime::currentDateTimeUtc();
    auto holders = BlockerScan::scan(db, {});
    if (!holders)
        return holders.error();
    snapshot.report = std::move(holders).value();
    auto mode = db.query(QStringLiteral("PRAGMA journal_mode"));
    if (!mode)
        return mode.error().prefixed(QStringLiteral("Cannot read the journal mode of %1").arg(db.display()));
    snapshot.journalMode = mode->value(0, 0).toString().toLower();
    snapshot.wal = SqliteWalState::read(static_cast<SqliteDatabase&>(db).path());
    return snapshot;
}

} // namespace

Result<SessionsSnapshot> ServerSessions::read(Database& db)
{
    if (db.dialect() == Dialect::Sqlite)
        return readSqlite(db);
    SessionsSnapshot snapshot;
    snapshot.readAt = QDateTime::currentDateTimeUtc();
    snapshot.report.database = db.display();
    auto rows = db.query(db.catalogSql(QStringLiteral("server_sessions")));
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Cannot list the sessions of the server"));
    for (const auto& row : rows->rows) {
        BlockingSession s;
        s.pid = row.value(0).toInt();
        s.applicationName = row.value(1).toString();
        s.user = row.value(2).toString();
        s.client = row.value(3).toString();
        s.database = row.value(4).toString();
        s.state = row.value(5).toString();
        s.query = row.value(6).toString();
        s.queryMs = row.value(7).toLongLong();
        s.transactionMs = row.value(8).toLongLong();
        s.stateMs = row.value(9).toLongLong();
        s.snapshotAge = row.value(10).toLongLong();
        s.waitEventType = row.value(11).toString();
        s.waitEvent = row.value(12).toString();
        s.backendType = row.value(13).toString();
        s.blockedBy = pidList(row.value(14).toString());
        s.awaitedLock = row.value(15).toString();
        s.maySignal = row.value(16).toString() == QLatin1String("t");
        snapshot.report.sessions << s;
    }
    snapshot.report.link();
    return snapshot;
}

} // namespace strata
