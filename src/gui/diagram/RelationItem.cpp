#include "diagram/RelationItem.h"

#include <QLineF>
#include <QPainter>

#include "common/GraphRoute.h"
#include "diagram/DiagramStyle.h"

namespace strata {

RelationItem::RelationItem(ErRelation relation, const PlacedEdge& route, QGraphicsItem* parent)
    : QGraphicsPathItem(parent), m_relation(std::move(relation)), m_labelRect(route.labelRect)
{
    setPath(graphroute::curve(route.path));
    if (route.fromTip) {
        m_tip = *route.fromTip;
        m_arrow = graphroute::arrowhead(route.path.first(), m_tip);
    } else {
        m_tip = route.path.first();
    }
    setAcceptHoverEvents(false);
    setToolTip(QStringLiteral("%1%2 references %3 (%4)")
                   .arg(m_relation.name.isEmpty() ? QString() : m_relation.name + QStringLiteral(": "),
                        m_relation.child, m_relation.parent, m_relation.label));
}

PlacedEdge RelationItem::selfLoop(const QRectF& box, double referencedY, double referencingY,
                                  QSizeF labelSize)
{
    constexpr double arrowLength = 9;
    constexpr double reach = 30;
    const double right = box.right();
    PlacedEdge route;
    route.fromTip = QPointF(right, referencedY);
    const QPointF start(right + arrowLength, referencedY);
    const QPointF end(right, referencingY);
    route.path = {start, QPointF(right + reach, referencedY), QPointF(right + reach, referencingY), end};
    const double middle = (referencedY + referencingY) / 2;
    route.labelRect = labelSize.isEmpty()
                          ? QRectF()
                          : QRectF(QPointF(right + reach + 4, middle - labelSize.height() / 2), labelSize);
    return route;
}

void RelationItem::setEmphasised(bool emphasised)
{
    if (emphasised == m_emphasised)
        return;
    m_emphasised = emphasised;
    setZValue(emphasised ? 0.5 : 0);
    update();
}

QRectF RelationItem::boundingRect() const
{
    return QGraphicsPathItem::boundingRect().united(graphroute::bounds(path(), m_arrow, m_labelRect));
}

QPainterPath RelationItem::shape() const
{
    return graphroute::hitArea(path(), m_arrow, m_labelRect);
}

void RelationItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QColor colour = m_emphasised ? DiagramStyle::accent() : DiagramStyle::edge();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colour, m_emphasised ? 2.2 : 1.3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(m_arrow);
    // A small circle where the line leaves the referencing column: which row holds the foreign key.
    painter->drawEllipse(path().pointAtPercent(1), 2.3, 2.3);
    if (!m_labelRect.isEmpty()) {
        painter->setBrush(DiagramStyle::labelFill());
        painter->drawRoundedRect(m_labelRect, 3, 3);
        painter->setFont(DiagramStyle::labelFont());
        painter->setPen(m_emphasised ? DiagramStyle::accentText() : DiagramStyle::edgeLabel());
        painter->drawText(m_labelRect, Qt::AlignCenter, m_relation.label);
    }
}

} // namespace strata
