#include "connection/RecentConnections.h"

#include <QSettings>

namespace strata {

QList<ConnectionTarget> RecentConnections::list()
{
    QSettings settings;
    QList<ConnectionTarget> targets;
    for (const QVariant& v : settings.value(QStringLiteral("connections/recent")).toList())
        targets << ConnectionTarget::fromVariant(v.toMap());
    return targets;
}

void RecentConnections::remember(const ConnectionTarget& target)
{
    QList<ConnectionTarget> targets = list();
    targets.removeIf([&](const ConnectionTarget& t) { return t == target; });
    targets.prepend(target);
    while (targets.size() > kMaximum)
        targets.removeLast();
    QVariantList values;
    for (const auto& t : targets)
        values << t.toVariant();
    QSettings settings;
    settings.setValue(QStringLiteral("connections/recent"), values);
}

void RecentConnections::clear()
{
    QSettings settings;
    settings.remove(QStringLiteral("connections/recent"));
}

} // namespace strata
