#pragma once

#include <optional>

#include <QList>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include "layout/LayoutGraph.h"

namespace strata {

/// What the lineage view draws, decided before any layout: a box per strategy of the registry and per
/// strategy that a row points at but the registry lacks, a line per direct link, and the input Graphviz
/// places. Boxes and lines are in the order of `layout.nodes` and `layout.edges`.
struct LineageDiagram
{
    struct Box
    {
        int strategy = -1; ///< index into LineageGraph::strategies(); -1 for a missing strategy
        QString missingId; ///< the strategy_id rows point at, for a missing strategy
        QSizeF size;
        bool isMissing() const { return strategy < 0; }
    };

    struct Line
    {
        int link = -1; ///< index into LineageGraph::links(); -1 for a line to or from a missing strategy
        int from = -1; ///< box indexes: the parent
        int to = -1;   ///< and the child
        QString relationship;
        bool inCycle = false;   ///< the link that closes a cycle
        bool toMissing = false; ///< one end is not in strategy_registry
        QStringList problems;   ///< what the line's rows say is wrong, for its tooltip
        /// The direct strategy_lineage row's own verdict on the child, as stored (no unit is defined: the
        /// demo writes the change of Sharpe and of volatility); nullopt when NULL or no row covers the line.
        std::optional<double> performanceImprovement;
        std::optional<double> riskChange;
        bool hasFigures() const { return performanceImprovement || riskChange; }
    };

    QList<Box> boxes;
    QList<Line> lines;
    LayoutGraph layout;
    /// Box index by strategy index; missing strategies are after the registry's.
    QList<int> boxOfStrategy;
    int missingCount() const { return static_cast<int>(boxes.size() - boxOfStrategy.size()); }
};

} // namespace strata
