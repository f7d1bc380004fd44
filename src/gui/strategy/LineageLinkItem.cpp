#include "strategy/LineageLinkItem.h"

#include <cmath>

#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "common/GraphRoute.h"
#include "strategy/LineageDiagramBuilder.h"
#include "strategy/LineageStyle.h"
#include "theme/Theme.h"

namespace strata {

namespace {

/// A figure's colour on the label: better is green, worse red, in either theme. A rise of the performance
/// is better; a rise of the risk is worse.
QColor lineageFigureColour(std::optional<double> value, bool higherIsBetter)
{
    if (!value || *value == 0 || !std::isfinite(*value))
        return LineageStyle::linkLabel();
    const bool better = (*value > 0) == higherIsBetter;
    return Theme::readable(better ? QColor(0x1b, 0x7a, 0x3a) : QColor(0xc0, 0x2b, 0x2b));
}

QString lineageStoredFigure(std::optional<double> value)
{
    return value ? QString::number(*value, 'g', 6) : QStringLiteral("NULL");
}

} // namespace

LineageLinkItem::LineageLinkItem(LineageDiagram::Line line, const PlacedEdge& route, QGraphicsItem* parent)
    : QGraphicsPathItem(parent), m_line(std::move(line)), m_labelRect(route.labelRect)
{
    setPath(graphroute::curve(route.path));
    if (route.toTip && !route.path.isEmpty())
        m_arrow = graphroute::arrowhead(route.path.last(), *route.toTip);
    if (m_labelRect.isEmpty() && !m_line.relationship.isEmpty() && !route.path.isEmpty()) {
        // No room was made for the label (a big lineage): it sits on the middle of the line.
        const QSizeF size = LineageDiagramBuilder::labelSize(m_line);
        const QPointF middle = path().pointAtPercent(0.5);
        m_labelRect = QRectF(middle - QPointF(size.width() / 2, size.height() / 2), size);
    }
    QString tip = m_line.relationship.isEmpty() ? QStringLiteral("link") : m_line.relationship;
    if (m_line.hasFigures())
        tip += QStringLiteral("\nperformance_improvement %1, risk_change %2 (strategy_lineage, as stored)")
                   .arg(lineageStoredFigure(m_line.performanceImprovement),
                        lineageStoredFigure(m_line.riskChange));
    for (const QString& problem : std::as_const(m_line.problems))
        tip += QStringLiteral("\n⚠ ") + problem;
    setToolTip(tip);
    setAcceptHoverEvents(false);
}

QString LineageLinkItem::figuresText() const
{
    return LineageDiagramBuilder::figuresLine(m_line);
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
    if (!m_line.hasFigures()) {
        painter->drawText(m_labelRect, Qt::AlignCenter, m_line.relationship);
        return;
    }
    // The relationship above, the row's figures below it, each figure coloured by whether it is better.
    const double p = LineageStyle::labelPadding;
    const QRectF inner = m_labelRect.adjusted(p, p, -p, -p);
    const QRectF top(inner.topLeft(), QSizeF(inner.width(), inner.height() / 2));
    const QRectF bottom(top.bottomLeft(), top.size());
    painter->drawText(top, Qt::AlignCenter, m_line.relationship);
    const QFontMetricsF metrics(LineageStyle::labelFont());
    const QString performance = LineageDiagramBuilder::signedFigure(m_line.performanceImprovement);
    const QString middle = QStringLiteral(" · risk ");
    const QString risk = LineageDiagramBuilder::signedFigure(m_line.riskChange);
    double x = bottom.center().x() - metrics.horizontalAdvance(performance + middle + risk) / 2;
    const auto part = [&](const QString& text, const QColor& tint) {
        const double width = metrics.horizontalAdvance(text);
        painter->setPen(tint);
        painter->drawText(QRectF(x, bottom.top(), width + 1, bottom.height()),
                          Qt::AlignVCenter | Qt::AlignLeft, text);
        x += width;
    };
    part(performance, lineageFigureColour(m_line.performanceImprovement, true));
    part(middle, LineageStyle::linkLabel());
    part(risk, lineageFigureColour(m_line.riskChange, false));
}

} // namespace strata
