#pragma once

#include "strategy/LineageDiagram.h"
#include "strategy/LineageGraph.h"

namespace strata {

/// Turns a lineage graph into the boxes and lines of its diagram, measured with the lineage fonts, ready
/// for GraphLayout. Cheap (no layout): it may run on the GUI thread, the layout does not.
class LineageDiagramBuilder
{
public:
    /// Above this many lines the families are laid out one by one and packed, and Graphviz is not asked to
    /// make room for the relationship labels (each label is one more box for it to place): they are drawn
    /// on the middle of their line instead.
    static constexpr int labelledLayoutLimit = 400;

    static LineageDiagram build(const LineageGraph& graph);
    /// The text under a strategy's name: "v1.2.0 · PRODUCTION"; an unknown status is quoted and marked.
    static QString detailLine(const StrategyRecord& strategy);
    /// The second line of a link's label: performance_improvement and risk_change as stored, signed
    /// ("+0.23 · risk −0.012"); empty when the row has neither.
    static QString figuresLine(const LineageDiagram::Line& line);
    /// One figure as the label shows it: signed, three significant digits, a true minus sign; "–" for none.
    static QString signedFigure(std::optional<double> value);
    /// The label's size: the relationship, and the figures under it when there are any.
    static QSizeF labelSize(const LineageDiagram::Line& line);
};

} // namespace strata
