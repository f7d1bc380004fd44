#include "drift/DriftItem.h"

#include <tuple>

namespace strata {

QString DriftItem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Missing:
        return QStringLiteral("missing");
    case Kind::Extra:
        return QStringLiteral("extra");
    case Kind::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QString DriftItem::objectName(Object object)
{
    switch (object) {
    case Object::Table:
        return QStringLiteral("table");
    case Object::Column:
        return QStringLiteral("column");
    case Object::Index:
        return QStringLiteral("index");
    case Object::Constraint:
        return QStringLiteral("constraint");
    case Object::View:
        return QStringLiteral("view");
    case Object::Trigger:
        return QStringLiteral("trigger");
    case Object::Sequence:
        return QStringLiteral("sequence");
    case Object::Enum:
        return QStringLiteral("enum");
    }
    return {};
}

QString DriftItem::adviceFor(Kind kind)
{
    switch (kind) {
    case Kind::Missing:
        return QStringLiteral(
            "Put it back as the migrations define it; if it was removed on purpose, write a "
            "migration that removes it.");
    case Kind::Extra:
        return QStringLiteral("Write a migration that adds it, so that the migrations describe the database; "
                              "or drop it if it was made by mistake.");
    case Kind::Changed:
        return QStringLiteral("Write a migration that makes this change, or change it back to what the "
                              "migrations say.");
    }
    return {};
}

QString DriftItem::path() const
{
    QStringList parts{schema};
    if (!table.isEmpty() && object != Object::Table && object != Object::Index && object != Object::Trigger)
        parts << table;
    parts << name;
    return parts.join(QLatin1Char('.'));
}

QJsonObject DriftItem::toJson() const
{
    return {{QStringLiteral("kind"), kindName()}, {QStringLiteral("object"), objectName()},
            {QStringLiteral("schema"), schema},   {QStringLiteral("table"), table},
            {QStringLiteral("name"), name},       {QStringLiteral("expected"), expected},
            {QStringLiteral("actual"), actual},   {QStringLiteral("message"), message},
            {QStringLiteral("advice"), advice}};
}

bool DriftItem::before(const DriftItem& a, const DriftItem& b)
{
    // Views, sequences and enums have no table: they sort by their own name among the tables.
    const QString& tableA = a.table.isEmpty() ? a.name : a.table;
    const QString& tableB = b.table.isEmpty() ? b.name : b.table;
    const bool partA = a.object != Object::Table && !a.table.isEmpty();
    const bool partB = b.object != Object::Table && !b.table.isEmpty();
    return std::tuple(a.schema, tableA, partA, static_cast<int>(a.object), a.name, static_cast<int>(a.kind)) <
           std::tuple(b.schema, tableB, partB, static_cast<int>(b.object), b.name, static_cast<int>(b.kind));
}

} // namespace strata
