#include "migrations/RunEntry.h"

#include <QFile>
#include <QSysInfo>

namespace strata {

bool RunEntry::live() const
{
    if (pid <= 0 || host != QSysInfo::machineHostName())
        return false;
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    if (!comm.open(QIODevice::ReadOnly))
        return false;
    // A pid is reused: only a Strata process with that pid is the run itself.
    return QString::fromUtf8(comm.readAll()).trimmed().startsWith(QLatin1String("strata"));
}

QString RunEntry::consequence() const
{
    if (phase == QLatin1String("verification"))
        return QStringLiteral(
            "its verification never finished, so nothing has checked the database since its "
            "steps ran");
    if (phase == QLatin1String("post"))
        return QStringLiteral(
            "it was verified, but it never recorded its end: a post hook, when the set has one, may not have "
            "run");
    return QStringLiteral("it stopped between or inside its steps and was never verified");
}

} // namespace strata
