#include "schema/SnapshotBuilder.h"

namespace strata {

SnapshotBuilder::SnapshotBuilder(Dialect dialect)
{
    m_snapshot.dialect = dialect;
}

QString SnapshotBuilder::key(const QString& schema, const QString& name)
{
    // U+001F cannot appear in an unquoted name and practically never in a quoted one.
    return schema + QChar(0x1f) + name;
}

TableInfo& SnapshotBuilder::addTable(const QString& schema, const QString& name)
{
    m_tables.insert(key(schema, name), static_cast<int>(m_snapshot.tables.size()));
    TableInfo& table = m_snapshot.tables.emplace_back();
    table.schema = schema;
    table.name = name;
    m_lastTableIndex = -1;
    m_lastSchema.clear();
    m_lastTable.clear();
    return table;
}

int SnapshotBuilder::tableIndex(const QString& schema, const QString& name)
{
    if (m_lastTableIndex >= 0 && name == m_lastTable && schema == m_lastSchema)
        return m_lastTableIndex;
    const int found = m_tables.value(key(schema, name), -1);
    m_lastSchema = schema;
    m_lastTable = name;
    m_lastTableIndex = found;
    return found;
}

TableInfo* SnapshotBuilder::table(const QString& schema, const QString& name)
{
    const int found = tableIndex(schema, name);
    return found < 0 ? nullptr : &m_snapshot.tables[found];
}

IndexInfo& SnapshotBuilder::addIndex(int tableIndex, IndexInfo index)
{
    QList<IndexInfo>& indexes = m_snapshot.tables[tableIndex].indexes;
    m_indexes.insert(key(index.schema, index.name), {tableIndex, static_cast<int>(indexes.size())});
    indexes.append(std::move(index));
    return indexes.last();
}

IndexInfo* SnapshotBuilder::index(const QString& schema, const QString& indexName)
{
    if (m_lastIndex.first < 0 || indexName != m_lastIndexName || schema != m_lastIndexSchema) {
        m_lastIndex = m_indexes.value(key(schema, indexName), {-1, -1});
        m_lastIndexSchema = schema;
        m_lastIndexName = indexName;
    }
    if (m_lastIndex.first < 0)
        return nullptr;
    return &m_snapshot.tables[m_lastIndex.first].indexes[m_lastIndex.second];
}

} // namespace strata
