#pragma once

#include <QHash>
#include <QPair>
#include <QString>

#include "schema/SchemaSnapshot.h"

namespace strata {

/// Assembles a SchemaSnapshot from catalog rows that arrive table by table. Finds a row's table or index by
/// hash (and remembers the last one, since rows come grouped), so 2,000 tables cost no more per row than 2.
///
/// Tables are all added first; pointers returned by table() stay valid until the next addTable().
class SnapshotBuilder
{
public:
    explicit SnapshotBuilder(Dialect dialect);

    SchemaSnapshot& snapshot() { return m_snapshot; }
    SchemaSnapshot take() { return std::move(m_snapshot); }

    TableInfo& addTable(const QString& schema, const QString& name);
    /// The table's position in snapshot().tables, -1 for a table the read left out (an extension's table,
    /// a SQLite virtual table): rows of those are skipped.
    int tableIndex(const QString& schema, const QString& name);
    TableInfo* table(const QString& schema, const QString& name);

    IndexInfo& addIndex(int tableIndex, IndexInfo index);
    /// nullptr when the index belongs to a table the read left out.
    IndexInfo* index(const QString& schema, const QString& indexName);

private:
    static QString key(const QString& schema, const QString& name);

    SchemaSnapshot m_snapshot;
    QHash<QString, int> m_tables;
    QHash<QString, QPair<int, int>> m_indexes; ///< schema + index name -> (table, index) positions
    QString m_lastSchema;
    QString m_lastTable;
    int m_lastTableIndex = -1;
    QString m_lastIndexSchema;
    QString m_lastIndexName;
    QPair<int, int> m_lastIndex{-1, -1};
};

} // namespace strata
