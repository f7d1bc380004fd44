#include "strategy/LineageGraph.h"

#include <algorithm>
#include <deque>

#include <QSet>

namespace strata {

namespace {

QString strategyLabel(const StrategyRecord& s)
{
    return QStringLiteral("strategy %1 (%2 %3)").arg(s.strategyId, s.name, s.version);
}

QString edgeLabel(const LineageEdge& e)
{
    return QStringLiteral("lineage row %1 (%2 → %3)").arg(e.id).arg(e.ancestorId, e.descendantId);
}

} // namespace

void LineageGraph::addProblem(QStringList& rowProblems, const QString& problem, const QString& where)
{
    rowProblems << problem;
    m_problems << QStringLiteral("%1: %2").arg(where, problem);
}

LineageGraph LineageGraph::build(QList<StrategyRecord> strategies, QList<LineageEdge> edges)
{
    LineageGraph g;
    g.m_strategies = std::move(strategies);
    g.m_edges = std::move(edges);
    for (int i = 0; i < g.m_strategies.size(); ++i) {
        const StrategyRecord& s = g.m_strategies.at(i);
        for (const QString& p : s.problems)
            g.m_problems << QStringLiteral("%1: %2").arg(strategyLabel(s), p);
        if (!g.m_index.contains(s.strategyId))
            g.m_index.insert(s.strategyId, i);
    }
    for (const LineageEdge& e : std::as_const(g.m_edges))
        for (const QString& p : e.problems)
            g.m_problems << QStringLiteral("%1: %2").arg(edgeLabel(e), p);
    g.m_out.resize(g.m_strategies.size());
    g.m_in.resize(g.m_strategies.size());

    QSet<QPair<int, int>> linked;
    for (LineageEdge& e : g.m_edges) {
        const int a = g.indexOf(e.ancestorId);
        const int d = g.indexOf(e.descendantId);
        if (a < 0)
            g.addProblem(e.problems,
                         QStringLiteral("ancestor %1 is not in strategy_registry").arg(e.ancestorId),
                         edgeLabel(e));
        if (d < 0)
            g.addProblem(e.problems,
                         QStringLiteral("descendant %1 is not in strategy_registry").arg(e.descendantId),
                         edgeLabel(e));
        if (a < 0 || d < 0 || a == d || e.generationDistance != 1 || linked.contains({a, d}))
            continue;
        linked.insert({a, d});
        g.m_links.append({a, d, e.relationshipType, true, false});
    }
    // parent_id and merge_source say the same as distance-1 rows; a link only they give is still drawn.
    for (int i = 0; i < g.m_strategies.size(); ++i) {
        StrategyRecord& s = g.m_strategies[i];
        const QList<QPair<QString, QString>> sources = {{s.parentId, QStringLiteral("parent")},
                                                        {s.mergeSource, QStringLiteral("merge")}};
        for (const auto& [id, type] : sources) {
            if (id.isEmpty() || id == s.strategyId)
                continue;
            const int p = g.indexOf(id);
            if (p < 0) {
                g.addProblem(s.problems,
                             QStringLiteral("%1 %2 is not in strategy_registry")
                                 .arg(type == QLatin1String("parent") ? QStringLiteral("parent_id")
                                                                      : QStringLiteral("merge_source"),
                                      id),
                             strategyLabel(s));
                continue;
            }
            if (linked.contains({p, i}))
                continue;
            linked.insert({p, i});
            g.m_links.append({p, i, type, false, false});
        }
    }
    for (int l = 0; l < g.m_links.size(); ++l) {
        g.m_out[g.m_links.at(l).parent] << l;
        g.m_in[g.m_links.at(l).child] << l;
    }
    g.findCycles();
    g.computeGenerations();
    g.checkDistances();
    return g;
}

void LineageGraph::findCycles()
{
    // Depth-first over the links and every lineage row (a row of distance 3 can close a cycle too). Each
    // back edge closes one cycle, named from the path on the stack.
    const int n = static_cast<int>(m_strategies.size());
    struct Next
    {
        int node;
        int link; ///< -1 for a lineage row of distance > 1
    };
    QList<QList<Next>> next(n);
    for (int l = 0; l < m_links.size(); ++l)
        next[m_links.at(l).parent].append({m_links.at(l).child, l});
    for (const LineageEdge& e : std::as_const(m_edges)) {
        const int a = indexOf(e.ancestorId);
        const int d = indexOf(e.descendantId);
        if (a >= 0 && d >= 0 && e.generationDistance > 1)
            next[a].append({d, -1});
    }
    enum Colour : char { White, Grey, Black };
    QList<char> colour(n, White);
    for (int root = 0; root < n; ++root) {
        if (colour.at(root) != White)
            continue;
        std::vector<std::pair<int, int>> stack{{root, 0}}; // node, next successor to look at
        colour[root] = Grey;
        while (!stack.empty()) {
            auto& [node, at] = stack.back();
            if (at >= next.at(node).size()) {
                colour[node] = Black;
                stack.pop_back();
                continue;
            }
            const Next step = next.at(node).at(at++);
            if (colour.at(step.node) == White) {
                colour[step.node] = Grey;
                stack.emplace_back(step.node, 0);
            } else if (colour.at(step.node) == Grey) {
                QList<int> members;
                bool on = false;
                for (const auto& [member, unused] : stack) {
                    on = on || member == step.node;
                    if (on)
                        members << member;
                }
                QStringList ids;
                for (int m : members)
                    ids << m_strategies.at(m).strategyId;
                ids << m_strategies.at(step.node).strategyId;
                m_cycles << ids;
                if (step.link >= 0)
                    m_links[step.link].inCycle = true;
                const QString problem =
                    QStringLiteral("part of a cycle: %1").arg(ids.join(QStringLiteral(" → ")));
                m_problems << QStringLiteral("lineage cycle: %1").arg(ids.join(QStringLiteral(" → ")));
                for (int m : members)
                    m_strategies[m].problems << problem;
                QSet<QPair<QString, QString>> pairs;
                for (int i = 0; i + 1 < ids.size(); ++i)
                    pairs.insert({ids.at(i), ids.at(i + 1)});
                for (LineageEdge& e : m_edges)
                    if (pairs.contains({e.ancestorId, e.descendantId}))
                        e.problems << problem;
            }
        }
    }
}

void LineageGraph::computeGenerations()
{
    // Longest chain of links from a strategy without parents (Kahn's order); the links that close a cycle
    // are left out, so every strategy gets a generation.
    const int n = static_cast<int>(m_strategies.size());
    m_generation = QList<int>(n, 0);
    QList<int> pending(n, 0);
    for (const Link& l : std::as_const(m_links))
        if (!l.inCycle)
            ++pending[l.child];
    std::deque<int> ready;
    for (int i = 0; i < n; ++i)
        if (pending.at(i) == 0)
            ready.push_back(i);
    while (!ready.empty()) {
        const int node = ready.front();
        ready.pop_front();
        for (int l : m_out.at(node)) {
            const Link& link = m_links.at(l);
            if (link.inCycle)
                continue;
            m_generation[link.child] = std::max(m_generation.at(link.child), m_generation.at(node) + 1);
            if (--pending[link.child] == 0)
                ready.push_back(link.child);
        }
    }
}

void LineageGraph::checkDistances()
{
    QHash<int, QHash<int, int>> fromAncestor;
    for (LineageEdge& e : m_edges) {
        const int a = indexOf(e.ancestorId);
        const int d = indexOf(e.descendantId);
        if (a < 0 || d < 0 || a == d || e.generationDistance < 1)
            continue;
        if (!fromAncestor.contains(a)) {
            QHash<int, int> reach{{a, 0}};
            std::deque<int> queue{a};
            while (!queue.empty()) {
                const int node = queue.front();
                queue.pop_front();
                for (int l : m_out.at(node))
                    if (!reach.contains(m_links.at(l).child)) {
                        reach.insert(m_links.at(l).child, reach.value(node) + 1);
                        queue.push_back(m_links.at(l).child);
                    }
            }
            fromAncestor.insert(a, reach);
        }
        const int shortest = fromAncestor.value(a).value(d, -1);
        if (shortest < 0)
            addProblem(e.problems,
                       QStringLiteral("no chain of parent links leads from %1 to %2")
                           .arg(e.ancestorId, e.descendantId),
                       edgeLabel(e));
        else if (e.generationDistance < shortest)
            addProblem(e.problems,
                       QStringLiteral("generation_distance %1, but the shortest chain of parent links is %2")
                           .arg(e.generationDistance)
                           .arg(shortest),
                       edgeLabel(e));
    }
}

QList<int> LineageGraph::parents(int node) const
{
    QList<int> out;
    for (int l : m_in.value(node))
        out << m_links.at(l).parent;
    return out;
}

QList<int> LineageGraph::children(int node) const
{
    QList<int> out;
    for (int l : m_out.value(node))
        out << m_links.at(l).child;
    return out;
}

QList<int> LineageGraph::walk(int node, bool down) const
{
    QList<int> found;
    QSet<int> seen{node};
    std::deque<int> queue{node};
    while (!queue.empty()) {
        const int at = queue.front();
        queue.pop_front();
        for (int next : down ? children(at) : parents(at))
            if (!seen.contains(next)) {
                seen.insert(next);
                found << next;
                queue.push_back(next);
            }
    }
    return found;
}

QList<int> LineageGraph::ancestors(int node) const
{
    return walk(node, false);
}

QList<int> LineageGraph::descendants(int node) const
{
    return walk(node, true);
}

int LineageGraph::distance(int ancestor, int descendant) const
{
    if (ancestor == descendant)
        return 0;
    QHash<int, int> reach{{ancestor, 0}};
    std::deque<int> queue{ancestor};
    while (!queue.empty()) {
        const int at = queue.front();
        queue.pop_front();
        for (int next : children(at)) {
            if (reach.contains(next))
                continue;
            reach.insert(next, reach.value(at) + 1);
            if (next == descendant)
                return reach.value(next);
            queue.push_back(next);
        }
    }
    return -1;
}

} // namespace strata
