#pragma once

#include <QByteArray>
#include <QString>

namespace strata {

/// Files and folders of Strata's own on disk (backups, manifests, catalogs, run logs): written whole or not
/// at all, removed, and their sizes said as operators read them.
class DiskFile
{
public:
    /// Writes `bytes` to `path` atomically (a temporary file renamed into place). Empty when done, else why
    /// not. The data is flushed before the rename: a write the disk had no room for fails there, where
    /// QSaveFile::commit() alone would put an empty file in place (Qt 6.4).
    static QString writeWhole(const QString& path, const QByteArray& bytes);
    /// Removes a file, or a folder with everything in it (a link to a folder is removed, not followed).
    static bool remove(const QString& path);
    /// "1.2 GB", "6.4 MB": a size as the backup messages say it.
    static QString humanSize(qint64 bytes);
};

} // namespace strata
