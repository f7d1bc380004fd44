#pragma once

#include <QList>

#include "drift/DriftItem.h"
#include "schema/TableInfo.h"

namespace strata {

/// The differences inside one table that both catalogs have: columns (type, NOT NULL, default, generated),
/// the primary key, indexes (key parts, unique, predicate, method, validity), foreign keys and the other
/// constraints. Sizes, scans and row estimates are physical facts, never drift.
class TableDiff
{
public:
    TableDiff(const TableInfo& expected, const TableInfo& actual) : m_expected(expected), m_actual(actual) {}

    QList<DriftItem> compare() const;

    /// Whether an index belongs to a constraint that the constraint comparison covers already.
    static bool coveredByConstraint(const IndexInfo& index);

private:
    void compareColumns(QList<DriftItem>& items) const;
    void compareIndexes(QList<DriftItem>& items) const;
    void compareForeignKeys(QList<DriftItem>& items) const;
    void compareConstraints(QList<DriftItem>& items) const;
    DriftItem item(DriftItem::Kind kind, DriftItem::Object object, const QString& name) const;

    const TableInfo& m_expected;
    const TableInfo& m_actual;
};

} // namespace strata
