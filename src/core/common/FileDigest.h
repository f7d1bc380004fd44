#pragma once

#include <QString>

#include "common/Progress.h"
#include "common/Result.h"

namespace strata {

/// Checksums and durability of files on disk.
class FileDigest
{
public:
    /// SHA-256 of a file (or of every file of a folder, in name order), as lowercase hex.
    static Result<QString> sha256(const QString& path, const Progress& progress = {});
    /// Flushes a file's data to disk (fsync), and its folder's entry.
    static Status sync(const QString& path);
    /// Total size of a file, or of every file of a folder.
    static qint64 size(const QString& path);
};

} // namespace strata
