#include "strategy/StrategyJson.h"

#include <cmath>

#include <QDateTime>
#include <QTimeZone>

#include "strategy/JsonValues.h"

namespace strata {

namespace {

using jsonvalues::number;
using jsonvalues::optionalNumber;
using jsonvalues::textOrNull;

QJsonValue time(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

/// A JSON column: its value, or its raw text when it is not valid JSON (the problem says so).
QJsonValue field(const JsonField& f)
{
    if (f.raw.isEmpty())
        return QJsonValue::Null;
    return f.error.isEmpty() ? f.value : QJsonValue(f.raw);
}

QJsonArray series(const QList<double>& values)
{
    QJsonArray out;
    for (double v : values)
        out.append(number(v));
    return out;
}

} // namespace

QJsonObject StrategyJson::node(const LineageGraph& graph, int index)
{
    const StrategyRecord& s = graph.strategies().at(index);
    return {{QStringLiteral("strategy_id"), s.strategyId},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("version"), s.version},
            {QStringLiteral("status"), s.statusText},
            {QStringLiteral("status_known"), s.status.has_value()},
            {QStringLiteral("parent_id"), textOrNull(s.parentId)},
            {QStringLiteral("merge_source"), textOrNull(s.mergeSource)},
            {QStringLiteral("branch"), textOrNull(s.branchName)},
            {QStringLiteral("generation"), graph.generation(index)},
            {QStringLiteral("created_at"), time(s.createdAt)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(s.problems)}};
}

QJsonObject StrategyJson::edge(const LineageEdge& e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("ancestor"), e.ancestorId},
            {QStringLiteral("descendant"), e.descendantId},
            {QStringLiteral("relationship_type"), e.relationshipType},
            {QStringLiteral("generation_distance"), e.generationDistance},
            {QStringLiteral("evolution_reason"), textOrNull(e.evolutionReason)},
            {QStringLiteral("performance_improvement"), optionalNumber(e.performanceImprovement)},
            {QStringLiteral("risk_change"), optionalNumber(e.riskChange)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(e.problems)}};
}

QJsonObject StrategyJson::lineage(const LineageGraph& graph)
{
    QJsonArray nodes;
    for (int i = 0; i < graph.strategies().size(); ++i)
        nodes.append(node(graph, i));
    QJsonArray edges;
    for (const LineageEdge& e : graph.edges())
        edges.append(edge(e));
    QJsonArray links;
    for (const LineageGraph::Link& l : graph.links())
        links.append(QJsonObject{{QStringLiteral("parent"), graph.strategies().at(l.parent).strategyId},
                                 {QStringLiteral("child"), graph.strategies().at(l.child).strategyId},
                                 {QStringLiteral("relationship_type"), l.relationshipType},
                                 {QStringLiteral("recorded"), l.recorded},
                                 {QStringLiteral("in_cycle"), l.inCycle}});
    QJsonArray cycles;
    for (const QStringList& c : graph.cycles())
        cycles.append(QJsonArray::fromStringList(c));
    return {{QStringLiteral("nodes"), nodes},
            {QStringLiteral("edges"), edges},
            {QStringLiteral("links"), links},
            {QStringLiteral("cycles"), cycles},
            {QStringLiteral("problems"), QJsonArray::fromStringList(graph.problems())}};
}

QJsonObject StrategyJson::strategy(const StrategyRecord& s)
{
    return {{QStringLiteral("strategy_id"), s.strategyId},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("version"), s.version},
            {QStringLiteral("status"), s.statusText},
            {QStringLiteral("status_known"), s.status.has_value()},
            {QStringLiteral("parent_id"), textOrNull(s.parentId)},
            {QStringLiteral("merge_source"), textOrNull(s.mergeSource)},
            {QStringLiteral("branch"), textOrNull(s.branchName)},
            {QStringLiteral("created_at"), time(s.createdAt)},
            {QStringLiteral("created_by"), s.createdBy},
            {QStringLiteral("description"), s.description},
            {QStringLiteral("signal_generator_config"), field(s.signalGeneratorConfig)},
            {QStringLiteral("risk_manager_config"), field(s.riskManagerConfig)},
            {QStringLiteral("position_sizer_config"), field(s.positionSizerConfig)},
            {QStringLiteral("regime_detector_config"), field(s.regimeDetectorConfig)},
            {QStringLiteral("parameters"), field(s.parameters)},
            {QStringLiteral("performance_summary"), field(s.performanceSummary)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(s.problems)}};
}

