#include "drift/DriftReport.h"

#include <QJsonArray>

namespace strata {

qsizetype DriftReport::count(DriftItem::Kind kind) const
{
    return std::count_if(items.begin(), items.end(), [kind](const DriftItem& i) { return i.kind == kind; });
}

QString DriftReport::summary() const
{
    if (!drift())
        return QStringLiteral("no drift: the database matches its %1 applied step%2")
            .arg(replayedSteps.size())
            .arg(replayedSteps.size() == 1 ? QString() : QStringLiteral("s"));
    QStringList parts;
    for (const auto kind : {DriftItem::Kind::Missing, DriftItem::Kind::Extra, DriftItem::Kind::Changed})
        if (const qsizetype n = count(kind))
            parts << QStringLiteral("%1 %2").arg(n).arg(DriftItem::kindName(kind));
    return QStringLiteral("%1 difference%2: %3")
        .arg(items.size())
        .arg(items.size() == 1 ? QString() : QStringLiteral("s"))
        .arg(parts.join(QStringLiteral(", ")));
}

QJsonObject DriftReport::toJson() const
{
    QJsonArray versions;
    for (qint64 v : replayedVersions)
        versions.append(v);
    QJsonArray differences;
    for (const DriftItem& item : items)
        differences.append(item.toJson());
    return {{QStringLiteral("command"), QStringLiteral("drift")},
            {QStringLiteral("ok"), true},
            {QStringLiteral("drift"), drift()},
            {QStringLiteral("database"), database},
            {QStringLiteral("set"), setName},
            {QStringLiteral("replayed_versions"), versions},
            {QStringLiteral("replayed_steps"), QJsonArray::fromStringList(replayedSteps)},
            {QStringLiteral("scratch"), scratch},
            {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
            {QStringLiteral("summary"), summary()},
            {QStringLiteral("differences"), differences}};
}

} // namespace strata
