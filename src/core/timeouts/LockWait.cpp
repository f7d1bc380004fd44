#include "timeouts/LockWait.h"

#include <QJsonArray>
#include <QStringList>

#include "timeouts/DurationText.h"

namespace strata {

QString LockWait::holdersText() const
{
    if (holders.isEmpty())
        return QStringLiteral("a session Strata did not see (the wait was too short to catch it)");
    QStringList who;
    for (const auto& h : holders)
        who << h.describe();
    return who.join(QStringLiteral("; "));
}

QString LockWait::describe() const
{
    const QString what = relation.isEmpty() ? QStringLiteral("a lock")
                         : mode.isEmpty()   ? QStringLiteral("a lock on %1").arg(relation)
                                            : QStringLiteral("%1 on %2").arg(mode, relation);
    return QStringLiteral("try %1 waited %2 for %3, held by %4")
        .arg(attempt)
        .arg(DurationText::format(std::chrono::milliseconds(timeoutMs)), what, holdersText());
}

QJsonObject LockWait::toJson() const
{
    QJsonArray who;
    for (const auto& h : holders)
        who.append(h.toJson());
    return {{QStringLiteral("attempt"), attempt},
            {QStringLiteral("relation"), relation},
            {QStringLiteral("mode"), mode},
            {QStringLiteral("holders"), who},
            {QStringLiteral("timeout_ms"), timeoutMs},
            {QStringLiteral("backoff_ms"), backoffMs},
            {QStringLiteral("message"), engineMessage}};
}

} // namespace strata
