#pragma once

#include <optional>

#include <QDateTime>
#include <QList>
#include <QString>

#include "connection/ConnectionUrl.h"
#include "preflight/BlockerReport.h"
#include "sessions/SqliteWalState.h"

namespace strata {

/// What the Sessions view shows at one moment. PostgreSQL: every session of the server (the reader's own
/// left out), linked into who blocks whom. SQLite: the processes that have the file open, and its log.
struct SessionsSnapshot
{
    Dialect dialect = Dialect::Postgres;
    QDateTime readAt;
    BlockerReport report; ///< the sessions, ordered client sessions first, by pid; `blocks` filled
    QString journalMode;  ///< SQLite: "wal", "delete", ...
    std::optional<SqliteWalState> wal; ///< SQLite

    /// The roots of the blocking tree: sessions that block another and wait for no listed session, those
    /// that hold up the most sessions (directly or not) first. A cycle the server has not broken yet shows
    /// its lowest pid.
    QList<const BlockingSession*> blockingRoots() const;
    /// The sessions `pid` blocks, directly or through the sessions it blocks.
    int blockedBehind(int pid) const;
    /// Sessions that wait for a lock another session holds.
    int waitingCount() const;
};

} // namespace strata
