#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace strata {

/// Reading libpg_query's JSON parse tree: the few shapes the review's rules look for.
class PgTree
{
public:
    /// A string field of a node ("" when absent).
    static QString str(const QJsonObject& node, const char* key);
    /// A name list ([{"String": {"sval": ...}}, ...]) as its parts.
    static QStringList names(const QJsonArray& items);
    /// An integer constant ({"A_Const": {"ival": {"ival": N}}}); 0 for none, as PostgreSQL omits zero.
    static int intConstant(const QJsonValue& node);
    /// Every string constant anywhere below `node`.
    static void stringConstants(const QJsonValue& node, QSet<QString>& out);
    /// The name of every function called anywhere below `node`.
    static void functionNames(const QJsonValue& node, QStringList& out);
};

} // namespace strata
