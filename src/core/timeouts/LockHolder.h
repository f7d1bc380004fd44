#pragma once

#include <QJsonObject>
#include <QString>

namespace strata {

/// A session that held a lock a step waited for, as seen from a second session while the step waited.
struct LockHolder
{
    int pid = 0;
    QString applicationName;
    QString user;
    QString state;     ///< pg_stat_activity.state: active, idle in transaction, ...
    QString query;     ///< its current or last statement
    qint64 heldMs = 0; ///< how long its transaction (or statement) had been open

    /// "pid 4242 (risk-daemon, user trader, idle in transaction for 12.3 s, last query: LOCK TABLE ...)".
    QString describe() const;
    QJsonObject toJson() const;
};

} // namespace strata
