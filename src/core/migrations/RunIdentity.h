#pragma once

#include <QString>

namespace strata {

/// Who is running Strata and where: recorded with every step and shown to whoever waits for the lock.
struct RunIdentity
{
    QString user;
    QString host;
    qint64 pid = 0;
    QString toolVersion;

    static RunIdentity current();
    /// "strata 1234@host", the application_name of PostgreSQL sessions.
    QString applicationName() const;
};

} // namespace strata
