#include "common/GraphRoute.h"

#include <algorithm>

#include <QLineF>
#include <QPainterPathStroker>

namespace strata::graphroute {

QPainterPath curve(const QList<QPointF>& points)
{
    if (points.isEmpty())
        return {};
    QPainterPath path(points.first());
    if ((points.size() - 1) % 3 == 0 && points.size() >= 4) {
        for (qsizetype i = 1; i + 2 < points.size(); i += 3)
            path.cubicTo(points[i], points[i + 1], points[i + 2]);
    } else {
        for (qsizetype i = 1; i < points.size(); ++i)
            path.lineTo(points[i]);
    }
    return path;
}

QPolygonF arrowhead(QPointF base, QPointF tip)
{
    const QLineF axis(tip, base);
    if (axis.length() < 0.5)
        return {};
    const QPointF along = (base - tip) / axis.length();
    const QPointF across(-along.y(), along.x());
    const double halfWidth = std::min(4.5, axis.length() * 0.45);
    return QPolygonF({tip, base + across * halfWidth, base - across * halfWidth});
}

QRectF bounds(const QPainterPath& curve, const QPolygonF& arrow, const QRectF& label)
{
    return curve.controlPointRect().united(arrow.boundingRect()).united(label).adjusted(-3, -3, 3, 3);
}

QPainterPath hitArea(const QPainterPath& curve, const QPolygonF& arrow, const QRectF& label)
{
    QPainterPathStroker stroker;
    stroker.setWidth(6);
    QPainterPath area = stroker.createStroke(curve);
    area.addPolygon(arrow);
    if (!label.isEmpty())
        area.addRect(label);
    return area;
}

} // namespace strata::graphroute
