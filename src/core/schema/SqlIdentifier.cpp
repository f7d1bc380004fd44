#include "schema/SqlIdentifier.h"

#include <QSet>
#include <QStringList>

namespace strata {

namespace {

/// SQLite's keywords and PostgreSQL's reserved words. Quoting a name that would not need it is harmless;
/// leaving a keyword bare is a syntax error, so the list errs on the long side.
const QSet<QString>& keywords()
{
    static const QSet<QString> words = [] {
        const QString list = QStringLiteral(
            "abort action add after all alter always analyse analyze and any array as asc asymmetric attach "
            "autoincrement before begin between both by cascade case cast check collate column commit "
            "conflict constraint create cross current current_catalog current_date current_role current_time "
            "current_timestamp current_user database default deferrable deferred delete desc detach distinct "
            "do drop each else end escape except exclude exclusive exists explain fail false fetch filter "
            "first following for foreign from full generated glob grant group groups having if ignore "
            "immediate in index indexed initially inner insert instead intersect into is isnull join key "
            "last lateral leading left like limit localtime localtimestamp match materialized natural no not "
            "nothing notnull null nulls of offset on only or order others outer over partition placing plan "
            "pragma preceding primary query raise range recursive references regexp reindex release rename "
            "replace restrict returning right rollback row rows savepoint select session_user set some "
            "symmetric table temp temporary then ties to trailing transaction trigger true unbounded union "
            "unique update user using vacuum values variadic view virtual when where window with without ");
        const QStringList split = list.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        return QSet<QString>(split.begin(), split.end());
    }();
    return words;
}

bool isPlainWord(const QString& name, bool lowerCaseOnly)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool lower = c >= u'a' && c <= u'z';
        const bool upper = c >= u'A' && c <= u'Z';
        const bool digit = c >= u'0' && c <= u'9';
        if (lower || c == u'_' || (upper && !lowerCaseOnly) || (digit && i > 0))
            continue;
        return false;
    }
    return true;
}

} // namespace

bool SqlIdentifier::isKeyword(const QString& word)
{
    return keywords().contains(word.toLower());
}

QString SqlIdentifier::quote(const QString& name, Dialect dialect)
{
    if (isPlainWord(name, dialect == Dialect::Postgres) && !isKeyword(name))
        return name;
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString SqlIdentifier::qualified(const QString& schema, const QString& name, Dialect dialect)
{
    if (dialect == Dialect::Sqlite || schema.isEmpty())
        return quote(name, dialect);
    return quote(schema, dialect) + QLatin1Char('.') + quote(name, dialect);
}

} // namespace strata
