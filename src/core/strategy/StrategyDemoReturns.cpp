#include "strategy/StrategyDemoReturns.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include "strategy/DemoRandom.h"

namespace strata {

namespace {

constexpr int kWindow = 30;
const double kAnnual = std::sqrt(252.0);
// Daily drift and volatility of the market in each regime: bull, bear, sideways, volatile.
constexpr double kDrift[4] = {0.0007, -0.0009, 0.0000, 0.0000};
constexpr double kVol[4] = {0.008, 0.015, 0.005, 0.022};
constexpr double kStay = 0.97; // a regime lasts about a month on average
// Live trading is weaker than the backtest that chose the version: the backtest carries an edge fitted to its
// own days (4 bp a day, about 10 % a year, that was never there), most of the alpha and half of the regime
// edge do not survive, and live fills cost a basis point a day more than the backtest assumed.
constexpr double kBacktestFit = 0.0004;
constexpr double kLiveAlphaKept = 0.25;
constexpr double kLiveTiltKept = 0.5;
constexpr double kLiveCost = 0.0001;

/// The first day traded live: the calendar day (UTC) the current version was created.
int firstLiveDay(const DemoStrategy& s, const DemoMarket& market)
{
    const QDateTime created = s.versions.isEmpty() ? s.createdAt : s.versions.last().createdAt;
    if (!created.isValid() || !market.firstDay.isValid())
        return 0;
    return static_cast<int>(
        std::clamp<qint64>(market.firstDay.daysTo(created.toUTC().date()), 0, market.days()));
}

} // namespace

const QStringList& StrategyDemoReturns::regimeNames()
{
    static const QStringList names = {QStringLiteral("bull"), QStringLiteral("bear"),
                                      QStringLiteral("sideways"), QStringLiteral("volatile")};
    return names;
}

DemoMarket StrategyDemoReturns::market(std::uint64_t seed, const QDate& firstDay, int days)
{
    DemoMarket m;
    m.firstDay = firstDay;
    DemoRandom random = DemoRandom::derived(seed, 0xA11CEULL);
    int regime = 0;
    int inRegime = 0;
    for (int d = 0; d < days; ++d) {
        if (d > 0 && !random.chance(kStay)) {
            regime = (regime + random.between(1, 3)) % 4;
            inRegime = 0;
        }
        m.regime << regime;
        m.dayInRegime << ++inRegime;
        m.marketReturn << random.normal(kDrift[regime], kVol[regime]);
        const QByteArray date = firstDay.addDays(d).toString(Qt::ISODate).toLatin1();
        m.periodStart << date + "T00:00:00.000Z";
        m.periodEnd << date + "T23:59:59.000Z";
    }
    return m;
}

void StrategyDemoReturns::simulate(const DemoStrategy& s, const DemoMarket& market, std::uint64_t seed,
                                   const std::function<void(int, const Day&)>& day)
{
    DemoRandom random = DemoRandom::derived(seed, static_cast<std::uint64_t>(s.index) + 1);
    std::deque<double> window;
    double sum = 0;
    double squares = 0;
    double downside = 0;
    double equity = 1;
    double peak = 1;
    double worst = 0;
    const int live = firstLiveDay(s, market);
    for (int d = 0; d < market.days(); ++d) {
        const int regime = market.regime.at(d);
        Day out;
        const double noise = s.idiosyncratic * (regime == 3 ? 1.5 : 1.0) * random.normal();
        const double edge = d < live ? s.alpha + s.tilt[regime] + kBacktestFit
                                     : s.alpha * kLiveAlphaKept + s.tilt[regime] * kLiveTiltKept - kLiveCost;
        out.ret = std::max(-0.5, s.beta * market.marketReturn.at(d) + edge + noise);
        out.trades = random.poisson(s.tradesPerDay);
        const double winning = std::clamp(0.5 + 0.3 * std::tanh(out.ret / s.idiosyncratic), 0.1, 0.9);
        out.winners = random.binomial(out.trades, winning);
        if (out.trades > 0)
            out.holdingHours = std::round(s.holdingHours * std::exp(random.normal(0, 0.25)) * 100) / 100;
        const double signalShare = 0.7 + 0.1 * random.normal();
        out.signalContribution = out.ret * signalShare;
        out.riskContribution = out.ret * 0.1;
        out.sizerContribution = out.ret - out.signalContribution - out.riskContribution;
        out.exposure = std::clamp(0.35 + 0.4 * random.uniform() + (regime == 0 ? 0.15 : 0.0), 0.0, 1.0);

        window.push_back(out.ret);
        sum += out.ret;
        squares += out.ret * out.ret;
        downside += out.ret < 0 ? out.ret * out.ret : 0;
        if (window.size() > kWindow) {
            const double gone = window.front();
            window.pop_front();
            sum -= gone;
            squares -= gone * gone;
            downside -= gone < 0 ? gone * gone : 0;
        }
        const auto n = static_cast<double>(window.size());
        const double mean = sum / n;
        const double variance = n > 1 ? std::max(0.0, (squares - n * mean * mean) / (n - 1)) : 0;
        const double stddev = std::sqrt(variance);
        const double downDev = std::sqrt(std::max(0.0, downside) / n);
        out.sharpe = stddev > 0 ? mean / stddev * kAnnual : 0;
        out.sortino = downDev > 0 ? mean / downDev * kAnnual : 0;
        out.volatility = stddev * kAnnual;
        out.var95 = std::max(0.0, 1.645 * stddev - mean);
        equity *= 1 + out.ret;
        peak = std::max(peak, equity);
        worst = std::min(worst, equity / peak - 1);
        out.equity = equity;
        out.maxDrawdown = worst;
        const double annualised = std::pow(equity, 252.0 / (d + 1)) - 1;
        out.calmar = worst < 0 ? annualised / -worst : 0;
        day(d, out);
    }
}

StrategyDemoReturns::Summary StrategyDemoReturns::summarise(const DemoStrategy& strategy,
                                                            const DemoMarket& market, std::uint64_t seed)
{
    Summary summary;
    double sum = 0;
    double squares = 0;
    int wins = 0;
    int n = 0;
    double equity = 1;
    simulate(strategy, market, seed, [&](int, const Day& day) {
        sum += day.ret;
        squares += day.ret * day.ret;
        summary.trades += day.trades;
        wins += day.winners;
        summary.maxDrawdown = day.maxDrawdown;
        equity = day.equity;
        ++n;
    });
    if (n > 1) {
        const double mean = sum / n;
        const double stddev = std::sqrt(std::max(0.0, (squares - n * mean * mean) / (n - 1)));
        summary.sharpe = stddev > 0 ? mean / stddev * kAnnual : 0;
        summary.volatility = stddev * kAnnual;
    }
    summary.totalReturn = equity - 1;
    summary.winRate = summary.trades > 0 ? static_cast<double>(wins) / summary.trades : 0;
    return summary;
}

} // namespace strata
