#pragma once

#include <optional>

#include <QGraphicsScene>
#include <QList>
#include <QPointer>
#include <QSet>

#include "common/Error.h"
#include "layout/GraphPlacement.h"
#include "strategy/LineageDiagram.h"
#include "strategy/LineageGraph.h"

class QThread;

namespace strata {

class LineageLinkItem;
class StrategyNodeItem;

/// The strategy lineage as a picture: a box per strategy (name, version, status colour) and a line per
/// direct link (its relationship type), placed by Graphviz on a worker thread so that a lineage of
/// thousands of versions never freezes the window ("Laying out…" meanwhile). Cycles, links to strategies
/// the registry lacks and unknown statuses are drawn marked; the rest of the lineage is drawn as usual.
class LineageScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit LineageScene(QObject* parent = nullptr);
    ~LineageScene() override;

    /// Shows `graph`; the layout starts now and ends with laidOut() or layoutFailed(). A later call
    /// supersedes a layout still running.
    void setGraph(LineageGraph graph);
    void clearLineage();
    bool isLayingOut() const { return m_layingOut; }
    const LineageGraph& graph() const { return m_graph; }
    const LineageDiagram& diagram() const { return m_diagram; }

    /// The box of a strategy (by its index in graph()), or nullptr before the layout.
    StrategyNodeItem* nodeItem(int strategy) const;
    StrategyNodeItem* nodeItem(const QString& strategyId) const;
    /// Every box, the registry's strategies first, then the missing ones.
    QList<StrategyNodeItem*> nodeItems() const { return m_nodes; }
    QList<LineageLinkItem*> linkItems() const { return m_links; }

    /// Marks the strategies whose name or strategy_id contains `text` (case-insensitive); empty clears.
    /// Returns the matches in lineage order.
    QList<StrategyNodeItem*> highlight(const QString& text);

    /// Selects one strategy (-1: none), as a click on its box does.
    void selectStrategy(int strategy);
    /// The selected strategy's index, -1 when none is.
    int selectedStrategy() const;

    /// Fades everything but `strategy`, its ancestors and its descendants (and the links between them).
    void focusOn(int strategy);
    /// Shows the whole lineage again.
    void showAll();
    std::optional<int> focused() const { return m_focus; }
    /// The strategies a focus on `strategy` keeps: itself, its ancestors and its descendants.
    QSet<int> focusSet(int strategy) const;
    /// The scene rectangle of what is shown in full (the focus, or everything).
    QRectF shownRect() const;

    /// What the lineage holds, in one line ("40 strategies, 52 links; 3 problems").
    QString summary() const;

Q_SIGNALS:
    void layoutStarted(int strategies);
    void laidOut(int strategies, int links, qint64 milliseconds);
    void layoutFailed(const strata::Error& error);
    /// The selection changed: the selected strategy's index, -1 for none.
    void strategySelected(int strategy);

private:
    void place(const GraphPlacement& placement);
    void showMessage(const QString& text);
    /// View > Theme switched: the canvas and a message take the theme's colours.
    void restyle();
    void onSelectionChanged();
    void clearItems();

    LineageGraph m_graph;
    LineageDiagram m_diagram;
    QList<StrategyNodeItem*> m_nodes; ///< by box index of m_diagram
    QList<LineageLinkItem*> m_links;
    QList<QPointer<QThread>> m_workers;
    std::optional<int> m_focus;
    int m_generation = 0; ///< a layout's result is used only if no later graph was set meanwhile
    int m_selected = -1;
    bool m_layingOut = false;
};

} // namespace strata
