#pragma once

#include <QByteArray>
#include <QString>

#include "common/Result.h"

namespace strata {

/// One dbmate migration file, read as dbmate 2.36.0 reads it (pkg/dbmate/migration.go; see
/// docs/migration-sets.md, "dbmate"): the `-- migrate:up` block runs forward, the `-- migrate:down` block is
/// the rollback, each marker's line may carry options such as `transaction:false`.
struct DbmateSqlFile
{
    QByteArray up; ///< the up block's text after its marker line
    int upFirstLine = 1;
    bool upTransaction = true; ///< `transaction:false` on the up marker's line clears it
    QByteArray down;           ///< the down block's text after its marker line (may hold no statement)
    int downFirstLine = 1;
    bool downTransaction = true;

    /// Whether a line starts (first column) with dbmate's block directive: "--", blanks, "migrate:up" or
    /// "migrate:down".
    static bool recognises(const QByteArray& bytes);
    /// Splits the file as dbmate does, or an error naming the file and saying what dbmate requires.
    static Result<DbmateSqlFile> parse(const QByteArray& bytes, const QString& path);
};

} // namespace strata
