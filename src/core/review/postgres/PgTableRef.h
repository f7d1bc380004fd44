#pragma once

#include <QJsonObject>
#include <QString>

namespace strata {

/// A table as a statement names it: schema (empty: the search path) and name, as PostgreSQL folds them.
struct PgTableRef
{
    QString schema;
    QString name;

    /// From a RangeVar node, bare ({"relname": ...}) or wrapped ({"RangeVar": {...}}).
    static PgTableRef fromRangeVar(const QJsonObject& node);
    /// From a name list ([{"String": {"sval": "s"}}, {"String": {"sval": "t"}}]) as DROP writes it.
    static PgTableRef fromNameList(const QJsonArray& items);
    /// "orders", "audit.orders", quoted where SQL needs it.
    QString sql() const;
    bool isEmpty() const { return name.isEmpty(); }
    bool operator==(const PgTableRef& o) const { return schema == o.schema && name == o.name; }
};

} // namespace strata
