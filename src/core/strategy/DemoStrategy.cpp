#include "strategy/DemoStrategy.h"

#include <QJsonArray>

namespace strata {

namespace {

QJsonObject indicator(const QString& name, std::initializer_list<std::pair<QString, QJsonValue>> fields)
{
    QJsonObject o{{QStringLiteral("name"), name}};
    for (const auto& [key, value] : fields)
        o.insert(key, value);
    return o;
}

} // namespace

QJsonObject DemoStrategy::signalConfig() const
{
    const auto p = [this](const char* key) { return params.value(QLatin1String(key)); };
    return {{QStringLiteral("type"), signalType},
            {QStringLiteral("timeframe"), timeframe},
            {QStringLiteral("symbol"), symbol},
            {QStringLiteral("lookback"), p("lookback")},
            {QStringLiteral("entry_threshold"), p("entry_threshold")},
            {QStringLiteral("exit_threshold"), p("exit_threshold")},
            {QStringLiteral("indicators"),
             QJsonArray{indicator(QStringLiteral("ema"), {{QStringLiteral("fast"), p("ema_fast")},
                                                          {QStringLiteral("slow"), p("ema_slow")}}),
                        indicator(QStringLiteral("rsi"), {{QStringLiteral("window"), p("rsi_window")},
                                                          {QStringLiteral("upper"), p("rsi_upper")},
                                                          {QStringLiteral("lower"), p("rsi_lower")}}),
                        indicator(QStringLiteral("atr"), {{QStringLiteral("window"), p("atr_window")}})}}};
}

QJsonObject DemoStrategy::riskConfig() const
{
    const auto p = [this](const char* key) { return params.value(QLatin1String(key)); };
    return {{QStringLiteral("type"), QStringLiteral("fixed_fractional")},
            {QStringLiteral("stop_loss_pct"), p("stop_loss_pct")},
            {QStringLiteral("take_profit_pct"), p("take_profit_pct")},
            {QStringLiteral("max_daily_loss_pct"), p("max_daily_loss_pct")},
            {QStringLiteral("max_open_positions"), p("max_open_positions")},
            {QStringLiteral("trailing_stop"), p("trailing_stop_pct").toDouble() > 0},
            {QStringLiteral("trailing_stop_pct"), p("trailing_stop_pct")}};
}

QJsonObject DemoStrategy::sizerConfig() const
{
    const auto p = [this](const char* key) { return params.value(QLatin1String(key)); };
    return {{QStringLiteral("type"), sizerType},
            {QStringLiteral("target_volatility"), p("target_volatility")},
            {QStringLiteral("max_position_pct"), p("max_position_pct")},
            {QStringLiteral("kelly_fraction"), p("kelly_fraction")}};
}

QJsonObject DemoStrategy::regimeConfig() const
{
    const auto p = [this](const char* key) { return params.value(QLatin1String(key)); };
    return {{QStringLiteral("type"), regimeType},
            {QStringLiteral("states"), QJsonArray{QStringLiteral("bull"), QStringLiteral("bear"),
                                                  QStringLiteral("sideways"), QStringLiteral("volatile")}},
            {QStringLiteral("lookback_days"), p("regime_lookback_days")},
            {QStringLiteral("min_confidence"), p("regime_min_confidence")},
            {QStringLiteral("features"),
             QJsonArray{QStringLiteral("returns"), QStringLiteral("realized_volatility"),
                        QStringLiteral("trend_strength")}}};
}

} // namespace strata
