#include "preflight/BlockerReport.h"

#include <QJsonArray>
#include <QSet>

#include "common/Counted.h"

namespace strata {

void BlockerReport::link()
{
    for (auto& s : sessions)
        s.blocks.clear();
    for (const auto& s : sessions)
        for (int by : s.blockedBy)
            for (auto& holder : sessions)
                if (holder.pid == by && !holder.blocks.contains(s.pid))
                    holder.blocks << s.pid;
}

QList<BlockingSession> BlockerReport::planBlockers() const
{
    QList<BlockingSession> found;
    for (const auto& s : sessions)
        if (s.blocksThePlan(longTransactionMs))
            found << s;
    return found;
}

const BlockingSession* BlockerReport::find(int pid) const
{
    for (const auto& s : sessions)
        if (s.pid == pid)
            return &s;
    return nullptr;
}

QList<BlockingSession> BlockerReport::roots() const
{
    QList<BlockingSession> found;
    for (const auto& s : sessions) {
        bool blockedByListed = false;
        for (int by : s.blockedBy)
            blockedByListed = blockedByListed || find(by);
        if (!blockedByListed)
            found << s;
    }
    // A cycle (a deadlock the server has not broken yet) has no root: show its first session.
    if (found.isEmpty() && !sessions.isEmpty())
        found << sessions.first();
    return found;
}

QStringList BlockerReport::treeLines() const
{
    QStringList lines;
    QSet<int> shown;
    std::function<void(const BlockingSession&, int)> add = [&](const BlockingSession& s, int depth) {
        const QString indent =
            QString(depth * 2, QLatin1Char(' ')) + (depth > 0 ? QStringLiteral("└ ") : QString());
        if (shown.contains(s.pid)) {
            lines << indent + QStringLiteral("pid %1 (see above)").arg(s.pid);
            return;
        }
        shown.insert(s.pid);
        QString line = indent + s.title();
        const QStringList why = s.reasons(longTransactionMs);
        if (!why.isEmpty())
            line += QStringLiteral(": ") + why.join(QStringLiteral("; "));
        if (!s.query.isEmpty())
            line += QStringLiteral(" — query: %1").arg(s.query.simplified().left(120));
        lines << line;
        for (int child : s.blocks)
            if (const BlockingSession* c = find(child))
                add(*c, depth + 1);
    };
    for (const auto& root : roots())
        add(root, 0);
    for (const auto& s : sessions)
        if (!shown.contains(s.pid))
            add(s, 0);
    return lines;
}

QString BlockerReport::summary() const
{
    if (sessions.isEmpty())
        return tables.isEmpty()
                   ? QStringLiteral("no session holds a lock, idles in a transaction or blocks another")
                   : QStringLiteral("no session holds a lock on %1, idles in a transaction or "
                                    "blocks another")
                         .arg(tables.join(QStringLiteral(", ")));
    const auto blockers = planBlockers();
    QString text = counted(sessions.size(), QStringLiteral("session"), QStringLiteral("sessions")) +
                   QStringLiteral(" may get in the way");
    if (!blockers.isEmpty()) {
        QStringList who;
        for (const auto& b : blockers)
            who << QStringLiteral("%1 holds %2").arg(b.title(), b.planLocks);
        text += QStringLiteral(", %1 surely: %2").arg(blockers.size()).arg(who.join(QStringLiteral("; ")));
    }
    return text + QStringLiteral(":\n    ") + treeLines().join(QStringLiteral("\n    "));
}

QJsonObject BlockerReport::toJson() const
{
    QJsonArray list;
    for (const auto& s : sessions)
        list.append(s.toJson(longTransactionMs));
    QJsonArray rootPids;
    for (const auto& r : roots())
        rootPids.append(r.pid);
    QJsonArray blockerPids;
    for (const auto& b : planBlockers())
        blockerPids.append(b.pid);
    return {{QStringLiteral("database"), database},
            {QStringLiteral("tables"), QJsonArray::fromStringList(tables)},
            {QStringLiteral("long_transaction_ms"), longTransactionMs},
            {QStringLiteral("sessions"), list},
            {QStringLiteral("roots"), rootPids},
            {QStringLiteral("plan_blockers"), blockerPids},
            {QStringLiteral("tree"), QJsonArray::fromStringList(treeLines())}};
}

} // namespace strata
