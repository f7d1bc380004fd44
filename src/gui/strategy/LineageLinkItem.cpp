#include "strategy/LineageLinkItem.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "common/GraphRoute.h"
#include "strategy/LineageStyle.h"

namespace strata {

LineageLinkItem::LineageLinkItem(LineageDiagram::Line line, const PlacedEdge& route, QGraphicsItem* parent)
    : QGraphicsPathItem(parent), m_line(std::move(line)), m_labelRect(route.labelRect)
{
    setPath(graphroute::curve(route.path));
    if (route.toTip && !route.path.isEmpty())
        m_arrow = graphroute::arrowhead(route.path.last(), *route.toTip);
    if (m_labelRect.isEmpty() && !m_line.relationship.isEmpty() && !route.path.isEmpty()) {
        // No room was made for the label (a big lineage): it sits on the middle of the line.
        const QFontMetricsF metrics(LineageStyle::labelFont());
        const double p = LineageStyle::labelPadding;
        const QSizeF size(metrics.horizontalAdvance(m_line.relationship) + 2 * p, metrics.height() + 2 * p);
        const QPointF middle = path().pointAtPercent(0.5);
        m_labelRect = QRectF(middle - QPointF(size.width() / 2, size.height() / 2), size);
    }
    QString tip = m_line.relationship.isEmpty() ? QStringLiteral("link") : m_line.relationship;
    for (const QString& problem : std::as_const(m_line.problems))
        tip += QStringLiteral("\n⚠ ") + problem;
    setToolTip(tip);
    setAcceptHoverEvents(false);
}

void LineageLinkItem::setEmphasised(bool emphasised)
{
    if (emphasised == m_emphasised)
        return;
    m_emphasised = emphasised;
    setZValue(emphasised ? 0.5 : 0);
    update();
}

void LineageLinkItem::setDimmed(bool dimmed)
{
    if (dimmed == m_dimmed)
        return;
    m_dimmed = dimmed;
    setOpacity(dimmed ? LineageStyle::dimmedOpacity : 1.0);
}

QRectF LineageLinkItem::boundingRect() const
{
    return QGraphicsPathItem::boundingRect().united(graphroute::bounds(path(), m_arrow, m_labelRect));
}

QPainterPath LineageLinkItem::shape() const
{
    return graphroute::hitArea(path(), m_arrow, m_labelRect);
}

void LineageLinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    QColor colour = isMarked() ? LineageStyle::problem() : LineageStyle::link();
    if (m_emphasised)
        colour = LineageStyle::accent();
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.3);
    QPen pen(colour, m_emphasised ? 2.2 : 1.3, isMarked() ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap,
             Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(m_arrow);
    if (m_labelRect.isEmpty() || lod < 0.4)
        return;
    painter->setBrush(LineageStyle::labelFill());
    painter->drawRoundedRect(m_labelRect, 3, 3);
    painter->setFont(LineageStyle::labelFont());
    painter->setPen(isMarked() || m_emphasised ? LineageStyle::labelText(colour) : LineageStyle::linkLabel());
    painter->drawText(m_labelRect, Qt::AlignCenter, m_line.relationship);
}

} // namespace strata
