#include "connection/ConnectionTarget.h"

namespace strata {

QString ConnectionTarget::displayName() const
{
    return label.isEmpty() ? url : label;
}

QVariantMap ConnectionTarget::toVariant() const
{
    return {{QStringLiteral("url"), url},
            {QStringLiteral("migrations"), migrations},
            {QStringLiteral("backupFolder"), backupFolder},
            {QStringLiteral("config"), config},
            {QStringLiteral("readOnly"), readOnly},
            {QStringLiteral("label"), label}};
}

ConnectionTarget ConnectionTarget::fromVariant(const QVariantMap& map)
{
    ConnectionTarget target;
    target.url = map.value(QStringLiteral("url")).toString();
    target.migrations = map.value(QStringLiteral("migrations")).toString();
    target.backupFolder = map.value(QStringLiteral("backupFolder")).toString();
    target.config = map.value(QStringLiteral("config")).toString();
    target.readOnly = map.value(QStringLiteral("readOnly")).toBool();
    target.label = map.value(QStringLiteral("label")).toString();
    return target;
}

} // namespace strata
