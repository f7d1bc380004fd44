#pragma once

#include <QList>

#include "strategy/StrategyRecord.h"
#include "strategy/Tearsheet.h"

namespace strata {

/// Computes a strategy's tearsheet from its daily performance rows, so that the desktop app and
/// `strata-cli strategies performance` draw the same figures.
///
/// Conventions: a period's return is total_return_pct / 100; returns compound; Sharpe ratios are
/// mean / sample standard deviation × √252 (no risk-free rate); the drawdown is measured from the running
/// peak of the equity curve, starting at 1; months are those of period_start in UTC; the overall win rate
/// is winning trades / total trades. Rows that cannot be used (see PerformancePeriod::usable), later
/// duplicates of a period and rows of other period types are skipped and listed in problems.
class TearsheetBuilder
{
public:
    static constexpr double kPeriodsPerYear = 252.0;

    static Tearsheet build(const StrategyRecord& strategy, const QList<PerformancePeriod>& periods,
                           int rollingWindow = 63);
    /// Mean / sample standard deviation × √252; 0 with fewer than two values or no dispersion.
    static double annualisedSharpe(const QList<double>& returns);
};

} // namespace strata
