#include "migrations/RunIdentity.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

namespace strata {

RunIdentity RunIdentity::current()
{
    RunIdentity identity;
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name)
        identity.user = QString::fromLocal8Bit(pw->pw_name);
    if (identity.user.isEmpty())
        identity.user = qEnvironmentVariable("USER", QStringLiteral("unknown"));
    identity.host = QSysInfo::machineHostName();
    identity.pid = QCoreApplication::applicationPid();
    identity.toolVersion = QStringLiteral(STRATA_VERSION);
    return identity;
}

QString RunIdentity::applicationName() const
{
    return QStringLiteral("strata %1@%2").arg(pid).arg(host).left(63);
}

} // namespace strata
