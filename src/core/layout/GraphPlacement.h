#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace strata {

/// Where a box went. Coordinates are screen-like: origin at the top left, y grows downwards, in points.
struct PlacedNode
{
    QString id;
    QRectF rect;
    QPointF centre() const { return rect.center(); }
};

/// The route of a line: a cubic Bézier path as Graphviz draws it (the start point, then three points per
/// segment: two control points and the segment's end), and the arrowheads' tips where room was left.
struct PlacedEdge
{
    int index = -1; ///< position of the edge in LayoutGraph::edges
    QString from;
    QString to;
    QList<QPointF> path;
    std::optional<QPointF> fromTip; ///< the tip of the arrowhead at `from`; the path ends short of it
    std::optional<QPointF> toTip;
    QRectF labelRect; ///< empty when the edge has no label
};

struct PlacedCluster
{
    QString name;
    QString label;
    QRectF rect;
    QRectF labelRect; ///< room at the top of the cluster for its label
};

/// The result of a layout: everything in one coordinate system whose bounds start at (0, 0).
struct GraphPlacement
{
    QRectF bounds;
    QList<PlacedNode> nodes; ///< in the order of LayoutGraph::nodes
    QList<PlacedEdge> edges; ///< in the order of LayoutGraph::edges
    QList<PlacedCluster> clusters;
    qint64 milliseconds = 0; ///< how long Graphviz took

    const PlacedNode* node(const QString& id) const
    {
        for (const PlacedNode& n : nodes)
            if (n.id == id)
                return &n;
        return nullptr;
    }
};

} // namespace strata
