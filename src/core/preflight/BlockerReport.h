#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "preflight/BlockingSession.h"

namespace strata {

/// What the live pre-flight found: the sessions that may block the migration or be blocked by it, as a
/// blocking tree (a session under the one that blocks it), and on SQLite the processes that have the file
/// open. The wizard's pre-flight page and `strata-cli blockers` show it.
struct BlockerReport
{
    QString database;
    QStringList tables; ///< the tables the pending steps name
    qint64 longTransactionMs = 60000;
    QList<BlockingSession> sessions; ///< ordered by pid; `blocks` filled

    /// Fills each session's `blocks` from the others' `blockedBy`.
    void link();
    bool isEmpty() const { return sessions.isEmpty(); }
    /// The sessions that surely hold up the first step (BlockingSession::blocksThePlan).
    QList<BlockingSession> planBlockers() const;
    /// Roots of the tree: sessions no listed session blocks.
    QList<BlockingSession> roots() const;
    const BlockingSession* find(int pid) const;
    /// The tree as indented lines: "pid 4242 (risk-daemon, ...): holds book AccessShareLock; ..." with the
    /// sessions it blocks below it.
    QStringList treeLines() const;
    /// One line for the pre-flight's check.
    QString summary() const;
    QJsonObject toJson() const;
};

} // namespace strata
