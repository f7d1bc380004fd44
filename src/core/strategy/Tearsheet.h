#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// Everything one strategy's tearsheet draws, computed in the core from its daily performance rows so that
/// the desktop app and `strata-cli strategies performance ID --json` give the same figures. Times are
/// seconds since the epoch (UTC) of each period's end; all series have one value per usable period.
struct Tearsheet
{
    QString strategyId;
    QString name;
    QString version;
    QList<double> time;             ///< period end, seconds since epoch
    QList<double> periodReturn;     ///< the period's return as a fraction (0.01 = 1 %)
    QList<double> cumulativeReturn; ///< compounded from the first period, fraction
    QList<double> drawdown;         ///< underwater curve: <= 0, fraction below the running peak
    QList<double> rollingSharpe;    ///< annualised over `rollingWindow` periods; NaN before the window fills
    int rollingWindow = 63;
    QList<double> winRate; ///< per period, fraction; NaN when the period had no trades

    struct Month
    {
        int year = 0;
        int month = 0;          ///< 1..12
        double monthReturn = 0; ///< compounded, fraction
    };
    QList<Month> monthlyReturns;

    struct Regime
    {
        QString name; ///< "bull", "bear", "sideways", "volatile"…
        int periods = 0;
        double totalReturn = 0; ///< compounded over the regime's periods, fraction
        double meanReturn = 0;  ///< per period
        double sharpe = 0;      ///< annualised
        double winRate = 0;     ///< share of the regime's periods with a positive return
    };
    QList<Regime> regimes;

    // Summary over the whole history.
    double totalReturn = 0;
    double annualisedReturn = 0;
    double annualisedVolatility = 0;
    double sharpe = 0;
    double maxDrawdown = 0; ///< <= 0
    double overallWinRate = 0;
    int totalTrades = 0;

    /// Rows that were skipped or doubtful, each a sentence naming the row (NULLs, period_end before
    /// period_start, duplicates). The tearsheet is drawn from the rest.
    QStringList problems;
};

} // namespace strata
