#include "analytics/FamilyBuilder.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QSet>

#include "analytics/FamilyParameters.h"

namespace strata {

namespace family_builder {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString pairKey(const QString& ancestor, const QString& descendant)
{
    return ancestor + QChar(0) + descendant;
}

/// The members' nodes, the root first, then by generation within the family and creation.
QList<int> orderMembers(const LineageGraph& graph, int root, QHash<int, int>& generationOf)
{
    QList<int> nodes = graph.descendants(root);
    // The graph's generations order every link that is not in a cycle: walking the members in that order
    // sees each parent before its children, so one pass gives the longest path from the root.
    std::stable_sort(nodes.begin(), nodes.end(),
                     [&](int a, int b) { return graph.generation(a) < graph.generation(b); });
    generationOf.insert(root, 0);
    for (int node : std::as_const(nodes))
        generationOf.insert(node, 1);
    for (int node : std::as_const(nodes)) {
        int generation = 1;
        for (int parent : graph.parents(node))
            if (generationOf.contains(parent) && graph.generation(parent) < graph.generation(node))
                generation = std::max(generation, generationOf.value(parent) + 1);
        generationOf[node] = generation;
    }
    const QList<StrategyRecord>& s = graph.strategies();
    std::stable_sort(nodes.begin(), nodes.end(), [&](int a, int b) {
        const int ga = generationOf.value(a), gb = generationOf.value(b);
        if (ga != gb)
            return ga < gb;
        return s.at(a).createdAt < s.at(b).createdAt;
    });
    nodes.prepend(root);
    return nodes;
}

void copyResults(FamilyView::Member& m, const FamilyBuilder::Results* r)
{
    if (r && r->skipped > 0)
        m.problems << QStringLiteral(
                          "%1 daily performance row%2 skipped, as the tearsheet skips them (a second "
                          "row for the same period_start, a time that is not a time or a period "
                          "ending before it starts, a return that is not a number)")
                          .arg(r->skipped)
                          .arg(r->skipped == 1 ? QString() : QStringLiteral("s"));
    if (!r || r->days <= 0) {
        m.days = 0;
        m.totalReturn = m.cagr = m.sharpe = m.sortino = m.maxDrawdown = m.volatility = m.winRate = kNaN;
        m.attribution = {kNaN, kNaN, kNaN};
        m.problems << (r ? QStringLiteral("no usable daily performance rows: its results are empty")
                         : QStringLiteral("no daily performance rows: its results are empty"));
        return;
    }
    m.days = r->days;
    m.totalReturn = r->totalReturn;
    m.cagr = r->cagr;
    m.sharpe = r->sharpe;
    m.sortino = r->sortino;
    m.maxDrawdown = r->maxDrawdown;
    m.volatility = r->volatility;
    m.winRate = r->winRate;
    m.attribution = r->attribution;
}

QStringList orderParameters(const QList<FamilyView::Member>& members)
{
    QSet<QString> names;
    for (const FamilyView::Member& m : members)
        for (auto it = m.parameters.begin(); it != m.parameters.end(); ++it)
            names.insert(it.key());
    QStringList varying, constant;
    for (const QString& name : std::as_const(names)) {
        const QJsonValue first = members.first().parameters.value(name);
        const bool varies = std::any_of(members.cbegin(), members.cend(), [&](const FamilyView::Member& m) {
            return m.parameters.value(name) != first;
        });
        (varies ? varying : constant) << name;
    }
    varying.sort();
    constant.sort();
    return varying + constant;
}

QList<FamilyView::Generation> summariseGenerations(const QList<FamilyView::Member>& members)
{
    struct Sums
    {
        int members = 0, measured = 0; // measured: the members with a finite Sharpe
        std::array<double, 3> attribution{};
        std::array<int, 3> attributed{};
        double sharpe = 0;
    };
    QList<Sums> sums;
    for (const FamilyView::Member& m : members) {
        if (sums.size() <= m.generation)
            sums.resize(m.generation + 1);
        Sums& s = sums[m.generation];
        ++s.members;
        if (m.days <= 0)
            continue;
        // A member whose Sharpe is undefined (sums that overflowed) is left out of the mean instead of
        // making the whole generation's mean undefined.
        if (std::isfinite(m.sharpe)) {
            ++s.measured;
            s.sharpe += m.sharpe;
        }
        for (int c = 0; c < 3; ++c)
            if (std::isfinite(m.attribution.at(c))) {
                s.attribution[c] += m.attribution.at(c);
                ++s.attributed[c];
            }
    }
    QList<FamilyView::Generation> out;
    for (int g = 0; g < sums.size(); ++g) {
        const Sums& s = sums.at(g);
        FamilyView::Generation generation;
        generation.generation = g;
        generation.members = s.members;
        generation.meanSharpe = s.measured > 0 ? s.sharpe / s.measured : kNaN;
        for (int c = 0; c < 3; ++c)
            generation.attribution[c] =
                s.attributed.at(c) > 0 ? s.attribution.at(c) / s.attributed.at(c) : kNaN;
        out << generation;
    }
    return out;
}

} // namespace family_builder

FamilyView FamilyBuilder::build(const LineageGraph& graph, const QString& rootId,
                                const QHash<QString, Results>& results)
{
    FamilyView view;
    view.rootId = rootId;
    const int root = graph.indexOf(rootId);
    if (root < 0) {
        view.problems << QStringLiteral("strategy %1 is not in strategy_registry").arg(rootId);
        return view;
    }
    QHash<int, int> generationOf;
    const QList<int> nodes = family_builder::orderMembers(graph, root, generationOf);
    const QList<StrategyRecord>& strategies = graph.strategies();
    QSet<QString> ids;
    for (int node : nodes)
        ids.insert(strategies.at(node).strategyId);

    // The first link into each member from inside the family: the registry's parent when it is there.
    QHash<int, int> linkInto;
    for (int l = 0; l < graph.links().size(); ++l) {
        const LineageGraph::Link& link = graph.links().at(l);
        if (!generationOf.contains(link.parent) || !generationOf.contains(link.child) || link.child == root)
            continue;
        const auto known = linkInto.constFind(link.child);
        const bool registryParent =
            strategies.at(link.child).parentId == strategies.at(link.parent).strategyId;
        if (known == linkInto.cend() || (registryParent && !link.inCycle))
            linkInto.insert(link.child, l);
    }

    QHash<QString, qsizetype> memberIndex;
    for (int node : nodes) {
        const StrategyRecord& s = strategies.at(node);
        FamilyView::Member m;
        m.strategyId = s.strategyId;
        m.name = s.name;
        m.version = s.version;
        m.generation = generationOf.value(node);
        m.status = s.statusText;
        m.parameters = FamilyParameters::of(s);
        m.problems = s.problems;
        if (const auto link = linkInto.constFind(node); link != linkInto.cend()) {
            const LineageGraph::Link& l = graph.links().at(*link);
            m.parentId = strategies.at(l.parent).strategyId;
            m.relationship = l.relationshipType;
        }
        const auto found = results.constFind(s.strategyId);
        family_builder::copyResults(m, found == results.cend() ? nullptr : &*found);
        memberIndex.insert(m.strategyId, view.members.size());
        view.members << std::move(m);
    }
    for (FamilyView::Member& m : view.members)
        if (!m.parentId.isEmpty())
            m.changed = FamilyParameters::changed(view.members.at(memberIndex.value(m.parentId)).parameters,
                                                  m.parameters);
    view.parameterNames = family_builder::orderParameters(view.members);

    // Edges: the direct links inside the family, with the figures of the lineage row that records them.
    // Problems name where they were found; the same sentence found again elsewhere (a cycle is a problem of
    // each of its rows and strategies) is listed once.
    QSet<QString> found;
    const auto problem = [&](const QString& where, const QString& text) {
        if (!found.contains(text)) {
            found.insert(text);
            view.problems << where + QStringLiteral(": ") + text;
        }
    };
    QHash<QString, const LineageEdge*> rows;
    for (const LineageEdge& e : graph.edges()) {
        if (e.generationDistance == 1 && ids.contains(e.ancestorId))
            rows.insert(family_builder::pairKey(e.ancestorId, e.descendantId), &e);
        if ((ids.contains(e.ancestorId) || ids.contains(e.descendantId)) && !e.problems.isEmpty())
            for (const QString& p : e.problems)
                problem(
                    QStringLiteral("lineage row %1 (%2 → %3)").arg(e.id).arg(e.ancestorId, e.descendantId),
                    p);
    }
    for (const LineageGraph::Link& link : graph.links()) {
        if (!generationOf.contains(link.parent) || !generationOf.contains(link.child))
            continue;
        FamilyView::Edge edge;
        edge.ancestorId = strategies.at(link.parent).strategyId;
        edge.descendantId = strategies.at(link.child).strategyId;
        edge.relationship = link.relationshipType;
        if (const LineageEdge* row =
                rows.value(family_builder::pairKey(edge.ancestorId, edge.descendantId))) {
            edge.reason = row->evolutionReason;
            edge.performanceImprovement = row->performanceImprovement;
            edge.riskChange = row->riskChange;
        }
        view.edges << edge;
    }
    for (const FamilyView::Member& m : std::as_const(view.members))
        for (const QString& p : m.problems)
            problem(QStringLiteral("%1 %2 (%3)").arg(m.name, m.version, m.strategyId), p);
    view.generations = family_builder::summariseGenerations(view.members);
    return view;
}

} // namespace strata
