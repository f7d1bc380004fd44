#pragma once

#include <cstdint>

#include <QDateTime>
#include <QList>

#include "strategy/DemoStrategy.h"

namespace strata {

/// Decides the demo's strategies: families that start from one root each and grow by mutation (a few
/// parameters tuned, a new minor version), branch (a variant on a branch of its own), fork (a new strategy
/// named after its parent) and merge (two strategies of a family combined, a new major version), with
/// creation times, version histories and statuses that follow from the history. Deterministic: the same
/// seed gives the same strategies.
class StrategyDemoLineage
{
public:
    /// `count` strategies created between `first` and `last`.
    static QList<DemoStrategy> generate(int count, std::uint64_t seed, const QDateTime& first,
                                        const QDateTime& last);
    /// Each strategy's ancestors with their generation distance (the fewest links), nearest first.
    static QList<QPair<int, int>> ancestorsOf(const QList<DemoStrategy>& strategies, int index);
};

} // namespace strata
