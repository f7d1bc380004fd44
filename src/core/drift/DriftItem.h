#pragma once

#include <QJsonObject>
#include <QString>

namespace strata {

/// One difference between what the applied migrations build and what the live database has.
struct DriftItem
{
    /// Missing: the migrations create it, the database lacks it. Extra: the database has it, no applied
    /// migration creates it. Changed: both have it, and it differs.
    enum class Kind { Missing, Extra, Changed };
    enum class Object { Table, Column, Index, Constraint, View, Trigger, Sequence, Enum };

    Kind kind = Kind::Changed;
    Object object = Object::Table;
    QString schema;
    QString table; ///< the table it belongs to (a table's own name for a table), empty for views, sequences…
    QString name;
    QString expected; ///< what the migrations say, empty when they say nothing (extra)
    QString actual;   ///< what the database has, empty when it has nothing (missing)
    QString message;  ///< one sentence an operator reads
    QString advice;   ///< what to do about it

    static QString kindName(Kind kind);
    static QString objectName(Object object);
    QString kindName() const { return kindName(kind); }
    QString objectName() const { return objectName(object); }
    /// "main.positions.opened_at", "public.idx_orders_account": what it is, qualified.
    QString path() const;
    /// The JSON shape of `strata-cli drift --json` (snake_case keys).
    QJsonObject toJson() const;
    /// What to do about a difference of this kind, when nothing more specific applies.
    static QString adviceFor(Kind kind);
    /// Orders by schema, table, then tables before their parts, then name: a report reads table by table.
    static bool before(const DriftItem& a, const DriftItem& b);
};

} // namespace strata
