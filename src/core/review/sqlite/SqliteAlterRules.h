#pragma once

#include "common/Result.h"
#include "review/sqlite/SqliteFindings.h"

namespace strata {

/// The SQLite rules of ALTER TABLE and DROP TABLE: forms SQLite does not have, ADD COLUMN that it refuses,
/// DROP/RENAME COLUMN that the running version or the live schema refuses, destructive drops, renames.
class SqliteAlterRules
{
public:
    /// SQLite versions the rules depend on (sqlite3_libversion_number()).
    static constexpr int kRenameColumnVersion = 3'025'000;
    static constexpr int kDropColumnVersion = 3'035'000;
    /// A NOT NULL column without default, a non-constant default and a STORED column are refused only when
    /// the table has rows (sqlite3ErrorIfNotEmpty) in SQLite's sources from 3.33 on (3.40.1 checked by the
    /// tests); the review takes older versions as refusing them always, which at worst over-warns.
    static constexpr int kEmptyTableAddColumnVersion = 3'033'000;

    static void alterUnsupported(SqliteFindings& findings, const SqliteStepStatement& s);
    static void addColumn(SqliteFindings& findings, const SqliteStepStatement& s);
    static Status dropColumn(SqliteFindings& findings, const SqliteStepStatement& s);
    static void renameColumn(SqliteFindings& findings, const SqliteStepStatement& s);
    static void renameTable(SqliteFindings& findings, const SqliteStepStatement& s);
    static void dropTable(SqliteFindings& findings, const SqliteStepStatement& s);
};

} // namespace strata
