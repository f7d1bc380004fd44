#pragma once

#include <QDate>
#include <QList>

namespace strata {

/// A daily return series gathered into the calendar months, quarters and years its days fall in, as
/// QuantStats' aggregate_returns does for "ME", "QE" and "YE": each period's returns compounded, in order,
/// one value per period that has at least one day. One pass over the days, which ascend.
struct PeriodReturns
{
    QList<double> months;
    QList<double> quarters;
    QList<double> years;
    QList<double> monthSums; ///< each month's returns added, not compounded (QuantStats' Gain/Pain (1M))

    static PeriodReturns of(const QList<QDate>& days, const QList<double>& returns);

    /// The returns in [from, to) compounded: Π(1 + r) - 1. NaN for an empty range.
    static double compounded(const QList<double>& returns, qsizetype from, qsizetype to);
    /// QuantStats' CAGR of the returns in [from, to): (1 + compounded)^(1 / years) - 1 with years = the
    /// number of days / periodsPerYear. NaN for an empty range.
    static double annualised(const QList<double>& returns, qsizetype from, qsizetype to,
                             double periodsPerYear);
    /// The index of the first day on or after `day` (days.size() when there is none).
    static qsizetype firstOnOrAfter(const QList<QDate>& days, const QDate& day);

    /// Periods above 0 over periods that moved (QuantStats' win_rate); NaN when none moved.
    static double winRate(const QList<double>& periods);
    /// The mean of the periods above 0 (`wins`) or of those below 0; NaN when there is none.
    static double average(const QList<double>& periods, bool wins);
    /// The largest and smallest period; NaN without periods.
    static double best(const QList<double>& periods);
    static double worst(const QList<double>& periods);
};

} // namespace strata
