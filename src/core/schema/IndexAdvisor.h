#pragma once

#include <optional>

#include <QList>
#include <QSet>
#include <QStringList>

#include "connection/ConnectionUrl.h"
#include "schema/IndexAdvice.h"
#include "schema/SchemaSnapshot.h"
#include "schema/SetOwnedIndexes.h"
#include "schema/UsageStatistics.h"

namespace strata {

/// What the advice knows beyond the catalog: which indexes the migration set creates (kept in a duplicate
/// pair, and dropped only through a new migration step) and since when the usage statistics count.
struct IndexAdviceContext
{
    SetOwnedIndexes owned;
    /// PostgreSQL's usage statistics; unset (SQLite, or not read) means no index is ever called unused.
    std::optional<UsageStatistics> usage;
    /// Advice from query plans explained on this database (IndexAdvice::Kind::MissingForQuery): listed with
    /// the table's own advice while no index serves its lookup yet, and no longer once one does.
    QList<IndexAdvice> fromPlans;
};

/// Reads a table's indexes the way a DBA reviews them and says which ones cost writes and disk for
/// nothing, which are broken, and which foreign keys have no index. Pure: it looks only at the snapshot,
/// so the CLI, the app and the tests give the same advice for the same catalog.
///
/// The rules stay on the safe side: an index that enforces something (unique, primary key, constraint) is
/// never advised away as a prefix or as unused; "unused" is said only on PostgreSQL when its usage
/// statistics have counted for UsageStatistics::kMinimumCoverageDays (SQLite keeps none); of a duplicate
/// pair the index the migration set creates is kept, and an index the set creates is dropped only by a new
/// migration step (IndexAdvice::ownerStep), never by a raw DROP.
class IndexAdvisor
{
public:
    /// Advice for every table, ordered by schema, table, kind, index, columns.
    static QList<IndexAdvice> advise(const SchemaSnapshot& snapshot, const IndexAdviceContext& context = {});
    /// Advice for one table, in the same order.
    static QList<IndexAdvice> advise(const TableInfo& table, Dialect dialect,
                                     const IndexAdviceContext& context = {});
    /// Whether a lookup by `columns` (in any order) can use an index of `table`: the leading key columns of
    /// a valid, non-partial B-tree (or one-column hash) index, or the primary key, are exactly `columns`.
    static bool isCovered(const TableInfo& table, const QStringList& columns, Dialect dialect);

    /// Whether a lookup by `columns` already has an index to start from: one covers them all, or one
    /// starts with one of them. A plan that still reads the whole table then does so by the planner's
    /// choice (few rows, stale statistics), which another index would not change.
    static bool hasLookupIndex(const TableInfo& table, const QStringList& columns, Dialect dialect);

private:
    static QList<IndexAdvice> adviseTable(const TableInfo& table, Dialect dialect,
                                          const IndexAdviceContext& context, QSet<QString>& takenNames);
};

} // namespace strata
