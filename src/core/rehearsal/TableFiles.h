#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// Each table's data file as the engine names it (PostgreSQL: pg_class.relfilenode; SQLite: the table's
/// root page). A table that keeps its name but gets a new file was rewritten.
class TableFiles
{
public:
    using Snapshot = QHash<QString, QString>;

    static Result<Snapshot> read(Database& db);
    /// Tables present in both whose file changed, by name.
    static QStringList rewritten(const Snapshot& before, const Snapshot& after);
};

} // namespace strata
