#include "adoption/ForeignApplied.h"

#include "adoption/AdoptionPlanner.h"

namespace strata {

QMap<QString, QString> ForeignApplied::of(const MigrationSet& set, Dialect dialect,
                                          const HistoryState& history)
{
    QMap<QString, QString> applied;
    if (history.tracked)
        return applied;
    for (const auto& other : history.otherTools) {
        if (other.rows.isEmpty() || !other.readError.isEmpty())
            continue;
        // One tool at a time, as `adopt --tool` would match it.
        HistoryState alone = history;
        alone.otherTools = {other};
        auto plan = AdoptionPlanner::plan(set, dialect, alone, AdoptedTools(), other.tool);
        if (!plan)
            continue;
        for (const auto& step : plan->steps)
            if (QString slot = step.step.slot(); !applied.contains(slot))
                applied.insert(std::move(slot), other.tool);
    }
    return applied;
}

qsizetype ForeignApplied::count(const QMap<QString, QString>& applied, const QString& tool)
{
    qsizetype n = 0;
    for (const auto& t : applied)
        if (t == tool)
            ++n;
    return n;
}

} // namespace strata
