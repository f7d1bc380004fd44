#include "dialects/sqlite/SqliteRunLock.h"

#include <QDateTime>
#include <QFileInfo>
#include <QThread>

namespace strata {

SqliteRunLock::SqliteRunLock(const QString& lockPath)
    : m_lock(std::make_unique<QLockFile>(lockPath)), m_path(lockPath)
{
    m_lock->setStaleLockTime(0); // a long migration is never stale by age, only when its process is gone
}

SqliteRunLock::~SqliteRunLock()
{
    m_lock->unlock();
}

QString SqliteRunLock::lockPathFor(const QString& databasePath)
{
    return databasePath + QStringLiteral(".strata-lock");
}

QString SqliteRunLock::holderOf(const QString& lockPath)
{
    QLockFile probe(lockPath);
    qint64 pid = 0;
    QString host;
    QString app;
    if (!probe.getLockInfo(&pid, &host, &app))
        return {};
    const QDateTime since = QFileInfo(lockPath).lastModified().toUTC();
    return QStringLiteral("pid %1 on host %2 (%3) since %4 UTC")
        .arg(pid)
        .arg(host, app.isEmpty() ? QStringLiteral("unknown program") : app,
             since.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

Result<std::unique_ptr<SqliteRunLock>> SqliteRunLock::acquire(const QString& databasePath,
                                                              std::chrono::milliseconds timeout,
                                                              const WaitNotice& waiting)
{
    const QString lockPath = lockPathFor(databasePath);
    std::unique_ptr<SqliteRunLock> lock(new SqliteRunLock(lockPath));
    if (lock->m_lock->tryLock(0))
        return lock;
    if (lock->m_lock->error() == QLockFile::PermissionError)
        return Error::badInput(
            QStringLiteral("Cannot create the lock file %1: permission denied.").arg(lockPath),
            QStringLiteral("Strata needs to write in the database's folder; check its "
                           "permissions."));
    // The holder may release the lock, or a new holder may not have written its details yet, between the
    // attempt and the look: try again at once rather than announce a wait for nobody in particular.
    QString holder;
    for (int attempt = 0; attempt < 50 && holder.isEmpty(); ++attempt) {
        if (lock->m_lock->tryLock(0))
            return lock;
        holder = holderOf(lockPath);
        if (holder.isEmpty())
            QThread::msleep(2);
    }
    if (waiting)
        waiting(holder.isEmpty() ? QStringLiteral("another run") : holder);
    if (timeout.count() > 0 && lock->m_lock->tryLock(static_cast<int>(timeout.count())))
        return lock;
    const QString holderNow = holderOf(lockPath);
    return Error::locked(
        QStringLiteral("Another run holds the migration lock of %1: %2.")
            .arg(databasePath, holderNow.isEmpty() ? holder : holderNow),
        QStringLiteral("Wait for that run to finish, or raise --lock-timeout. A lock whose process has died "
                       "on this host is taken over automatically; one left by another host must be removed "
                       "by hand (%1) once you are sure that run is gone.")
            .arg(lockPath));
}

QString SqliteRunLock::describe() const
{
    return QStringLiteral("lock file %1").arg(m_path);
}

} // namespace strata
