#include "timeouts/StepTimeoutSession.h"

#include "dialects/sqlite/SqliteDatabase.h"
#include "timeouts/DurationText.h"

namespace strata {

namespace {

/// The busy timeout a run's SQLite connection has between steps (reading the history, writing rows).
constexpr std::chrono::milliseconds kRunBusyTimeout{60000};

Status setPostgres(Database& db, const StepLimits& limits)
{
    const QString scope = limits.inTransaction ? QStringLiteral("SET LOCAL ") : QStringLiteral("SET ");
    if (limits.lockTimeout)
        if (auto set = db.execute(
                scope +
                QStringLiteral("lock_timeout = '%1'").arg(DurationText::postgresValue(*limits.lockTimeout)));
            !set)
            return set;
    if (limits.statementTimeout)
        if (auto set = db.execute(scope + QStringLiteral("statement_timeout = '%1'")
                                              .arg(DurationText::postgresValue(*limits.statementTimeout)));
            !set)
            return set;
    return {};
}

} // namespace

Status StepTimeoutSession::beforeBegin(Database& db, const StepLimits& limits)
{
    if (db.dialect() == Dialect::Sqlite) {
        // A busy timeout of 0 would fail at once; "no limit" waits as long as the run waits between steps.
        if (limits.lockTimeout)
            static_cast<SqliteDatabase&>(db).setBusyTimeout(
                limits.lockTimeout->count() > 0 ? *limits.lockTimeout : kRunBusyTimeout);
        return {};
    }
    return limits.inTransaction ? Status() : setPostgres(db, limits);
}

Status StepTimeoutSession::afterBegin(Database& db, const StepLimits& limits)
{
    if (db.dialect() == Dialect::Sqlite || !limits.inTransaction)
        return {};
    return setPostgres(db, limits);
}

std::optional<std::chrono::milliseconds> StepTimeoutSession::sessionLockTimeout(Database& db)
{
    if (db.dialect() != Dialect::Postgres)
        return std::nullopt;
    auto rows = db.query(db.catalogSql(QStringLiteral("session_lock_timeout")));
    if (!rows || rows->isEmpty() || rows->value(0, 0).toLongLong() <= 0)
        return std::nullopt;
    return std::chrono::milliseconds(rows->value(0, 0).toLongLong());
}

void StepTimeoutSession::reset(Database& db, const StepLimits& limits)
{
    if (db.dialect() == Dialect::Sqlite) {
        if (limits.lockTimeout)
            static_cast<SqliteDatabase&>(db).setBusyTimeout(kRunBusyTimeout);
        return;
    }
    if (limits.inTransaction)
        return; // SET LOCAL ended with the transaction
    if (limits.lockTimeout)
        (void)db.execute(QStringLiteral("RESET lock_timeout"));
    if (limits.statementTimeout)
        (void)db.execute(QStringLiteral("RESET statement_timeout"));
}

} // namespace strata
