#include "strategy/StrategyDemoWriter.h"

#include <cmath>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include "strategy/StrategyBulkWriter.h"
#include "strategy/StrategyDemoLineage.h"

namespace strata {

namespace {

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray json(const QJsonArray& array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

/// As the strategy set stores times on SQLite ('2026-11-21T09:30:00.000Z'); PostgreSQL reads it too.
QByteArray isoTime(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")).toLatin1();
}

double rounded(double value, int decimals = 6)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 10);
}

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

StrategyDemoWriter::StrategyDemoWriter(Database& db, const QList<DemoStrategy>& strategies,
                                       const DemoMarket& market, std::uint64_t seed)
    : m_db(db), m_strategies(strategies), m_market(market), m_seed(seed)
{
    m_summaries.reserve(strategies.size());
    for (const DemoStrategy& s : strategies)
        m_summaries << StrategyDemoReturns::summarise(s, market, seed);
}

Status StrategyDemoWriter::writeRegistry()
{
    auto w = StrategyBulkWriter::open(m_db, QStringLiteral("strategy_registry"),
                                      {QStringLiteral("strategy_id"),
                                       QStringLiteral("name"),
                                       QStringLiteral("version"),
                                       QStringLiteral("parent_id"),
                                       QStringLiteral("lineage_path"),
                                       QStringLiteral("branch_name"),
                                       QStringLiteral("merge_source"),
                                       QStringLiteral("created_at"),
                                       QStringLiteral("created_by"),
                                       QStringLiteral("description"),
                                       QStringLiteral("tags"),
                                       QStringLiteral("status"),
                                       QStringLiteral("signal_generator_config"),
                                       QStringLiteral("risk_manager_config"),
                                       QStringLiteral("position_sizer_config"),
                                       QStringLiteral("regime_detector_config"),
                                       QStringLiteral("parameters"),
                                       QStringLiteral("performance_summary"),
                                       QStringLiteral("validation_results"),
                                       QStringLiteral("config_hash"),
                                       QStringLiteral("component_hash"),
                                       QStringLiteral("created_at_db"),
                                       QStringLiteral("updated_at")});
    if (!w)
        return w.error();
    for (const DemoStrategy& s : m_strategies) {
        const auto& sum = m_summaries.at(s.index);
        QJsonArray path;
        for (int at = s.index;; at = m_strategies.at(at).parents.first()) {
            path.prepend(m_strategies.at(at).strategyId);
            if (m_strategies.at(at).parents.isEmpty())
                break;
        }
        const QByteArray signal = json(s.signalConfig());
        const QByteArray risk = json(s.riskConfig());
        const QByteArray sizer = json(s.sizerConfig());
        const QByteArray regime = json(s.regimeConfig());
        const QByteArray created = isoTime(s.createdAt);
        (*w)->text(s.strategyId);
        (*w)->text(s.name);
        (*w)->text(s.version);
        (*w)->textOrNull(s.parents.isEmpty() ? QString() : m_strategies.at(s.parents.first()).strategyId);
        (*w)->text(json(path));
        (*w)->text(s.branch);
        (*w)->textOrNull(s.parents.size() > 1 ? m_strategies.at(s.parents.at(1)).strategyId : QString());
        (*w)->text(created);
        (*w)->text(s.createdBy);
        (*w)->text(s.description);
        (*w)->text(json(QJsonArray::fromStringList(s.tags)));
        (*w)->text(strategyStatusName(s.status));
        (*w)->text(signal);
        (*w)->text(risk);
        (*w)->text(sizer);
        (*w)->text(regime);
        (*w)->text(json(s.params));
        (*w)->text(json(QJsonObject{{QStringLiteral("total_return"), rounded(sum.totalReturn)},
                                    {QStringLiteral("sharpe_ratio"), rounded(sum.sharpe, 4)},
                                    {QStringLiteral("max_drawdown"), rounded(sum.maxDrawdown)},
                                    {QStringLiteral("volatility"), rounded(sum.volatility)},
                                    {QStringLiteral("win_rate"), rounded(sum.winRate, 4)},
                                    {QStringLiteral("total_trades"), sum.trades},
                                    {QStringLiteral("days"), m_market.days()}}));
        if (s.status == StrategyStatus::Experimental)
            (*w)->null();
        else
            (*w)->text(json(QJsonObject{
                {QStringLiteral("walk_forward_sharpe"), rounded(sum.sharpe * 0.8, 4)},
                {QStringLiteral("monte_carlo_p_value"), rounded(std::exp(-std::abs(sum.sharpe) * 2), 4)},
                {QStringLiteral("passed"), sum.sharpe > 0.5 && sum.maxDrawdown > -0.35},
                {QStringLiteral("checks"),
                 QJsonArray{QStringLiteral("walk_forward"), QStringLiteral("monte_carlo"),
                            QStringLiteral("parameter_stability")}}}));
        (*w)->text(sha256(signal + '\n' + risk + '\n' + sizer + '\n' + regime));
        (*w)->text(sha256(QStringLiteral("%1|fixed_fractional|%2|%3")
                              .arg(s.signalType, s.sizerType, s.regimeType)
                              .toUtf8()));
        (*w)->text(created);
        (*w)->text(isoTime(s.versions.last().createdAt));
        if (auto row = (*w)->endRow(); !row)
            return row;
    }
    return (*w)->finish();
}

Status StrategyDemoWriter::writeVersions(qint64& rows)
{
    auto w = StrategyBulkWriter::open(m_db, QStringLiteral("strategy_versions"),
                                      {QStringLiteral("strategy_id"), QStringLiteral("version"),
                                       QStringLiteral("created_at"), QStringLiteral("changes"),
                                       QStringLiteral("performance_delta"), QStringLiteral("is_major"),
                                       QStringLiteral("component_changes"),
                                       QStringLiteral("parameter_changes"), QStringLiteral("created_at_db")});
    if (!w)
        return w.error();
    for (const DemoStrategy& s : m_strategies) {
        for (qsizetype v = 0; v < s.versions.size(); ++v) {
            const DemoVersion& version = s.versions.at(v);
            const QByteArray created = isoTime(version.createdAt);
            (*w)->text(s.strategyId);
            (*w)->text(version.version);
            (*w)->text(created);
            (*w)->text(json(version.changes));
            if (v == 0 && !s.parents.isEmpty()) {
                const auto& mine = m_summaries.at(s.index);
                const auto& parent = m_summaries.at(s.parents.first());
                (*w)->text(json(QJsonObject{
                    {QStringLiteral("sharpe_ratio"), rounded(mine.sharpe - parent.sharpe, 4)},
                    {QStringLiteral("total_return"), rounded(mine.totalReturn - parent.totalReturn)},
                    {QStringLiteral("max_drawdown"), rounded(mine.maxDrawdown - parent.maxDrawdown)}}));
            } else {
                (*w)->null();
            }
            (*w)->boolean(version.isMajor);
            (*w)->text(json(version.componentChanges));
            (*w)->text(json(version.parameterChanges));
            (*w)->text(created);
            if (auto row = (*w)->endRow(); !row)
                return row;
        }
    }
    rows = (*w)->rows();
    return (*w)->finish();
}

Status StrategyDemoWriter::writeLineage(qint64& rows)
{
    auto w =
        StrategyBulkWriter::open(m_db, QStringLiteral("strategy_lineage"),
                                 {QStringLiteral("ancestor_id"), QStringLiteral("descendant_id"),
                                  QStringLiteral("relationship_type"), QStringLiteral("generation_distance"),
                                  QStringLiteral("created_at"), QStringLiteral("evolution_reason"),
                                  QStringLiteral("change_impact"), QStringLiteral("performance_improvement"),
                                  QStringLiteral("risk_change"), QStringLiteral("created_at_db")});
    if (!w)
        return w.error();
    for (const DemoStrategy& s : m_strategies) {
        const QByteArray created = isoTime(s.createdAt);
        for (const auto& [ancestor, distance] : StrategyDemoLineage::ancestorsOf(m_strategies, s.index)) {
            const DemoStrategy& a = m_strategies.at(ancestor);
            const bool direct = distance == 1;
            const QString type = !direct                         ? QStringLiteral("ancestor")
                                 : s.parents.first() == ancestor ? s.relationship
                                                                 : QStringLiteral("merge");
            (*w)->text(a.strategyId);
            (*w)->text(s.strategyId);
            (*w)->text(type);
            (*w)->integer(distance);
            (*w)->text(created);
            (*w)->text(direct ? s.description.left(200)
                              : QStringLiteral("Descends from %1 %2 over %3 generations.")
                                    .arg(a.name, a.version)
                                    .arg(distance)
                                    .left(200));
            (*w)->text(json(direct ? QJsonObject{{QStringLiteral("parameters_changed"),
                                                  QJsonArray::fromStringList(s.changed)},
                                                 {QStringLiteral("components_changed"),
                                                  s.versions.first().componentChanges}}
                                   : QJsonObject{{QStringLiteral("generations"), distance}}));
            (*w)->real(rounded(m_summaries.at(s.index).sharpe - m_summaries.at(ancestor).sharpe, 4));
            (*w)->real(rounded(m_summaries.at(s.index).volatility - m_summaries.at(ancestor).volatility));
            (*w)->text(created);
            if (auto row = (*w)->endRow(); !row)
                return row;
        }
    }
    rows = (*w)->rows();
    return (*w)->finish();
}

Status StrategyDemoWriter::writePerformance(qint64& rows, const Progress& progress)
{
    auto w = StrategyBulkWriter::open(m_db, QStringLiteral("strategy_performance"),
                                      {QStringLiteral("strategy_id"),
                                       QStringLiteral("version"),
                                       QStringLiteral("period_start"),
                                       QStringLiteral("period_end"),
                                       QStringLiteral("period_type"),
                                       QStringLiteral("total_return"),
                                       QStringLiteral("total_return_pct"),
                                       QStringLiteral("sharpe_ratio"),
                                       QStringLiteral("max_drawdown"),
                                       QStringLiteral("win_rate"),
                                       QStringLiteral("total_trades"),
                                       QStringLiteral("winning_trades"),
                                       QStringLiteral("losing_trades"),
                                       QStringLiteral("avg_trade_duration_hours"),
                                       QStringLiteral("volatility"),
                                       QStringLiteral("sortino_ratio"),
                                       QStringLiteral("calmar_ratio"),
                                       QStringLiteral("var_95"),
                                       QStringLiteral("signal_generator_contribution"),
                                       QStringLiteral("risk_manager_contribution"),
                                       QStringLiteral("position_sizer_contribution"),
                                       QStringLiteral("regime_performance"),
                                       QStringLiteral("additional_metrics"),
                                       QStringLiteral("test_symbol"),
                                       QStringLiteral("test_timeframe"),
                                       QStringLiteral("test_parameters"),
                                       QStringLiteral("created_at"),
                                       QStringLiteral("updated_at")});
    if (!w)
        return w.error();
    const QByteArray daily("daily");
    const QStringList& regimes = StrategyDemoReturns::regimeNames();
    Status failed;
    for (const DemoStrategy& s : m_strategies) {
        if (progress.cancelled())
            return Error::failed(QStringLiteral("The demo was cancelled."),
                                 QStringLiteral("Nothing was written."), QStringLiteral("Run it again."));
        progress.report(s.index, m_strategies.size(), QStringLiteral("performance of %1").arg(s.strategyId));
        const QByteArray id = s.strategyId.toUtf8();
        const QByteArray version = s.version.toUtf8();
        const QByteArray symbol = s.symbol.toUtf8();
        const QByteArray timeframe = s.timeframe.toUtf8();
        // Before its current version was created a strategy's days are that version's backtest; from the
        // creation day on they are its live record.
        const QByteArray backtest =
            json(QJsonObject{{QStringLiteral("mode"), QStringLiteral("backtest")},
                             {QStringLiteral("initial_capital"), 100000},
                             {QStringLiteral("fee_bps"), 2.5},
                             {QStringLiteral("slippage_bps"), 1.0},
                             {QStringLiteral("data_source"), QStringLiteral("exchange_ohlcv")}});
        const QByteArray live =
            json(QJsonObject{{QStringLiteral("mode"), QStringLiteral("live")},
                             {QStringLiteral("initial_capital"), 100000},
                             {QStringLiteral("fee_bps"), 2.5},
                             {QStringLiteral("data_source"), QStringLiteral("live_fills")}});
        const QDate liveFrom = s.versions.last().createdAt.toUTC().date();
        StrategyDemoReturns::simulate(s, m_market, m_seed, [&](int d, const StrategyDemoReturns::Day& day) {
            if (!failed)
                return;
            StrategyBulkWriter& out = **w;
            out.text(id);
            out.text(version);
            out.text(m_market.periodStart.at(d));
            out.text(m_market.periodEnd.at(d));
            out.text(daily);
            out.real(day.ret);
            out.real(day.ret * 100);
            out.real(day.sharpe);
            out.real(day.maxDrawdown);
            if (day.trades > 0)
                out.real(static_cast<double>(day.winners) / day.trades);
            else
                out.null();
            out.integer(day.trades);
            out.integer(day.winners);
            out.integer(day.trades - day.winners);
            if (day.holdingHours)
                out.real(*day.holdingHours);
            else
                out.null();
            out.real(day.volatility);
            out.real(day.sortino);
            out.real(day.calmar);
            out.real(day.var95);
            out.real(day.signalContribution);
            out.real(day.riskContribution);
            out.real(day.sizerContribution);
            out.text("{\"regime\":\"" + regimes.at(m_market.regime.at(d)).toLatin1() +
                     "\",\"day_in_regime\":" + QByteArray::number(m_market.dayInRegime.at(d)) +
                     ",\"market_return\":" + number(m_market.marketReturn.at(d)) +
                     ",\"excess_return\":" + number(day.ret - m_market.marketReturn.at(d)) + "}");
            out.text("{\"equity\":" + number(day.equity) + ",\"exposure\":" + number(day.exposure) + "}");
            out.text(symbol);
            out.text(timeframe);
            out.text(m_market.firstDay.addDays(d) < liveFrom ? backtest : live);
            out.text(m_market.periodEnd.at(d));
            out.text(m_market.periodEnd.at(d));
            failed = out.endRow();
        });
        if (!failed)
            return failed;
    }
    progress.report(m_strategies.size(), m_strategies.size(), QStringLiteral("performance written"));
    rows = (*w)->rows();
    return (*w)->finish();
}

} // namespace strata
