#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QStringList>

#include "strategy/DemoStrategy.h"

namespace strata {

/// The market every demo strategy trades in, one value per day: a regime-switching model (bull, bear,
/// sideways, volatile, each with its own drift and volatility, switching like a Markov chain), so that
/// strategies of one family move together and each kind shines in its own regimes.
struct DemoMarket
{
    QDate firstDay;
    QList<int> regime; ///< index into StrategyDemoReturns::regimeNames()
    QList<int> dayInRegime;
    QList<double> marketReturn;
    QList<QByteArray> periodStart; ///< "2025-01-01T00:00:00.000Z", as the strategy set stores times
    QList<QByteArray> periodEnd;   ///< the same day's "23:59:59.000Z"
    int days() const { return static_cast<int>(regime.size()); }
};

/// One strategy's daily results: its return and the figures a backtest report writes beside it, each
/// consistent with the returns so far (rolling 30-day Sharpe, Sortino, volatility and VaR; drawdown and
/// Calmar to date).
class StrategyDemoReturns
{
public:
    struct Day
    {
        double ret = 0; ///< fraction
        int trades = 0;
        int winners = 0;
        double sharpe = 0;
        double maxDrawdown = 0; ///< <= 0, worst to date
        double volatility = 0;  ///< annualised
        double sortino = 0;
        double calmar = 0;
        double var95 = 0; ///< one-day 95 % value at risk, a positive fraction
        std::optional<double> holdingHours;
        double signalContribution = 0;
        double riskContribution = 0;
        double sizerContribution = 0;
        double equity = 1;
        double exposure = 0;
    };

    struct Summary
    {
        double totalReturn = 0;
        double sharpe = 0;
        double maxDrawdown = 0;
        double volatility = 0;
        double winRate = 0;
        int trades = 0;
    };

    static const QStringList& regimeNames();
    static DemoMarket market(std::uint64_t seed, const QDate& firstDay, int days);
    /// Calls `day` for each day of the market in order. The strategy's own randomness is a stream of its
    /// own, so a strategy's days do not depend on the others.
    static void simulate(const DemoStrategy& strategy, const DemoMarket& market, std::uint64_t seed,
                         const std::function<void(int, const Day&)>& day);
    static Summary summarise(const DemoStrategy& strategy, const DemoMarket& market, std::uint64_t seed);
};

} // namespace strata
