#include "review/postgres/PgTree.h"

namespace strata {

QString PgTree::str(const QJsonObject& node, const char* key)
{
    return node.value(QLatin1String(key)).toString();
}

QStringList PgTree::names(const QJsonArray& items)
{
    QStringList out;
    for (const auto& i : items)
        out << i.toObject()
                   .value(QStringLiteral("String"))
                   .toObject()
                   .value(QStringLiteral("sval"))
                   .toString();
    return out;
}

int PgTree::intConstant(const QJsonValue& node)
{
    return node.toObject()
        .value(QStringLiteral("A_Const"))
        .toObject()
        .value(QStringLiteral("ival"))
        .toObject()
        .value(QStringLiteral("ival"))
        .toInt();
}

void PgTree::stringConstants(const QJsonValue& node, QSet<QString>& out)
{
    if (node.isObject()) {
        const QJsonObject o = node.toObject();
        if (o.contains(QStringLiteral("A_Const"))) {
            const QJsonObject c = o.value(QStringLiteral("A_Const")).toObject();
            if (c.contains(QStringLiteral("sval")))
                out.insert(
                    c.value(QStringLiteral("sval")).toObject().value(QStringLiteral("sval")).toString());
        }
        for (auto it = o.begin(); it != o.end(); ++it)
            stringConstants(it.value(), out);
    } else if (node.isArray()) {
        for (const auto& e : node.toArray())
            stringConstants(e, out);
    }
}

void PgTree::functionNames(const QJsonValue& node, QStringList& out)
{
    if (node.isObject()) {
        const QJsonObject o = node.toObject();
        if (o.contains(QStringLiteral("FuncCall"))) {
            const QStringList parts = names(
                o.value(QStringLiteral("FuncCall")).toObject().value(QStringLiteral("funcname")).toArray());
            if (!parts.isEmpty())
                out << parts.last();
        }
        for (auto it = o.begin(); it != o.end(); ++it)
            functionNames(it.value(), out);
    } else if (node.isArray()) {
        for (const auto& e : node.toArray())
            functionNames(e, out);
    }
}

} // namespace strata
