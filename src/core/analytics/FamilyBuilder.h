#pragma once

#include <QHash>
#include <QString>

#include "analytics/FamilyView.h"
#include "strategy/LineageGraph.h"

namespace strata {

/// Builds the family view of `rootId` and its descendants from the lineage graph and per-strategy results
/// (FamilyBuilder::Results, one per strategy that has performance rows). No database; linear in the family's
/// members and edges.
class FamilyBuilder
{
public:
    /// What one strategy's daily rows gave (FamilyReader aggregates them in SQL, not row by row).
    struct Results
    {
        int days = 0;
        double totalReturn = 0;
        double cagr = 0;
        double sharpe = 0;
        double sortino = 0;
        double maxDrawdown = 0;
        double volatility = 0;
        double winRate = 0;
        std::array<double, 3> attribution{};
        int skipped = 0; ///< daily rows left out as the tearsheet leaves them out
    };

    /// An unknown `rootId` gives an empty view with a problem naming it.
    static FamilyView build(const LineageGraph& graph, const QString& rootId,
                            const QHash<QString, Results>& results);
};

} // namespace strata
