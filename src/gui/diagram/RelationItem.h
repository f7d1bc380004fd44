#pragma once

#include <QGraphicsPathItem>

#include "diagram/ErDiagram.h"
#include "layout/GraphPlacement.h"

namespace strata {

/// A foreign key drawn along its Graphviz route: a curve from the referencing column's row to the
/// referenced column's row, an arrowhead at the referenced key, and the columns on a label.
class RelationItem : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 72 };

    RelationItem(ErRelation relation, const PlacedEdge& route, QGraphicsItem* parent = nullptr);

    /// The route of a key from a table to itself: a loop out of the right side of `box`, from the
    /// referenced row at `referencedY` (the arrowhead) to the referencing row at `referencingY`, with room
    /// for a label of `labelSize` beside it.
    static PlacedEdge selfLoop(const QRectF& box, double referencedY, double referencingY, QSizeF labelSize);

    int type() const override { return Type; }
    const ErRelation& relation() const { return m_relation; }
    /// Drawn in the accent colour: a line of the selected or found table.
    void setEmphasised(bool emphasised);
    bool isEmphasised() const { return m_emphasised; }
    /// The arrowhead's tip (at the referenced table), in scene coordinates.
    QPointF arrowTip() const { return m_tip; }
    QRectF labelRect() const { return m_labelRect; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    ErRelation m_relation;
    QPolygonF m_arrow;
    QPointF m_tip;
    QRectF m_labelRect;
    bool m_emphasised = false;
};

} // namespace strata
