#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "timeouts/LockHolder.h"

namespace strata {

/// One wait of a step for a lock that ended in a timeout: what it waited for, for how long, and on whom.
struct LockWait
{
    int attempt = 1;           ///< which try of the step waited
    QString relation;          ///< the table (or lock kind) it asked for, empty when not seen
    QString mode;              ///< the lock mode it asked for (AccessExclusiveLock, ...)
    QList<LockHolder> holders; ///< empty when the wait was too short to see, or on SQLite
    qint64 timeoutMs = 0;      ///< the step's lock timeout
    qint64 backoffMs = 0;      ///< the pause before the next try (0 on the last)
    QString engineMessage;     ///< what the engine said

    /// "waited 5s for AccessExclusiveLock on book, held by pid 4242 (...)".
    QString describe() const;
    QString holdersText() const;
    QJsonObject toJson() const;
};

} // namespace strata
