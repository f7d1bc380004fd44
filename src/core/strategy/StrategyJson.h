#pragma once

#include <QJsonArray>
#include <QJsonObject>

#include "strategy/LineageGraph.h"
#include "strategy/Tearsheet.h"

namespace strata {

/// The JSON shapes of the strategy data (snake_case keys, stable for scripts): what
/// `strata-cli strategies lineage --json` and `strategies performance ID --json` print, and what the
/// desktop app exports. Numbers that are not defined (a rolling Sharpe before its window fills) are null.
class StrategyJson
{
public:
    static QJsonObject node(const LineageGraph& graph, int index);
    static QJsonObject edge(const LineageEdge& edge);
    /// {"nodes": [...], "edges": [...], "links": [...], "cycles": [...], "problems": [...]}
    static QJsonObject lineage(const LineageGraph& graph);
    static QJsonObject strategy(const StrategyRecord& strategy);
    static QJsonObject version(const StrategyVersionRecord& version);
    /// {"summary": {...}, "monthly_returns": [...], "regimes": [...], "series": {...}, "problems": [...]}
    static QJsonObject tearsheet(const Tearsheet& tearsheet);
};

} // namespace strata
