#pragma once

#include <QList>
#include <QMap>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace strata {

/// A box to place. Sizes are in points (1/72 inch), the unit Graphviz works in; the caller draws in the
/// same unit, so one point is one scene unit.
struct LayoutNode
{
    QString id; ///< unique; edges name their ends by it
    double width = 72;
    double height = 36;
    /// Rows stacked from the top of the box, all of the same height, each a port that edges can attach to
    /// (the rows of a table, the steps of a lineage). Empty: the box has no ports.
    QStringList ports;
    QString label;   ///< text Graphviz sizes nothing by (the box is fixed-size); kept for engines that care
    QString cluster; ///< boxes with the same non-empty cluster are drawn together in a labelled group
};

/// A line between two boxes, from `from` to `to`: in dot, `from` is ranked before `to`.
struct LayoutEdge
{
    QString from;
    QString to;
    QString fromPort; ///< a port of `from` (LayoutNode::ports), empty for the box itself
    QString toPort;
    QSizeF labelSize;         ///< room for a label the caller draws, in points; empty: no label
    bool arrowAtFrom = false; ///< leave room for an arrowhead at `from` (its tip is reported)
    bool arrowAtTo = true;
};

/// How the layout is asked for. Separations are in points; Graphviz attribute names and values otherwise.
struct LayoutSettings
{
    QString engine = QStringLiteral("dot"); ///< "dot", "neato", "fdp", "sfdp", "circo", "twopi"
    QString rankdir = QStringLiteral("LR"); ///< TB, LR, BT, RL
    QString splines = QStringLiteral("spline");
    double nodesep = 18;
    double ranksep = 36;
    /// Disconnected parts laid out separately and packed into a roughly square picture, instead of one
    /// long row of unrelated boxes.
    bool packComponents = true;
    QMap<QString, QString> extra; ///< any other graph attribute, passed as is
};

/// The input of a layout: boxes, lines and how to arrange them.
struct LayoutGraph
{
    QList<LayoutNode> nodes;
    QList<LayoutEdge> edges;
    LayoutSettings settings;
    /// Labels of clusters, by cluster name (LayoutNode::cluster); the name itself when absent.
    QMap<QString, QString> clusterLabels;
    QSizeF clusterLabelSize{96, 18}; ///< room Graphviz keeps at the top of each cluster for its label
};

} // namespace strata
