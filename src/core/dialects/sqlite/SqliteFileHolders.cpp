#include "dialects/sqlite/SqliteFileHolders.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace strata {

QStringList SqliteFileHolders::of(const QString& databasePath, bool withStrata)
{
    QStringList found;
    for (const auto& p : processes(databasePath, withStrata))
        found << QStringLiteral("pid %1 (%2)").arg(p.pid).arg(p.name);
    return found;
}

QList<SqliteFileHolders::Process> SqliteFileHolders::processes(const QString& databasePath, bool withStrata)
{
    const QString path = QFileInfo(databasePath).canonicalFilePath();
    if (path.isEmpty())
        return {};
    const QStringList paths{path, path + QStringLiteral("-wal"), path + QStringLiteral("-journal")};
    QList<Process> found;
    const qint64 self = QCoreApplication::applicationPid();
    const QDir proc(QStringLiteral("/proc"));
    for (const QString& pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const qint64 number = pid.toLongLong(&numeric);
        if (!numeric || number == self)
            continue;
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
        for (const QString& fd : fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
            if (!paths.contains(QFileInfo(fds.filePath(fd)).symLinkTarget()))
                continue;
            QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
            const QString name =
                comm.open(QIODevice::ReadOnly) ? QString::fromUtf8(comm.readAll()).trimmed() : QString();
            if (withStrata || !name.startsWith(QLatin1String("strata")))
                found << Process{number, name};
            break;
        }
    }
    return found;
}

} // namespace strata
