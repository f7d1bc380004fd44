#include "preflight/BlockingSession.h"

#include <QJsonArray>

namespace strata {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(ms / 1000.0, 'f', 1) + QStringLiteral(" s");
}

QString pids(const QList<int>& list)
{
    QStringList out;
    for (int p : list)
        out << QString::number(p);
    return out.join(QStringLiteral(", "));
}

} // namespace

QStringList BlockingSession::reasons(qint64 longTransactionMs) const
{
    QStringList why;
    if (holdsFile)
        why << QStringLiteral("has the database file open");
    if (!planLocks.isEmpty())
        why << (holdsPlanLock ? QStringLiteral("holds %1").arg(planLocks)
                              : QStringLiteral("waits for %1").arg(planLocks));
    if (idleInTransaction())
        why << QStringLiteral("idle in transaction for %1").arg(seconds(std::max<qint64>(stateMs, 0)));
    else if (transactionMs >= longTransactionMs)
        why << QStringLiteral("a transaction open for %1").arg(seconds(transactionMs));
    if (snapshotAge >= 0 && transactionMs >= longTransactionMs)
        why << QStringLiteral("a snapshot %1 transactions old (CREATE INDEX CONCURRENTLY waits for it)")
                   .arg(snapshotAge);
    if (!blockedBy.isEmpty())
        why << QStringLiteral("blocked by %1").arg(pids(blockedBy));
    if (!blocks.isEmpty())
        why << QStringLiteral("blocks %1").arg(pids(blocks));
    return why;
}

bool BlockingSession::blocksThePlan(qint64 longTransactionMs) const
{
    return holdsFile || (holdsPlanLock && (idleInTransaction() || transactionMs >= longTransactionMs));
}

QString BlockingSession::title() const
{
    QStringList about;
    if (!applicationName.isEmpty())
        about << applicationName;
    if (!user.isEmpty())
        about << QStringLiteral("user %1").arg(user);
    if (!state.isEmpty())
        about << (stateMs > 0 ? QStringLiteral("%1 for %2").arg(state, seconds(stateMs)) : state);
    return QStringLiteral("pid %1 (%2)").arg(pid).arg(about.join(QStringLiteral(", ")));
}

QJsonObject BlockingSession::toJson(qint64 longTransactionMs) const
{
    QJsonArray by;
    for (int p : blockedBy)
        by.append(p);
    QJsonArray blocking;
    for (int p : blocks)
        blocking.append(p);
    return {{QStringLiteral("pid"), pid},
            {QStringLiteral("application_name"), applicationName},
            {QStringLiteral("user"), user},
            {QStringLiteral("client"), client},
            {QStringLiteral("state"), state},
            {QStringLiteral("query"), query},
            {QStringLiteral("transaction_ms"), transactionMs},
            {QStringLiteral("state_ms"), stateMs},
            {QStringLiteral("snapshot_age"), snapshotAge},
            {QStringLiteral("wait_event_type"), waitEventType},
            {QStringLiteral("blocked_by"), by},
            {QStringLiteral("blocks"), blocking},
            {QStringLiteral("plan_locks"), planLocks},
            {QStringLiteral("blocks_the_plan"), blocksThePlan(longTransactionMs)},
            {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons(longTransactionMs))}};
}

} // namespace strata