QJsonObject StrategyJson::version(const StrategyVersionRecord& v)
{
    return {{QStringLiteral("version"), v.version},
            {QStringLiteral("created_at"), time(v.createdAt)},
            {QStringLiteral("is_major"), v.isMajor},
            {QStringLiteral("changes"), field(v.changes)},
            {QStringLiteral("parameter_changes"), field(v.parameterChanges)},
            {QStringLiteral("component_changes"), field(v.componentChanges)},
            {QStringLiteral("performance_delta"), field(v.performanceDelta)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(v.problems)}};
}

QJsonObject StrategyJson::tearsheet(const Tearsheet& t)
{
    const auto when = [](double seconds) {
        return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(seconds), QTimeZone::utc())
            .toString(Qt::ISODate);
    };
    QJsonObject summary{
        {QStringLiteral("periods"), t.time.size()},
        {QStringLiteral("first_period_end"), t.time.isEmpty() ? QJsonValue() : when(t.time.first())},
        {QStringLiteral("last_period_end"), t.time.isEmpty() ? QJsonValue() : when(t.time.last())},
        {QStringLiteral("total_return"), number(t.totalReturn)},
        {QStringLiteral("annualised_return"), number(t.annualisedReturn)},
        {QStringLiteral("annualised_volatility"), number(t.annualisedVolatility)},
        {QStringLiteral("sharpe"), number(t.sharpe)},
        {QStringLiteral("max_drawdown"), number(t.maxDrawdown)},
        {QStringLiteral("win_rate"), number(t.overallWinRate)},
        {QStringLiteral("total_trades"), t.totalTrades}};
    QJsonArray months;
    for (const auto& m : t.monthlyReturns)
        months.append(QJsonObject{{QStringLiteral("year"), m.year},
                                  {QStringLiteral("month"), m.month},
                                  {QStringLiteral("return"), number(m.monthReturn)}});
    QJsonArray regimes;
    for (const auto& r : t.regimes)
        regimes.append(QJsonObject{{QStringLiteral("name"), r.name},
                                   {QStringLiteral("periods"), r.periods},
                                   {QStringLiteral("total_return"), number(r.totalReturn)},
                                   {QStringLiteral("mean_return"), number(r.meanReturn)},
                                   {QStringLiteral("sharpe"), number(r.sharpe)},
                                   {QStringLiteral("win_rate"), number(r.winRate)}});
    QJsonObject seriesObject{{QStringLiteral("time"), series(t.time)},
                             {QStringLiteral("period_return"), series(t.periodReturn)},
                             {QStringLiteral("cumulative_return"), series(t.cumulativeReturn)},
                             {QStringLiteral("drawdown"), series(t.drawdown)},
                             {QStringLiteral("rolling_sharpe"), series(t.rollingSharpe)},
                             {QStringLiteral("rolling_window"), t.rollingWindow},
                             {QStringLiteral("win_rate"), series(t.winRate)}};
    return {{QStringLiteral("strategy_id"), t.strategyId},
            {QStringLiteral("name"), t.name},
            {QStringLiteral("version"), t.version},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("monthly_returns"), months},
            {QStringLiteral("regimes"), regimes},
            {QStringLiteral("series"), seriesObject},
            {QStringLiteral("problems"), QJsonArray::fromStringList(t.problems)}};
}

} // namespace strata
