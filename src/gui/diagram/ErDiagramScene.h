#pragma once

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

#include "common/Error.h"
#include "diagram/ErDiagram.h"
#include "layout/GraphPlacement.h"
#include "schema/SchemaSnapshot.h"

class QGraphicsSimpleTextItem;
class QThread;

namespace strata {

class RelationItem;
class TableBoxItem;

/// The ER diagram of a schema: a box per table and a line per foreign key, placed by Graphviz on a worker
/// thread so that a schema of thousands of tables never freezes the window ("Laying out…" meanwhile).
class ErDiagramScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit ErDiagramScene(QObject* parent = nullptr);
    ~ErDiagramScene() override;

    /// Shows `snapshot`'s tables and foreign keys; the layout starts now and ends with laidOut() or
    /// layoutFailed(). A later call supersedes a layout still running.
    void setSnapshot(const SchemaSnapshot& snapshot);
    bool isLayingOut() const { return m_layingOut; }
    const ErDiagram& diagram() const { return m_diagram; }

    TableBoxItem* tableItem(const QString& schema, const QString& table) const;
    QList<TableBoxItem*> tableItems() const;
    QList<RelationItem*> relationItems() const { return m_relations; }
    /// Marks the tables whose name contains `text` (case-insensitive) and their lines; empty clears.
    /// Returns the matches, in diagram order.
    QList<TableBoxItem*> highlight(const QString& text);
    /// What the diagram shows, in one line ("7 tables, 5 foreign keys").
    QString summary() const;

    /// Called by a table's box when it is clicked.
    void activate(const TableBoxItem& item);

Q_SIGNALS:
    void layoutStarted(int tables);
    void laidOut(int tables, int relations, qint64 milliseconds);
    void layoutFailed(const strata::Error& error);
    /// The operator clicked a table: open its page.
    void tableActivated(const QString& schema, const QString& table);

private:
    void place(const GraphPlacement& placement);
    void showMessage(const QString& text);
    void emphasiseSelection();
    /// View > Theme switched: the canvas and what was coloured when placed take the theme's colours.
    void restyle();
    void clearDiagram();

    ErDiagram m_diagram;
    QHash<QString, TableBoxItem*> m_tables; ///< by ErTable::id()
    QList<RelationItem*> m_relations;
    QList<QPointer<QThread>> m_workers;
    int m_generation = 0; ///< a layout's result is used only if no later snapshot was set meanwhile
    bool m_layingOut = false;
};

} // namespace strata
