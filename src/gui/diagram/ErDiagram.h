#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "layout/LayoutGraph.h"

namespace strata {

/// One row of a table's box.
struct ErColumn
{
    QString name;
    QString type;
    bool primaryKey = false;
    bool foreignKey = false;
    bool notNull = false;
};

/// A table's box: what it lists and how wide it is (measured with the diagram's fonts).
struct ErTable
{
    QString schema;
    QString name;
    QList<ErColumn> columns;
    double width = 0;
    double height = 0;
    QString id() const { return schema + QLatin1Char('.') + name; }
};

/// A foreign key as a line: from the referenced (parent) table's columns to the referencing (child) table's.
struct ErRelation
{
    QString name;                  ///< the constraint's name, empty when the engine has none
    QString parent;                ///< ErTable::id() of the referenced table
    QString child;                 ///< ErTable::id() of the referencing table
    QStringList columns;           ///< the child's columns
    QStringList referencedColumns; ///< the parent's columns (its primary key when the FK names none)
    QString label;                 ///< "ancestor_id → strategy_id"
};

/// What the diagram shows, and the graph Graphviz is asked to place (boxes in the order of `tables`,
/// lines in the order of `relations`).
struct ErDiagram
{
    QList<ErTable> tables;
    QList<ErRelation> relations;
    /// Foreign keys whose parent is not in the snapshot (another schema, a missing table): not drawn.
    QStringList unresolved;
    LayoutGraph graph;
};

} // namespace strata
