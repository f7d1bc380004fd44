#pragma once

#include <QGraphicsPathItem>

#include "layout/GraphPlacement.h"
#include "strategy/LineageDiagram.h"

namespace strata {

/// A direct link of the lineage drawn along its Graphviz route, from the parent to the child, with an
/// arrowhead at the child and the relationship type ("fork", "mutation", "merge"…) on a label. The link
/// that closes a cycle, and a line to or from a strategy the registry lacks, are drawn dashed in the problem
/// colour.
class LineageLinkItem : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 82 };

    LineageLinkItem(LineageDiagram::Line line, const PlacedEdge& route, QGraphicsItem* parent = nullptr);

    int type() const override { return Type; }
    const LineageDiagram::Line& line() const { return m_line; }
    QString relationship() const { return m_line.relationship; }
    /// The line under the relationship: the lineage row's performance_improvement and risk_change
    /// ("+0.23 · risk −0.012"), empty when the row has neither.
    QString figuresText() const;
    bool isMarked() const { return m_line.inCycle || m_line.toMissing; }
    /// The label's rectangle in scene coordinates: where Graphviz made room, or the middle of the line.
    QRectF labelRect() const { return m_labelRect; }

    /// Drawn in the accent colour: a link of the selected strategy.
    void setEmphasised(bool emphasised);
    bool isEmphasised() const { return m_emphasised; }
    void setDimmed(bool dimmed);
    bool isDimmed() const { return m_dimmed; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    LineageDiagram::Line m_line;
    QPolygonF m_arrow;
    QRectF m_labelRect;
    bool m_emphasised = false;
    bool m_dimmed = false;
};

} // namespace strata
