#include "strategy/StrategyDemoCatalog.h"

#include <algorithm>
#include <cmath>

#include <QJsonArray>

namespace strata {

const QList<StrategyDemoCatalog::Archetype>& StrategyDemoCatalog::archetypes()
{
    // Daily figures: alpha 3 bp is about 7.5 % a year; tilts make each kind win in its own regimes.
    static const QList<Archetype> list = {
        {QStringLiteral("Momentum Breakout"),
         QStringLiteral("momentum-breakout"),
         QStringLiteral("momentum_breakout"),
         QStringLiteral("BTC-USD"),
         QStringLiteral("1h"),
         {QStringLiteral("momentum"), QStringLiteral("crypto"), QStringLiteral("intraday")},
         0.0003,
         0.55,
         0.011,
         {0.0009, 0.0004, -0.0007, -0.0003},
         7,
         9},
        {QStringLiteral("Mean Reversion Bands"),
         QStringLiteral("mean-reversion"),
         QStringLiteral("bollinger_reversion"),
         QStringLiteral("ETH-USD"),
         QStringLiteral("15m"),
         {QStringLiteral("mean-reversion"), QStringLiteral("crypto")},
         0.0002,
         0.15,
         0.008,
         {-0.0002, -0.0004, 0.0010, -0.0009},
         14,
         3},
        {QStringLiteral("Trend Follower"),
         QStringLiteral("trend-follower"),
         QStringLiteral("ema_trend"),
         QStringLiteral("ES-FUT"),
         QStringLiteral("1d"),
         {QStringLiteral("trend"), QStringLiteral("futures")},
         0.0002,
         0.35,
         0.007,
         {0.0006, 0.0006, -0.0005, 0.0001},
         2,
         70},
        {QStringLiteral("Volatility Carry"),
         QStringLiteral("vol-carry"),
         QStringLiteral("variance_premium"),
         QStringLiteral("VIX-FUT"),
         QStringLiteral("4h"),
         {QStringLiteral("carry"), QStringLiteral("volatility")},
         0.0004,
         -0.2,
         0.006,
         {0.0003, -0.0006, 0.0005, -0.0016},
         3,
         30},
        {QStringLiteral("Pairs Spread"),
         QStringLiteral("pairs-spread"),
         QStringLiteral("cointegration_spread"),
         QStringLiteral("BTC/ETH"),
         QStringLiteral("1h"),
         {QStringLiteral("stat-arb"), QStringLiteral("market-neutral")},
         0.0002,
         0.05,
         0.005,
         {0.0000, 0.0002, 0.0004, -0.0004},
         9,
         14},
        {QStringLiteral("Regime Rotation"),
         QStringLiteral("regime-rotation"),
         QStringLiteral("regime_rotation"),
         QStringLiteral("QQQ"),
         QStringLiteral("1d"),
         {QStringLiteral("macro"), QStringLiteral("equities")},
         0.0003,
         0.6,
         0.006,
         {0.0004, 0.0001, 0.0000, 0.0002},
         1.5,
         120},
        {QStringLiteral("Order Flow Scalper"),
         QStringLiteral("orderflow-scalper"),
         QStringLiteral("order_flow_imbalance"),
         QStringLiteral("SOL-USD"),
         QStringLiteral("5m"),
         {QStringLiteral("microstructure"), QStringLiteral("crypto"), QStringLiteral("high-frequency")},
         0.0004,
         0.1,
         0.009,
         {0.0002, 0.0000, 0.0003, 0.0006},
         40,
         0.5},
        {QStringLiteral("Funding Arbitrage"),
         QStringLiteral("funding-arb"),
         QStringLiteral("funding_basis"),
         QStringLiteral("BTC-PERP"),
         QStringLiteral("8h"),
         {QStringLiteral("carry"), QStringLiteral("crypto")},
         0.0003,
         0.02,
         0.003,
         {0.0002, -0.0001, 0.0001, -0.0003},
         3,
         48},
    };
    return list;
}

const QList<StrategyDemoCatalog::Parameter>& StrategyDemoCatalog::parameters()
{
    static const QList<Parameter> list = {
        {QStringLiteral("lookback"), QStringLiteral("signal_generator"), 5, 120, 2, true},
        {QStringLiteral("entry_threshold"), QStringLiteral("signal_generator"), 0.5, 3.0, 0.1, false},
        {QStringLiteral("exit_threshold"), QStringLiteral("signal_generator"), 0.1, 2.0, 0.1, false},
        {QStringLiteral("ema_fast"), QStringLiteral("signal_generator"), 5, 30, 1, true},
        {QStringLiteral("ema_slow"), QStringLiteral("signal_generator"), 31, 120, 3, true},
        {QStringLiteral("rsi_window"), QStringLiteral("signal_generator"), 6, 30, 1, true},
        {QStringLiteral("rsi_upper"), QStringLiteral("signal_generator"), 60, 85, 1, true},
        {QStringLiteral("rsi_lower"), QStringLiteral("signal_generator"), 15, 40, 1, true},
        {QStringLiteral("atr_window"), QStringLiteral("signal_generator"), 7, 30, 1, true},
        {QStringLiteral("stop_loss_pct"), QStringLiteral("risk_manager"), 0.5, 5.0, 0.25, false},
        {QStringLiteral("take_profit_pct"), QStringLiteral("risk_manager"), 1.0, 12.0, 0.5, false},
        {QStringLiteral("max_daily_loss_pct"), QStringLiteral("risk_manager"), 1.0, 6.0, 0.5, false},
        {QStringLiteral("max_open_positions"), QStringLiteral("risk_manager"), 1, 12, 1, true},
        {QStringLiteral("trailing_stop_pct"), QStringLiteral("risk_manager"), 0.0, 4.0, 0.25, false},
        {QStringLiteral("target_volatility"), QStringLiteral("position_sizer"), 0.05, 0.40, 0.01, false},
        {QStringLiteral("max_position_pct"), QStringLiteral("position_sizer"), 2, 25, 1, false},
        {QStringLiteral("kelly_fraction"), QStringLiteral("position_sizer"), 0.1, 1.0, 0.05, false},
        {QStringLiteral("regime_lookback_days"), QStringLiteral("regime_detector"), 20, 250, 5, true},
        {QStringLiteral("regime_min_confidence"), QStringLiteral("regime_detector"), 0.5, 0.95, 0.05, false},
    };
    return list;
}

QStringList StrategyDemoCatalog::sizerTypes()
{
    return {QStringLiteral("volatility_target"), QStringLiteral("fractional_kelly"),
            QStringLiteral("fixed_notional")};
}

QStringList StrategyDemoCatalog::regimeTypes()
{
    return {QStringLiteral("hidden_markov"), QStringLiteral("volatility_threshold"),
            QStringLiteral("trend_filter")};
}

QStringList StrategyDemoCatalog::branchNames()
{
    return {QStringLiteral("low-vol"),      QStringLiteral("aggressive"), QStringLiteral("eu-session"),
            QStringLiteral("asia-session"), QStringLiteral("tight-risk"), QStringLiteral("long-only"),
            QStringLiteral("hedged"),       QStringLiteral("fast-exit"),  QStringLiteral("wide-stops")};
}

QStringList StrategyDemoCatalog::forkVariants()
{
    return {QStringLiteral("Intraday"),  QStringLiteral("Defensive"), QStringLiteral("Majors"),
            QStringLiteral("Long Only"), QStringLiteral("Adaptive"),  QStringLiteral("Overnight"),
            QStringLiteral("Neutral"),   QStringLiteral("Turbo"),     QStringLiteral("Lite")};
}

QStringList StrategyDemoCatalog::authors()
{
    return {QStringLiteral("a.chen"),           QStringLiteral("m.okafor"), QStringLiteral("j.lindqvist"),
            QStringLiteral("r.patel"),          QStringLiteral("s.moreau"), QStringLiteral("k.tanaka"),
            QStringLiteral("research-pipeline")};
}

namespace {

double snap(const StrategyDemoCatalog::Parameter& p, double value)
{
    value = std::clamp(value, p.low, p.high);
    value = p.low + std::round((value - p.low) / p.step) * p.step;
    // Rounded to the step's decimals, so the JSON reads 1.5 rather than 1.5000000000000002.
    return std::round(value * 10000.0) / 10000.0;
}

QJsonValue jsonNumber(const StrategyDemoCatalog::Parameter& p, double value)
{
    return p.integer ? QJsonValue(static_cast<qint64>(std::llround(value))) : QJsonValue(value);
}

} // namespace

QJsonObject StrategyDemoCatalog::initialParameters(DemoRandom& random)
{
    QJsonObject params;
    for (const Parameter& p : parameters()) {
        const double middle = p.low + (p.high - p.low) * random.uniform(0.3, 0.6);
        params.insert(p.name, jsonNumber(p, snap(p, middle)));
    }
    return params;
}

QStringList StrategyDemoCatalog::mutate(QJsonObject& params, int count, DemoRandom& random)
{
    QStringList changed;
    const auto& all = parameters();
    for (int attempt = 0; changed.size() < count && attempt < 20; ++attempt) {
        const Parameter& p = all.at(random.between(0, static_cast<int>(all.size()) - 1));
        if (changed.contains(p.name))
            continue;
        const double before = params.value(p.name).toDouble();
        const int steps = random.between(1, 3) * (random.chance(0.5) ? 1 : -1);
        double after = snap(p, before + steps * p.step);
        if (after == before)
            after = snap(p, before - steps * p.step);
        if (after == before)
            continue;
        params.insert(p.name, jsonNumber(p, after));
        changed << p.name;
    }
    return changed;
}

QJsonObject StrategyDemoCatalog::differences(const QJsonObject& before, const QJsonObject& after)
{
    QJsonObject out;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it)
        if (before.value(it.key()) != it.value())
            out.insert(it.key(), QJsonObject{{QStringLiteral("from"), before.value(it.key())},
                                             {QStringLiteral("to"), it.value()}});
    return out;
}

QJsonObject StrategyDemoCatalog::componentsOf(const QStringList& changed)
{
    QJsonObject out;
    for (const Parameter& p : parameters())
        if (changed.contains(p.name)) {
            QJsonArray names = out.value(p.component).toArray();
            names.append(p.name);
            out.insert(p.component, names);
        }
    return out;
}

QString StrategyDemoCatalog::describe(const QJsonObject& differences)
{
    QStringList parts;
    for (auto it = differences.constBegin(); it != differences.constEnd(); ++it) {
        const QJsonObject change = it.value().toObject();
        parts << QStringLiteral("%1 %2 → %3")
                     .arg(it.key(), QString::number(change.value(QStringLiteral("from")).toDouble()),
                          QString::number(change.value(QStringLiteral("to")).toDouble()));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace strata
