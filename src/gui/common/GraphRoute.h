#pragma once

#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QPolygonF>

namespace strata {

/// Drawing the lines Graphviz routes (layout/GraphPlacement.h), for the ER diagram and the lineage.
namespace graphroute {

/// The Bézier path of a route: a start point and three points per segment; any other count of points is
/// joined by straight lines.
QPainterPath curve(const QList<QPointF>& points);
/// A filled arrowhead from `base` to `tip` (Graphviz leaves exactly that gap at the end of the curve).
QPolygonF arrowhead(QPointF base, QPointF tip);

} // namespace graphroute

} // namespace strata
