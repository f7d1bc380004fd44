#pragma once

#include <QList>
#include <QSet>
#include <QStringList>

#include "connection/ConnectionUrl.h"
#include "schema/IndexAdvice.h"
#include "schema/SchemaSnapshot.h"

namespace strata {

/// Reads a table's indexes the way a DBA reviews them and says which ones cost writes and disk for
/// nothing, which are broken, and which foreign keys have no index. Pure: it looks only at the snapshot,
/// so the CLI, the app and the tests give the same advice for the same catalog.
///
/// The rules stay on the safe side: an index that enforces something (unique, primary key, constraint) is
/// never advised away as a prefix or as unused, and SQLite, which keeps no usage statistics, never gets
/// "unused" advice.
class IndexAdvisor
{
public:
    /// Advice for every table, ordered by schema, table, kind, index, columns.
    static QList<IndexAdvice> advise(const SchemaSnapshot& snapshot);
    /// Advice for one table, in the same order.
    static QList<IndexAdvice> advise(const TableInfo& table, Dialect dialect);
    /// Whether a lookup by `columns` (in any order) can use an index of `table`: the leading key columns of
    /// a valid, non-partial B-tree (or one-column hash) index, or the primary key, are exactly `columns`.
    static bool isCovered(const TableInfo& table, const QStringList& columns, Dialect dialect);

private:
    static QList<IndexAdvice> adviseTable(const TableInfo& table, Dialect dialect, QSet<QString>& takenNames);
};

} // namespace strata
