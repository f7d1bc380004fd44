#pragma once

#include <optional>

#include <QString>
#include <QStringList>

#include "connection/Database.h"
#include "review/TableLoad.h"

namespace strata {

/// How big one SQLite table is and who has its database open, for the review: rows counted with count(*)
/// up to a bound (SQLite keeps no estimate unless ANALYZE ran), bytes from dbstat when this SQLite has it
/// (otherwise unknown, and the whole file's page_count x page_size is said instead), and the processes
/// holding the file open (SqliteFileHolders). `sizeSource` says which.
class SqliteTableLoad
{
public:
    /// Counting stops here: "more than 10,000,000 rows" is enough to know a statement is long.
    static constexpr qint64 kRowBound = 10'000'000;

    /// A catalog error is written to `problem` (the first one only) and the load is returned unread.
    /// `holders`: the processes holding the file open, the same for every table of the database: read from
    /// /proc when empty (it takes milliseconds), then reused for the other tables of the review.
    static TableLoad read(Database& db, const QString& table, QString& problem,
                          std::optional<QStringList>& holders);
    /// The file's bytes (page_count x page_size); -1 when unreadable.
    static qint64 fileBytes(Database& db);
};

} // namespace strata
