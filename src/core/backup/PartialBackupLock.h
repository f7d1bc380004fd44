#pragma once

#include <memory>

#include <QString>

#include "common/Result.h"

namespace strata {

/// Says that a backup being written (`<backup>.partial`) still has a writer: a lock file beside it
/// (`<backup>.partial.lock`) that the writing process holds (flock) for as long as it writes. The kernel
/// releases the lock when that process ends, however it ends, so a `.partial` whose lock is free was left by
/// a run that was killed, and the next run may remove it (LeftoverSweep).
class PartialBackupLock
{
public:
    /// What holds a `.partial` on disk.
    enum class Writer {
        Alive, ///< a live process holds its lock: a backup is being written
        Gone,  ///< its lock file is there and free: the run that wrote it was killed
        None,  ///< no lock file: written by a Strata that did not lock (or the lock file was removed)
    };

    /// Taken by the writer before the `.partial` exists, held until the backup has its final name or is
    /// removed.
    static Result<std::unique_ptr<PartialBackupLock>> acquire(const QString& partialPath);
    /// Taken by the sweep: the lock of a `.partial` whose writer is gone (nullptr otherwise; `writer` says
    /// why).
    static std::unique_ptr<PartialBackupLock> takeAbandoned(const QString& partialPath, Writer* writer);
    /// Only looks: who holds the `.partial` now (its lock file stays as it is).
    static Writer writerOf(const QString& partialPath);
    static QString lockPathFor(const QString& partialPath);

    /// Removes the lock file, then releases the lock.
    ~PartialBackupLock();
    PartialBackupLock(const PartialBackupLock&) = delete;
    PartialBackupLock& operator=(const PartialBackupLock&) = delete;

private:
    PartialBackupLock(int fd, QString path);

    int m_fd;
    QString m_path;
    bool m_removeFile = true;
};

} // namespace strata
