#include "analytics/PeriodReturns.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace strata {

PeriodReturns PeriodReturns::of(const QList<QDate>& days, const QList<double>& returns)
{
    PeriodReturns p;
    const qsizetype n = std::min(days.size(), returns.size());
    int month = -1, quarter = -1, year = -1; // keys of the periods being gathered
    for (qsizetype i = 0; i < n; ++i) {
        int y = 0, m = 0, dayOfMonth = 0;
        days.at(i).getDate(&y, &m, &dayOfMonth); // one calendar conversion a day
        const double r = returns.at(i);
        const int monthKey = y * 12 + m - 1;
        const int quarterKey = y * 4 + (m - 1) / 3;
        if (monthKey != month) {
            month = monthKey;
            p.months.append(0.0);
            p.monthSums.append(0.0);
        }
        if (quarterKey != quarter) {
            quarter = quarterKey;
            p.quarters.append(0.0);
        }
        if (y != year) {
            year = y;
            p.years.append(0.0);
        }
        p.months.last() = (1.0 + p.months.constLast()) * (1.0 + r) - 1.0;
        p.quarters.last() = (1.0 + p.quarters.constLast()) * (1.0 + r) - 1.0;
        p.years.last() = (1.0 + p.years.constLast()) * (1.0 + r) - 1.0;
        p.monthSums.last() += r;
    }
    return p;
}

double PeriodReturns::compounded(const QList<double>& returns, qsizetype from, qsizetype to)
{
    if (from >= to)
        return std::numeric_limits<double>::quiet_NaN();
    double growth = 1.0;
    for (qsizetype i = from; i < to; ++i)
        growth *= 1.0 + returns.at(i);
    return growth - 1.0;
}

double PeriodReturns::annualised(const QList<double>& returns, qsizetype from, qsizetype to,
                                 double periodsPerYear)
{
    if (from >= to)
        return std::numeric_limits<double>::quiet_NaN();
    const double years = static_cast<double>(to - from) / periodsPerYear;
    return std::pow(std::fabs(compounded(returns, from, to) + 1.0), 1.0 / years) - 1.0;
}

qsizetype PeriodReturns::firstOnOrAfter(const QList<QDate>& days, const QDate& day)
{
    return std::lower_bound(days.cbegin(), days.cend(), day) - days.cbegin();
}

double PeriodReturns::winRate(const QList<double>& periods)
{
    qsizetype up = 0, moved = 0;
    for (const double p : periods) {
        up += p > 0;
        moved += p != 0;
    }
    return moved == 0 ? std::numeric_limits<double>::quiet_NaN()
                      : static_cast<double>(up) / static_cast<double>(moved);
}

double PeriodReturns::average(const QList<double>& periods, bool wins)
{
    double sum = 0;
    qsizetype count = 0;
    for (const double p : periods) {
        if (wins ? p > 0 : p < 0) {
            sum += p;
            ++count;
        }
    }
    return count == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / static_cast<double>(count);
}

double PeriodReturns::best(const QList<double>& periods)
{
    return periods.isEmpty() ? std::numeric_limits<double>::quiet_NaN()
                             : *std::max_element(periods.cbegin(), periods.cend());
}

double PeriodReturns::worst(const QList<double>& periods)
{
    return periods.isEmpty() ? std::numeric_limits<double>::quiet_NaN()
                             : *std::min_element(periods.cbegin(), periods.cend());
}

} // namespace strata
