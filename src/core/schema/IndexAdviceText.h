#pragma once

#include <QSet>
#include <QString>

#include "connection/ConnectionUrl.h"
#include "schema/IndexAdvice.h"
#include "schema/SetOwnedIndexes.h"
#include "schema/TableInfo.h"
#include "schema/UsageStatistics.h"

namespace strata {

/// Words and SQL of index advice: what IndexAdvisor decided, said to the operator with the statement that
/// carries it out in the database's own dialect. Kept apart from the rules so that each reads on its own.
class IndexAdviceText
{
public:
    /// `owned`: the indexes the migration set creates, whose drop is advised as a new migration step.
    IndexAdviceText(Dialect dialect, const SetOwnedIndexes& owned) : m_dialect(dialect), m_owned(owned) {}

    IndexAdvice invalid(const TableInfo& table, const IndexInfo& index) const;
    /// `index` has the same shape as `kept`, which stays.
    IndexAdvice duplicate(const TableInfo& table, const IndexInfo& index, const IndexInfo& kept) const;
    /// `index`'s key is a leading prefix of `longer`'s, which stays.
    IndexAdvice prefix(const TableInfo& table, const IndexInfo& index, const IndexInfo& longer) const;
    /// `usage` covers at least UsageStatistics::kMinimumCoverageDays.
    IndexAdvice unused(const TableInfo& table, const IndexInfo& index, const UsageStatistics& usage) const;
    /// Suggests a new index with a name not in `takenNames` (and adds it there).
    IndexAdvice unindexedForeignKey(const TableInfo& table, const ForeignKeyInfo& fk,
                                    QSet<QString>& takenNames) const;

    /// An identifier as it must be written in SQL: bare when the engine reads it back unchanged.
    QString quoted(const QString& name) const;
    /// schema.name (SQLite's "main" left out).
    QString qualified(const QString& schema, const QString& name) const;

private:
    QString dropSql(const TableInfo& table, const IndexInfo& index) const;
    /// Turns a drop of an index the set creates into a new migration step's work.
    void throughMigrationStep(IndexAdvice& advice) const;

    Dialect m_dialect;
    const SetOwnedIndexes& m_owned;
};

} // namespace strata
