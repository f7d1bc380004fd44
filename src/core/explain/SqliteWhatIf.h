#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include "connection/Database.h"

namespace strata {

/// Asks SQLite's own planner which index would turn a full scan into a search, the way the sqlite3 shell's
/// `.expert` does: the schema's tables and views are created again in an empty in-memory database, an
/// index is added there on each candidate column of the scanned tables, and the statement's plan is read
/// again. A table the planner now SEARCHes through one of those indexes names the columns it looks up by
/// ("SEARCH orders USING INDEX ... (state=?)"). Nothing is created in the operator's database and no row is
/// read: the in-memory copy has the schema only.
class SqliteWhatIf
{
public:
    /// `candidates`: for each table name as the plan shows it (the alias, if any), the table as created
    /// and the columns worth trying. Returns, by the same name, the columns the planner would look up by;
    /// `scanned` gets the names the what-if plan still reads in full (a join then scans another table in
    /// their place: not a plan that reads less).
    static QHash<QString, QStringList>
    lookupColumns(Database& db, const QString& sql,
                  const QHash<QString, QPair<QString, QStringList>>& candidates,
                  QStringList* scanned = nullptr);
    /// "account=? AND id>?" -> account, id.
    static QStringList columnsOfLookup(const QString& lookup);
};

} // namespace strata
