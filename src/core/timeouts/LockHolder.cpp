#include "timeouts/LockHolder.h"

#include <QStringList>

namespace strata {

QString LockHolder::describe() const
{
    QStringList about;
    if (!applicationName.isEmpty())
        about << applicationName;
    if (!user.isEmpty())
        about << QStringLiteral("user %1").arg(user);
    const QString doing = state.isEmpty() ? QStringLiteral("state unknown") : state;
    about << (heldMs > 0 ? QStringLiteral("%1 for %2 s").arg(doing, QString::number(heldMs / 1000.0, 'f', 1))
                         : doing);
    if (!query.isEmpty())
        about << QStringLiteral("%1 query: %2")
                     .arg(state == QLatin1String("active") ? QStringLiteral("running")
                                                           : QStringLiteral("last"),
                          query.simplified());
    return QStringLiteral("pid %1 (%2)").arg(pid).arg(about.join(QStringLiteral(", ")));
}

QJsonObject LockHolder::toJson() const
{
    return {{QStringLiteral("pid"), pid},     {QStringLiteral("application_name"), applicationName},
            {QStringLiteral("user"), user},   {QStringLiteral("state"), state},
            {QStringLiteral("query"), query}, {QStringLiteral("held_ms"), heldMs}};
}

} // namespace strata
