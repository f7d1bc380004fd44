#pragma once

#include "backup/BackupEngine.h"
#include "verify/CheckResult.h"

namespace strata {

/// PRAGMA integrity_check or quick_check on a SQLite file, opened read-only (the file is never changed),
/// with memory-mapped I/O and a large page cache so that the check reads each page once.
class SqliteIntegrity
{
public:
    static CheckResult check(const QString& path, IntegrityMode mode, const Progress& progress = {});
};

} // namespace strata
