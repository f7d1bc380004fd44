#include "analytics/FamilyJson.h"

#include <cmath>

#include <QJsonArray>

#include "strategy/JsonValues.h"

namespace strata {

namespace family_json {

using jsonvalues::number;
using jsonvalues::optionalNumber;
using jsonvalues::textOrNull;

QJsonObject attribution(const std::array<double, 3>& a)
{
    return {{QStringLiteral("signal_generator"), number(a[0])},
            {QStringLiteral("risk_manager"), number(a[1])},
            {QStringLiteral("position_sizer"), number(a[2])}};
}

QJsonObject member(const FamilyView::Member& m)
{
    const QJsonObject results{
        {QStringLiteral("total_return"), number(m.totalReturn)},
        {QStringLiteral("cagr"), number(m.cagr)},
        {QStringLiteral("sharpe"), number(m.sharpe)},
        {QStringLiteral("sortino"), number(m.sortino)},
        {QStringLiteral("max_drawdown"), number(m.maxDrawdown)},
        {QStringLiteral("volatility"), number(m.volatility)},
        {QStringLiteral("win_rate"), number(m.winRate)},
    };
    return {{QStringLiteral("strategy_id"), m.strategyId},
            {QStringLiteral("name"), m.name},
            {QStringLiteral("version"), m.version},
            {QStringLiteral("parent_id"), textOrNull(m.parentId)},
            {QStringLiteral("relationship"), textOrNull(m.relationship)},
            {QStringLiteral("generation"), m.generation},
            {QStringLiteral("status"), m.status},
            {QStringLiteral("parameters"), m.parameters},
            {QStringLiteral("changed"), QJsonArray::fromStringList(m.changed)},
            {QStringLiteral("days"), m.days},
            {QStringLiteral("results"), results},
            {QStringLiteral("attribution"), attribution(m.attribution)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(m.problems)}};
}

QJsonObject edge(const FamilyView::Edge& e)
{
    return {{QStringLiteral("ancestor_id"), e.ancestorId},
            {QStringLiteral("descendant_id"), e.descendantId},
            {QStringLiteral("distance"), e.distance},
            {QStringLiteral("relationship"), textOrNull(e.relationship)},
            {QStringLiteral("reason"), textOrNull(e.reason)},
            {QStringLiteral("performance_improvement"), optionalNumber(e.performanceImprovement)},
            {QStringLiteral("risk_change"), optionalNumber(e.riskChange)}};
}

QJsonObject generation(const FamilyView::Generation& g)
{
    return {{QStringLiteral("generation"), g.generation},
            {QStringLiteral("members"), g.members},
            {QStringLiteral("mean_sharpe"), number(g.meanSharpe)},
            {QStringLiteral("attribution"), attribution(g.attribution)}};
}

} // namespace family_json

QJsonObject FamilyJson::family(const FamilyView& family)
{
    QJsonArray members, edges, generations;
    for (const auto& m : family.members)
        members.append(family_json::member(m));
    for (const auto& e : family.edges)
        edges.append(family_json::edge(e));
    for (const auto& g : family.generations)
        generations.append(family_json::generation(g));
    return {{QStringLiteral("root"), family.rootId},
            {QStringLiteral("members"), members},
            {QStringLiteral("parameters"), QJsonArray::fromStringList(family.parameterNames)},
            {QStringLiteral("results"), QJsonArray::fromStringList(family.resultNames())},
            {QStringLiteral("edges"), edges},
            {QStringLiteral("generations"), generations},
            {QStringLiteral("problems"), QJsonArray::fromStringList(family.problems)}};
}

} // namespace strata
