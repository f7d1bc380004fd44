#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "strategy/StrategyRecord.h"

namespace strata {

/// The strategies as a graph: nodes are strategy_registry rows, links are the direct relationships (the
/// strategy_lineage rows of generation distance 1, plus parent_id and merge_source links no row covers).
/// Building it checks what only the whole lineage shows — rows and links pointing at a strategy that is
/// not there, cycles — and writes each into the problems of the rows concerned and into problems(); the
/// graph is usable whatever it found.
class LineageGraph
{
public:
    struct Link
    {
        int parent = -1; ///< index into strategies()
        int child = -1;
        QString
            relationshipType;  ///< the lineage row's type; "parent" or "merge" for a link from the registry
        bool recorded = false; ///< a strategy_lineage row of distance 1 says so
        bool inCycle = false;  ///< the link that closes a cycle; left out of generations
    };

    LineageGraph() = default;
    static LineageGraph build(QList<StrategyRecord> strategies, QList<LineageEdge> edges);

    const QList<StrategyRecord>& strategies() const { return m_strategies; }
    /// Every strategy_lineage row, each with its problems.
    const QList<LineageEdge>& edges() const { return m_edges; }
    const QList<Link>& links() const { return m_links; }
    /// Everything found, one sentence each (the rows' own problems included, naming the row).
    const QStringList& problems() const { return m_problems; }
    /// Each cycle as strategy ids, the first repeated at the end: {"A", "B", "A"}.
    const QList<QStringList>& cycles() const { return m_cycles; }

    /// -1 when no strategy has that id.
    int indexOf(const QString& strategyId) const { return m_index.value(strategyId, -1); }
    /// 0 for a strategy without parents; otherwise one more than its furthest parent.
    int generation(int node) const { return m_generation.value(node); }
    QList<int> parents(int node) const;
    QList<int> children(int node) const;
    /// Every strategy it descends from, nearest first (breadth-first over the links).
    QList<int> ancestors(int node) const;
    QList<int> descendants(int node) const;
    /// The fewest links from `ancestor` down to `descendant`; -1 when there is no such path.
    int distance(int ancestor, int descendant) const;

private:
    void linkRegistry();
    void findCycles();
    void computeGenerations();
    void checkDistances();
    QList<int> walk(int node, bool down) const;
    void addProblem(QStringList& rowProblems, const QString& problem, const QString& where);

    QList<StrategyRecord> m_strategies;
    QList<LineageEdge> m_edges;
    QList<Link> m_links;
    QStringList m_problems;
    QList<QStringList> m_cycles;
    QHash<QString, int> m_index;
    QList<QList<int>> m_out; ///< link indexes by parent
    QList<QList<int>> m_in;  ///< link indexes by child
    QList<int> m_generation;
};

} // namespace strata
