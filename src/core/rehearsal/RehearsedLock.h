#pragma once

#include <QJsonObject>
#include <QString>

namespace strata {

/// A lock a rehearsed step held: on which table (PostgreSQL) or on the whole file (SQLite's write lock),
/// the strongest mode seen, and for how long.
struct RehearsedLock
{
    QString relation; ///< the table; "database" for SQLite's write lock on the whole file
    QString mode;     ///< "ACCESS EXCLUSIVE", "SHARE", ...; "WRITE" for SQLite
    qint64 heldMs = 0;

    QJsonObject toJson() const
    {
        return {{QStringLiteral("relation"), relation},
                {QStringLiteral("mode"), mode},
                {QStringLiteral("held_ms"), heldMs}};
    }
};

} // namespace strata
