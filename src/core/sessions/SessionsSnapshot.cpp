#include "sessions/SessionsSnapshot.h"

#include <algorithm>

#include <QSet>

namespace strata {

int SessionsSnapshot::blockedBehind(int pid) const
{
    QSet<int> seen{pid};
    QList<int> queue{pid};
    while (!queue.isEmpty()) {
        const BlockingSession* s = report.find(queue.takeFirst());
        if (!s)
            continue;
        for (int child : s->blocks)
            if (!seen.contains(child)) {
                seen.insert(child);
                queue << child;
            }
    }
    return int(seen.size()) - 1;
}

int SessionsSnapshot::waitingCount() const
{
    return int(std::count_if(report.sessions.begin(), report.sessions.end(),
                             [](const BlockingSession& s) { return !s.blockedBy.isEmpty(); }));
}

QList<const BlockingSession*> SessionsSnapshot::blockingRoots() const
{
    QList<const BlockingSession*> roots;
    QSet<int> involved;
    for (const BlockingSession& s : report.sessions) {
        if (s.blocks.isEmpty())
            continue;
        involved.insert(s.pid);
        bool waitsForListed = false;
        for (int by : s.blockedBy)
            waitsForListed = waitsForListed || report.find(by);
        if (!waitsForListed)
            roots << &s;
    }
    if (roots.isEmpty() && !involved.isEmpty()) { // a deadlock not broken yet: every one waits
        int lowest = *std::min_element(involved.begin(), involved.end());
        roots << report.find(lowest);
    }
    std::stable_sort(roots.begin(), roots.end(), [this](const BlockingSession* a, const BlockingSession* b) {
        return blockedBehind(a->pid) > blockedBehind(b->pid);
    });
    return roots;
}

} // namespace strata
