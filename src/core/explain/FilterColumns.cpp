#include "explain/FilterColumns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <pg_query.h>

namespace strata {

namespace {

QString stringOf(const QJsonValue& v)
{
    const QJsonObject s = v.toObject().value(QLatin1String("String")).toObject();
    return s.contains(QLatin1String("sval")) ? s.value(QLatin1String("sval")).toString()
                                             : s.value(QLatin1String("str")).toString();
}

/// Columns named anywhere in `v`, in order, except inside a function call.
void columnsIn(const QJsonValue& v, QStringList& out, const QString& relation)
{
    if (v.isArray()) {
        for (const QJsonValue& item : v.toArray())
            columnsIn(item, out, relation);
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    if (o.contains(QLatin1String("FuncCall")))
        return; // lower(name) = 'x': an index on the plain column would not serve it
    const QJsonObject ref = o.value(QLatin1String("ColumnRef")).toObject();
    if (!ref.isEmpty()) {
        const QJsonArray fields = ref.value(QLatin1String("fields")).toArray();
        const QString name = fields.isEmpty() ? QString() : stringOf(fields.last());
        if (!relation.isEmpty() && fields.size() >= 2 && stringOf(fields.at(fields.size() - 2)) != relation)
            return; // the other side of a join
        if (!name.isEmpty() && !out.contains(name))
            out << name;
        return;
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        columnsIn(it.value(), out, relation);
}

/// Walks the condition: a comparison puts its columns in `equal` (=, IN, IS NULL) or `other`.
void walk(const QJsonValue& v, QStringList& equal, QStringList& other, const QString& relation)
{
    if (v.isArray()) {
        for (const QJsonValue& item : v.toArray())
            walk(item, equal, other, relation);
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    const QJsonObject expr = o.value(QLatin1String("A_Expr")).toObject();
    const QJsonObject nullTest = o.value(QLatin1String("NullTest")).toObject();
    if (!expr.isEmpty() || !nullTest.isEmpty()) {
        const QString kind = expr.value(QLatin1String("kind")).toString();
        const QJsonArray name = expr.value(QLatin1String("name")).toArray();
        const QString op = name.isEmpty() ? QString() : stringOf(name.last());
        const bool equality = !nullTest.isEmpty() || kind == QLatin1String("AEXPR_IN") ||
                              ((kind == QLatin1String("AEXPR_OP") || kind == QLatin1String("AEXPR_OP_ANY")) &&
                               op == QLatin1String("="));
        QStringList columns;
        columnsIn(expr.isEmpty() ? QJsonValue(nullTest) : QJsonValue(expr), columns, relation);
        QStringList& into = equality ? equal : other;
        for (const QString& c : std::as_const(columns))
            if (!into.contains(c))
                into << c;
        return;
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        walk(it.value(), equal, other, relation);
}

} // namespace

QStringList FilterColumns::of(const QString& condition, const QString& relation)
{
    if (condition.trimmed().isEmpty())
        return {};
    const QByteArray sql = QByteArrayLiteral("SELECT 1 WHERE ") + condition.toUtf8();
    PgQueryParseResult result = pg_query_parse(sql.constData());
    QStringList equal;
    QStringList other;
    if (!result.error) {
        const QJsonArray stmts = QJsonDocument::fromJson(QByteArray(result.parse_tree))
                                     .object()
                                     .value(QLatin1String("stmts"))
                                     .toArray();
        const QJsonObject select = stmts.at(0)
                                       .toObject()
                                       .value(QLatin1String("stmt"))
                                       .toObject()
                                       .value(QLatin1String("SelectStmt"))
                                       .toObject();
        walk(select.value(QLatin1String("whereClause")), equal, other, relation);
    }
    pg_query_free_parse_result(result);
    for (const QString& c : std::as_const(other))
        if (!equal.contains(c))
            equal << c;
    return equal;
}

} // namespace strata
