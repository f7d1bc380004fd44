#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// A session of the database that may block the migration or be blocked by it, as the pre-flight sees it
/// (pg_stat_activity, pg_locks, pg_blocking_pids); on SQLite, a process that has the file open.
struct BlockingSession
{
    int pid = 0;
    QString applicationName; ///< SQLite: the process name
    QString user;
    QString client;
    QString state; ///< active, idle in transaction, ... (SQLite: "has the file open")
    QString query;
    qint64 transactionMs = -1;  ///< how long its transaction has been open, -1: none
    qint64 stateMs = -1;        ///< how long it has been in its state
    qint64 snapshotAge = -1;    ///< age(backend_xmin) in transactions, -1: it holds no snapshot
    QString waitEventType;      ///< "Lock" when it waits for a lock
    QList<int> blockedBy;       ///< pg_blocking_pids
    QString planLocks;          ///< its locks on the tables the plan touches ("book AccessShareLock, ...")
    bool holdsPlanLock = false; ///< one of those locks is granted
    QList<int> blocks;          ///< the sessions it blocks (filled by BlockerReport)
    bool holdsFile = false;     ///< SQLite: a process that has the database file open
    // Read by the Sessions view (ServerSessions), which lists every session of the server:
    QString database;      ///< the database it is connected to (pg_stat_activity.datname)
    QString waitEvent;     ///< "relation", "transactionid", "ClientRead", ...
    QString backendType;   ///< "client backend", "autovacuum worker", "checkpointer", ...
    qint64 queryMs = -1;   ///< how long its current (or last) statement has run, -1: none
    QString awaitedLock;   ///< the lock it waits for: "ShareLock on transaction 812"
    bool maySignal = true; ///< this role may cancel or end it (PostgreSQL's rules for pg_signal_backend)

    bool idleInTransaction() const { return state.startsWith(QLatin1String("idle in transaction")); }
    /// Why it is listed: "holds book AccessShareLock", "idle in transaction for 40.0 s", "a snapshot 1200
    /// transactions old", "blocked by 4242", ...
    QStringList reasons(qint64 longTransactionMs) const;
    /// Whether it surely holds up the first step that touches those tables: it holds a lock on one of them
    /// and is idle in its transaction, or its transaction is older than `longTransactionMs`. On SQLite: any
    /// other process that has the file open (it may take the write lock at any moment).
    bool blocksThePlan(qint64 longTransactionMs) const;
    /// "pid 4242 (risk-daemon, user trader, idle in transaction for 40.0 s)".
    QString title() const;
    QJsonObject toJson(qint64 longTransactionMs) const;
};

} // namespace strata
