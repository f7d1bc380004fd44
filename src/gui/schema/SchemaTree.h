#pragma once

#include <memory>

#include <QTreeWidget>

#include "schema/SchemaSnapshot.h"

namespace strata {

/// The schema of one connection as a tree: each schema (SQLite: main), then Tables, Views, Indexes,
/// Triggers, Sequences and Enum types with their counts, and Strata's own history tables in a group of
/// their own so they never mix with the operator's tables. Tables expand to their columns and indexes,
/// built when first expanded so that 2,000 tables open at once.
class SchemaTree : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { Name, Details };
    /// What a row stands for (ItemKindRole).
    enum class Node { Schema, Group, Table, Column, Index, View, Trigger, Sequence, EnumType };
    static constexpr int ItemKindRole = Qt::UserRole;
    static constexpr int SchemaRole = Qt::UserRole + 1;
    static constexpr int ObjectRole = Qt::UserRole + 2; ///< the table, view… name
    static constexpr int ChildRole = Qt::UserRole + 3;  ///< the column or index under a table
    static constexpr int GroupRole = Qt::UserRole + 4;  ///< the group's label without its count

    explicit SchemaTree(QWidget* parent = nullptr);

    void showSnapshot(std::shared_ptr<const SchemaSnapshot> snapshot);
    void clearSchema();
    /// Shows only the objects whose name contains `text` (case-insensitive), with "n of m" counts.
    void setFilter(const QString& text);
    QString filter() const { return m_filter; }

    /// The group named `label` ("Tables", "Strata history"…) under `schema`, or null.
    QTreeWidgetItem* groupItem(const QString& schema, const QString& label) const;
    /// The row of a table (in Tables or Strata history), or null.
    QTreeWidgetItem* tableItem(const QString& schema, const QString& table) const;
    /// The number of objects in a group, as its row says (-1 when there is no such group).
    int groupCount(const QString& schema, const QString& label) const;
    /// Selects and shows the row of `table`.
    void selectTable(const QString& schema, const QString& table);

    /// Strata's own tables: the migration history it keeps in every database it tracks.
    static bool isStrataHistory(const QString& table);

Q_SIGNALS:
    void tableActivated(const QString& schema, const QString& table);
    /// A column or index row under a table: the table opens on that part.
    void tablePartActivated(const QString& schema, const QString& table, strata::SchemaTree::Node part,
                            const QString& name);
    void objectActivated(const QString& schema, const QString& name, strata::SchemaTree::Node kind);

private:
    QTreeWidgetItem* addGroup(QTreeWidgetItem* schema, const QString& label, int count);
    QTreeWidgetItem* addTable(QTreeWidgetItem* group, const TableInfo& table);
    void fillTable(QTreeWidgetItem* item);
    void updateGroupLabel(QTreeWidgetItem* group, int shown);
    void onCurrentChanged(QTreeWidgetItem* item);

    std::shared_ptr<const SchemaSnapshot> m_snapshot;
    QString m_filter;
};

} // namespace strata
