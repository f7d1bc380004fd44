#include "schema/PgIndexNames.h"

#include <QJsonObject>

#include "review/postgres/PgTree.h"

namespace strata {

namespace {

/// {"Kind": {...}} -> "Kind" and its fields.
QString kindOf(const QJsonValue& node, QJsonObject& fields)
{
    const QJsonObject object = node.toObject();
    if (object.size() != 1)
        return {};
    fields = object.begin().value().toObject();
    return object.begin().key();
}

/// The last String of a list of fields ({"String": {"sval": ...}}), ignoring "*" and subscripts.
QString lastString(const QJsonArray& items)
{
    QString last;
    for (const QJsonValue& item : items) {
        const QJsonObject string = item.toObject().value(QStringLiteral("String")).toObject();
        if (item.toObject().contains(QStringLiteral("String")))
            last = string.value(QStringLiteral("sval")).toString();
    }
    return last;
}

} // namespace

qsizetype PgIndexNames::clip(const QByteArray& utf8, qsizetype limit)
{
    if (utf8.size() <= limit)
        return utf8.size();
    qsizetype length = limit;
    while (length > 0 && (static_cast<unsigned char>(utf8.at(length)) & 0xC0) == 0x80)
        --length; // utf8[length] continues the character before it: that character does not fit
    return length;
}

QString PgIndexNames::objectName(const QString& name1, const QString& name2, const QString& label)
{
    const QByteArray first = name1.toUtf8();
    const QByteArray second = name2.toUtf8();
    const QByteArray tail = label.toUtf8();
    const bool hasSecond = !name2.isEmpty();
    int overhead = hasSecond ? 1 : 0; // the underscore before name2
    if (!label.isEmpty())
        overhead += tail.size() + 1;
    const qsizetype available = kMaxNameBytes - overhead;
    qsizetype firstBytes = first.size();
    qsizetype secondBytes = second.size();
    // If we must cut, the longer name first, a byte at a time (as makeObjectName's loop does).
    while (firstBytes + secondBytes > available) {
        if (firstBytes > secondBytes)
            --firstBytes;
        else
            --secondBytes;
    }
    firstBytes = clip(first, firstBytes);
    secondBytes = clip(second, secondBytes);
    QByteArray name = first.left(firstBytes);
    if (hasSecond)
        name += '_' + second.left(secondBytes);
    if (!label.isEmpty())
        name += '_' + tail;
    return QString::fromUtf8(name);
}

QString PgIndexNames::relationName(const QString& name1, const QString& name2, const QString& label,
                                   const Taken& taken)
{
    QString name = objectName(name1, name2, label);
    for (int pass = 1; taken && taken(name); ++pass)
        name = objectName(name1, name2, label + QString::number(pass));
    return name;
}

QString PgIndexNames::addition(const QStringList& columns)
{
    QByteArray joined;
    for (const QString& column : columns) {
        if (!joined.isEmpty())
            joined += '_';
        joined += column.toUtf8().left(kMaxNameBytes); // strlcpy(..., NAMEDATALEN)
        if (joined.size() >= kMaxNameBytes + 1)
            break;
    }
    return QString::fromUtf8(joined);
}

QString PgIndexNames::choose(const QString& table, const QStringList& columns, Kind kind, const Taken& taken)
{
    switch (kind) {
    case Kind::PrimaryKey: // the primary key's name does not depend on its columns
        return relationName(table, QString(), QStringLiteral("pkey"), taken);
    case Kind::Exclusion:
        return relationName(table, addition(columns), QStringLiteral("excl"), taken);
    case Kind::Unique:
        return relationName(table, addition(columns), QStringLiteral("key"), taken);
    case Kind::Index:
        break;
    }
    return relationName(table, addition(columns), QStringLiteral("idx"), taken);
}

QStringList PgIndexNames::columnNames(const QJsonArray& elements)
{
    QStringList names;
    for (const QJsonValue& element : elements) {
        const QJsonObject elem = element.toObject().value(QStringLiteral("IndexElem")).toObject();
        QString original = PgTree::str(elem, "indexcolname");
        if (original.isEmpty())
            original = PgTree::str(elem, "name");
        if (original.isEmpty())
            original = expressionName(elem.value(QStringLiteral("expr")));
        if (original.isEmpty())
            original = QStringLiteral("expr");
        // A name that repeats an earlier column's gets the first free number: "expr", "expr1".
        QString current = original;
        for (int i = 1; names.contains(current); ++i) {
            const QByteArray digits = QByteArray::number(i);
            const QByteArray bytes = original.toUtf8();
            current = QString::fromUtf8(bytes.left(clip(bytes, kMaxNameBytes - digits.size())) + digits);
        }
        names << current;
    }
    return names;
}

QString PgIndexNames::expressionName(const QJsonValue& expression)
{
    QString name;
    return figure(expression, name) > 0 ? name : QString();
}

int PgIndexNames::figure(const QJsonValue& node, QString& name)
{
    QJsonObject fields;
    const QString kind = kindOf(node, fields);
    if (kind == QLatin1String("ColumnRef")) {
        const QString field = lastString(fields.value(QStringLiteral("fields")).toArray());
        if (!field.isEmpty()) {
            name = field;
            return 2;
        }
    } else if (kind == QLatin1String("A_Indirection")) {
        const QString field = lastString(fields.value(QStringLiteral("indirection")).toArray());
        if (!field.isEmpty()) {
            name = field;
            return 2;
        }
        return figure(fields.value(QStringLiteral("arg")), name);
    } else if (kind == QLatin1String("FuncCall")) {
        name = lastString(fields.value(QStringLiteral("funcname")).toArray());
        return 2;
    } else if (kind == QLatin1String("A_Expr")) {
        if (PgTree::str(fields, "kind") == QLatin1String("AEXPR_NULLIF")) {
            name = QStringLiteral("nullif");
            return 2;
        }
    } else if (kind == QLatin1String("TypeCast")) {
        const int strength = figure(fields.value(QStringLiteral("arg")), name);
        const QJsonObject type = fields.value(QStringLiteral("typeName")).toObject();
        if (strength <= 1 && !type.isEmpty()) {
            name = lastString(type.value(QStringLiteral("names")).toArray());
            return 1;
        }
        return strength;
    } else if (kind == QLatin1String("CollateClause")) {
        return figure(fields.value(QStringLiteral("arg")), name);
    } else if (kind == QLatin1String("GroupingFunc")) {
        name = QStringLiteral("grouping");
        return 2;
    } else if (kind == QLatin1String("SubLink")) {
        const QString type = PgTree::str(fields, "subLinkType");
        if (type == QLatin1String("EXISTS_SUBLINK") || type == QLatin1String("ARRAY_SUBLINK")) {
            name =
                type == QLatin1String("EXISTS_SUBLINK") ? QStringLiteral("exists") : QStringLiteral("array");
            return 2;
        }
    } else if (kind == QLatin1String("CaseExpr")) {
        const int strength = figure(fields.value(QStringLiteral("defresult")), name);
        if (strength <= 1) {
            name = QStringLiteral("case");
            return 1;
        }
        return strength;
    } else if (kind == QLatin1String("A_ArrayExpr")) {
        name = QStringLiteral("array");
        return 2;
    } else if (kind == QLatin1String("RowExpr")) {
        name = QStringLiteral("row");
        return 2;
    } else if (kind == QLatin1String("CoalesceExpr")) {
        name = QStringLiteral("coalesce");
        return 2;
    } else if (kind == QLatin1String("MinMaxExpr")) {
        const QString op = PgTree::str(fields, "op");
        if (op == QLatin1String("IS_GREATEST") || op == QLatin1String("IS_LEAST")) {
            name = op == QLatin1String("IS_GREATEST") ? QStringLiteral("greatest") : QStringLiteral("least");
            return 2;
        }
    }
    // Operators, constants and the rest figure no name: the column is "expr".
    return 0;
}

} // namespace strata
