#include "strategy/TearsheetBuilder.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QJsonObject>
#include <QMap>
#include <QSet>

namespace strata {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Moments
{
    double mean = 0;
    double stddev = 0; ///< sample (n - 1)
};

Moments moments(const QList<double>& values, qsizetype from, qsizetype to)
{
    Moments m;
    const qsizetype n = to - from;
    if (n <= 0)
        return m;
    double sum = 0;
    for (qsizetype i = from; i < to; ++i)
        sum += values.at(i);
    m.mean = sum / static_cast<double>(n);
    if (n < 2)
        return m;
    double squares = 0;
    for (qsizetype i = from; i < to; ++i)
        squares += (values.at(i) - m.mean) * (values.at(i) - m.mean);
    m.stddev = std::sqrt(squares / static_cast<double>(n - 1));
    return m;
}

QString regimeOf(const PerformancePeriod& p)
{
    const QJsonValue regime = p.regimePerformance.value.toObject().value(QStringLiteral("regime"));
    return regime.isString() && !regime.toString().isEmpty() ? regime.toString() : QStringLiteral("unknown");
}

QString rowName(const PerformancePeriod& p)
{
    return QStringLiteral("performance row %1 (%2)")
        .arg(p.id)
        .arg(p.periodStart.isValid() ? p.periodStart.date().toString(Qt::ISODate)
                                     : QStringLiteral("no date"));
}

} // namespace

double TearsheetBuilder::annualisedSharpe(const QList<double>& returns)
{
    const Moments m = moments(returns, 0, returns.size());
    if (returns.size() < 2 || m.stddev <= 0)
        return 0;
    return m.mean / m.stddev * std::sqrt(kPeriodsPerYear);
}

Tearsheet TearsheetBuilder::build(const StrategyRecord& strategy, const QList<PerformancePeriod>& periods,
                                  int rollingWindow)
{
    Tearsheet t;
    t.strategyId = strategy.strategyId;
    t.name = strategy.name;
    t.version = strategy.version;
    t.rollingWindow = std::max(2, rollingWindow);

    // The rows that can be drawn, in period order, one per period.
    QList<const PerformancePeriod*> used;
    QMap<QString, int> otherTypes;
    for (const PerformancePeriod& p : periods) {
        if (p.periodType.compare(QLatin1String("daily"), Qt::CaseInsensitive) != 0) {
            ++otherTypes[p.periodType];
            continue;
        }
        for (const QString& problem : p.problems)
            t.problems << QStringLiteral("%1: %2%3")
                              .arg(rowName(p), problem,
                                   p.usable ? QString() : QStringLiteral(" (row skipped)"));
        if (p.usable)
            used << &p;
    }
    for (auto it = otherTypes.cbegin(); it != otherTypes.cend(); ++it)
        t.problems << QStringLiteral("%1 %2 row%3 not drawn: the tearsheet draws daily periods")
                          .arg(it.value())
                          .arg(it.key().isEmpty() ? QStringLiteral("untyped") : it.key())
                          .arg(it.value() == 1 ? QString() : QStringLiteral("s"));
    std::stable_sort(used.begin(), used.end(), [](const PerformancePeriod* a, const PerformancePeriod* b) {
        return a->periodStart < b->periodStart;
    });
    QSet<qint64> starts;
    QList<const PerformancePeriod*> rows;
    for (const PerformancePeriod* p : used) {
        const qint64 start = p->periodStart.toMSecsSinceEpoch();
        if (starts.contains(start)) {
            t.problems
                << QStringLiteral("%1: a second row for the same period (row skipped)").arg(rowName(*p));
            continue;
        }
        starts.insert(start);
        rows << p;
    }

    const qsizetype n = rows.size();
    t.time.reserve(n);
    t.periodReturn.reserve(n);
    t.cumulativeReturn.reserve(n);
    t.drawdown.reserve(n);
    t.rollingSharpe.reserve(n);
    t.winRate.reserve(n);
    double equity = 1;
    double peak = 1;
    qint64 wins = 0;
    struct RegimeSums
    {
        QList<double> returns;
        double growth = 1;
        int positive = 0;
    };
    QMap<QString, RegimeSums> regimes;
    QList<QString> regimeOrder;
    for (const PerformancePeriod* p : std::as_const(rows)) {
        const double r = p->totalReturnPct / 100.0;
        t.time << static_cast<double>(p->periodEnd.toSecsSinceEpoch());
        t.periodReturn << r;
        equity *= 1 + r;
        peak = std::max(peak, equity);
        t.cumulativeReturn << equity - 1;
        t.drawdown << equity / peak - 1;
        t.winRate << (p->totalTrades > 0 ? static_cast<double>(p->winningTrades) / p->totalTrades : kNaN);
        t.totalTrades += p->totalTrades;
        wins += p->winningTrades;

        const QDate month = p->periodStart.toUTC().date();
        if (t.monthlyReturns.isEmpty() || t.monthlyReturns.last().year != month.year() ||
            t.monthlyReturns.last().month != month.month())
            t.monthlyReturns.append({month.year(), month.month(), 0});
        Tearsheet::Month& m = t.monthlyReturns.last();
        m.monthReturn = (1 + m.monthReturn) * (1 + r) - 1;

        const QString regime = regimeOf(*p);
        if (!regimes.contains(regime))
            regimeOrder << regime;
        RegimeSums& sums = regimes[regime];
        sums.returns << r;
        sums.growth *= 1 + r;
        sums.positive += r > 0 ? 1 : 0;
    }
    for (qsizetype i = 0; i < n; ++i) {
        if (i + 1 < t.rollingWindow) {
            t.rollingSharpe << kNaN;
            continue;
        }
        const Moments m = moments(t.periodReturn, i + 1 - t.rollingWindow, i + 1);
        t.rollingSharpe << (m.stddev > 0 ? m.mean / m.stddev * std::sqrt(kPeriodsPerYear) : kNaN);
    }
    for (const QString& name : std::as_const(regimeOrder)) {
        const RegimeSums& sums = regimes.value(name);
        Tearsheet::Regime regime;
        regime.name = name;
        regime.periods = static_cast<int>(sums.returns.size());
        regime.totalReturn = sums.growth - 1;
        regime.meanReturn = moments(sums.returns, 0, sums.returns.size()).mean;
        regime.sharpe = annualisedSharpe(sums.returns);
        regime.winRate = regime.periods > 0 ? static_cast<double>(sums.positive) / regime.periods : 0;
        t.regimes << regime;
    }

    if (n > 0) {
        const Moments all = moments(t.periodReturn, 0, n);
        t.totalReturn = t.cumulativeReturn.last();
        t.annualisedReturn = equity > 0 ? std::pow(equity, kPeriodsPerYear / static_cast<double>(n)) - 1 : -1;
        t.annualisedVolatility = all.stddev * std::sqrt(kPeriodsPerYear);
        t.sharpe = annualisedSharpe(t.periodReturn);
        t.maxDrawdown = *std::min_element(t.drawdown.cbegin(), t.drawdown.cend());
        t.overallWinRate = t.totalTrades > 0 ? static_cast<double>(wins) / t.totalTrades : 0;
    }
    return t;
}

} // namespace strata
