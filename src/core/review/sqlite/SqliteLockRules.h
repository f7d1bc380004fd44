#pragma once

#include "common/Result.h"
#include "review/sqlite/SqliteFindings.h"

namespace strata {

/// The SQLite rules of what holds the write lock long: index builds, hand-written table rebuilds, big
/// UPDATEs and DELETEs (sized on the live table), DELETE without WHERE, and VACUUM with its disk.
class SqliteLockRules
{
public:
    /// An UPDATE or DELETE matching more rows than this holds the write lock long enough to matter.
    static constexpr qint64 kLargeWriteRows = 10'000;
    /// A WHERE no index serves makes an UPDATE or DELETE read every row; above this many rows the scan alone
    /// holds the write lock long enough to matter (and the review does not count the matches: that would be
    /// the same scan).
    static constexpr qint64 kLargeScanRows = 100'000;

    static void createIndex(SqliteFindings& findings, const SqliteStepStatement& s);
    static Status write(SqliteFindings& findings, const SqliteStepStatement& s);
    static void vacuum(SqliteFindings& findings, const SqliteStepStatement& s);
    static Status rebuild(SqliteFindings& findings, const SqliteRebuild& r);
};

} // namespace strata
