#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli query [--csv|--json|--inserts] [--write] [--out FILE] [--table T | SQL]`: runs one statement
/// (the argument, or standard input) on a read-only session and streams its rows: tab-separated by default,
/// CSV as psql/sqlite3 write it, a JSON array of objects, or INSERT statements. --table exports a whole
/// table.
/// --out writes a file through a temporary file that becomes FILE only when whole. --write lets the
/// statement change the database. Exit 0 done, 2 bad usage or a statement the database rejects, 5 a write
/// refused by the read-only session, 1 any other failure.
class QueryCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
