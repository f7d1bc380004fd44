#include "review/postgres/PgTableRef.h"

#include <QJsonArray>

#include "schema/SqlIdentifier.h"

namespace strata {

PgTableRef PgTableRef::fromRangeVar(const QJsonObject& node)
{
    const QJsonObject rv =
        node.contains(QStringLiteral("RangeVar")) ? node.value(QStringLiteral("RangeVar")).toObject() : node;
    return {rv.value(QStringLiteral("schemaname")).toString(),
            rv.value(QStringLiteral("relname")).toString()};
}

PgTableRef PgTableRef::fromNameList(const QJsonArray& items)
{
    QStringList parts;
    for (const auto& item : items)
        parts << item.toObject()
                     .value(QStringLiteral("String"))
                     .toObject()
                     .value(QStringLiteral("sval"))
                     .toString();
    if (parts.isEmpty())
        return {};
    const QString name = parts.takeLast();
    return {parts.isEmpty() ? QString() : parts.last(), name};
}

QString PgTableRef::sql() const
{
    const QString table = SqlIdentifier::quote(name, Dialect::Postgres);
    return schema.isEmpty() ? table
                            : SqlIdentifier::quote(schema, Dialect::Postgres) + QLatin1Char('.') + table;
}

} // namespace strata
