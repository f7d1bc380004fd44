#pragma once

#include <memory>
#include <vector>

#include <QList>
#include <QStringList>

#include "connection/Database.h"
#include "tools/ForeignHistory.h"
#include "tools/ToolHistory.h"

namespace strata {

/// Every other tool whose history Strata recognises, and the reading of all of them in one database.
class ToolHistories
{
public:
    /// One adapter per tool, in a stable order (the order `status` lists them in).
    static const std::vector<std::unique_ptr<ToolHistory>>& all();

    /// The other tools' history tables found in `db` (whose tables are `userTables`), each with its rows.
    /// A table with a tool's name but other columns is not that tool's and is left out. A recognised table
    /// that cannot be read is returned with its error, so that reading Strata's own history never fails on
    /// it.
    static QList<ForeignHistory> read(Database& db, const QStringList& userTables);
    /// The tables of the current schema that read() looks for in `userTables` (a schema-qualified one, such
    /// as Atlas's on PostgreSQL, is looked for by read() itself).
    static QStringList tablesRead(Dialect dialect);
};

} // namespace strata
