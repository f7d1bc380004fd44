#pragma once

#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>

namespace strata {

/// Drawing the lines Graphviz routes (layout/GraphPlacement.h), for the ER diagram and the lineage.
namespace graphroute {

/// The Bézier path of a route: a start point and three points per segment; any other count of points is
/// joined by straight lines.
QPainterPath curve(const QList<QPointF>& points);
/// A filled arrowhead from `base` to `tip` (Graphviz leaves exactly that gap at the end of the curve).
QPolygonF arrowhead(QPointF base, QPointF tip);
/// What a drawn route covers: its curve, its arrowhead and its label, with room for the pen.
QRectF bounds(const QPainterPath& curve, const QPolygonF& arrow, const QRectF& label);
/// Where a click hits the route: a band along the curve, the arrowhead and the label.
QPainterPath hitArea(const QPainterPath& curve, const QPolygonF& arrow, const QRectF& label);

} // namespace graphroute

} // namespace strata
