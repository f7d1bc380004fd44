#include "backup/PartialBackupLock.h"

#include <cerrno>
#include <cstring>

#include <QFile>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace strata {

namespace {

/// Whether `fd` is still the file at `path`: a lock on a file someone has just removed locks nothing.
bool stillThere(int fd, const QString& path)
{
    struct stat opened
    {};
    struct stat named
    {};
    return ::fstat(fd, &opened) == 0 && ::stat(QFile::encodeName(path).constData(), &named) == 0 &&
           opened.st_dev == named.st_dev && opened.st_ino == named.st_ino;
}

} // namespace

PartialBackupLock::PartialBackupLock(int fd, QString path) : m_fd(fd), m_path(std::move(path)) {}

PartialBackupLock::~PartialBackupLock()
{
    if (m_removeFile)
        ::unlink(QFile::encodeName(m_path).constData());
    ::close(m_fd);
}

QString PartialBackupLock::lockPathFor(const QString& partialPath)
{
    return partialPath + QStringLiteral(".lock");
}

Result<std::unique_ptr<PartialBackupLock>> PartialBackupLock::acquire(const QString& partialPath)
{
    const QString path = lockPathFor(partialPath);
    const QByteArray name = QFile::encodeName(path);
    for (int attempt = 0; attempt < 5; ++attempt) {
        const int fd = ::open(name.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return Error::failed(QStringLiteral("Cannot create the lock file %1: %2.")
                                     .arg(path, QString::fromLocal8Bit(std::strerror(errno))),
                                 QStringLiteral("The database was not changed, and no backup was written."),
                                 QStringLiteral("Check the backup folder's permissions and free space."));
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd);
            return Error::locked(
                QStringLiteral("Another process is writing the backup %1 right now.").arg(partialPath),
                QStringLiteral("Wait for it to finish, or choose another --out path. The database was not "
                               "changed."));
        }
        if (stillThere(fd, path))
            return std::unique_ptr<PartialBackupLock>(new PartialBackupLock(fd, path));
        ::close(fd); // a sweep removed the file between open and flock: take the new one
    }
    return Error::failed(QStringLiteral("Cannot lock %1: it keeps being removed.").arg(path),
                         QStringLiteral("The database was not changed, and no backup was written."),
                         QStringLiteral("Try again."));
}

std::unique_ptr<PartialBackupLock> PartialBackupLock::takeAbandoned(const QString& partialPath,
                                                                    Writer* writer)
{
    const QString path = lockPathFor(partialPath);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        *writer = errno == ENOENT ? Writer::None : Writer::Alive;
        return nullptr;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0 || !stillThere(fd, path)) {
        ::close(fd);
        *writer = Writer::Alive;
        return nullptr;
    }
    *writer = Writer::Gone;
    return std::unique_ptr<PartialBackupLock>(new PartialBackupLock(fd, path));
}

PartialBackupLock::Writer PartialBackupLock::writerOf(const QString& partialPath)
{
    Writer writer = Writer::None;
    if (auto lock = takeAbandoned(partialPath, &writer))
        lock->m_removeFile = false;
    return writer;
}

} // namespace strata
