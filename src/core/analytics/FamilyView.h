#pragma once

#include <array>
#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// A strategy and its descendants side by side: each version's parameters against its results, the
/// component attribution over generations, and the lineage rows' own verdicts (performance_improvement,
/// risk_change), so "which parameter change made it better" can be seen. Built by FamilyBuilder.
struct FamilyView
{
    struct Member
    {
        QString strategyId;
        QString name;
        QString version;
        QString parentId;     ///< empty for the root
        QString relationship; ///< how it came from its parent: fork, mutation, branch, merge
        int generation = 0;   ///< 0 for the root, 1 for its children…
        QString status;
        /// Flat parameters: the registry's `parameters` object, else the four configurations' values
        /// ("risk_manager.stop_loss_pct").
        QJsonObject parameters;
        QStringList changed; ///< the parameters that differ from its parent's

        // Results over its daily performance rows (NaN without rows).
        int days = 0;
        double totalReturn = 0;
        double cagr = 0;
        double sharpe = 0;
        double sortino = 0;
        double maxDrawdown = 0;
        double volatility = 0;
        double winRate = 0;
        /// Mean of signal_generator_contribution, risk_manager_contribution, position_sizer_contribution.
        std::array<double, 3> attribution{};
        QStringList problems;
    };

    struct Edge
    {
        QString ancestorId;
        QString descendantId;
        int distance = 1;
        QString relationship;
        QString reason; ///< evolution_reason
        std::optional<double> performanceImprovement;
        std::optional<double> riskChange;
    };

    /// Mean attribution of the members of one generation.
    struct Generation
    {
        int generation = 0;
        int members = 0;
        std::array<double, 3> attribution{};
        double meanSharpe = 0;
    };

    QString rootId;
    QList<Member> members;      ///< the root first, then by generation and creation
    QStringList parameterNames; ///< every parameter any member has; those that vary in the family first
    QStringList resultNames() const
    {
        return {QStringLiteral("total_return"), QStringLiteral("cagr"),         QStringLiteral("sharpe"),
                QStringLiteral("sortino"),      QStringLiteral("max_drawdown"), QStringLiteral("volatility"),
                QStringLiteral("win_rate")};
    }
    QList<Edge> edges; ///< direct lineage rows within the family (generation_distance 1)
    QList<Generation> generations;
    QStringList problems;
};

} // namespace strata
