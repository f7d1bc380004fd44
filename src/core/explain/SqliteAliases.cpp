#include "explain/SqliteAliases.h"

#include <QSet>

#include "schema/SqliteTokens.h"

namespace strata {

namespace {

/// Words that end a FROM item or follow a table without being its alias.
bool endsItem(const QString& upper)
{
    static const QSet<QString> words{
        QStringLiteral("WHERE"),     QStringLiteral("JOIN"),      QStringLiteral("ON"),
        QStringLiteral("LEFT"),      QStringLiteral("RIGHT"),     QStringLiteral("FULL"),
        QStringLiteral("INNER"),     QStringLiteral("OUTER"),     QStringLiteral("CROSS"),
        QStringLiteral("NATURAL"),   QStringLiteral("GROUP"),     QStringLiteral("ORDER"),
        QStringLiteral("LIMIT"),     QStringLiteral("USING"),     QStringLiteral("UNION"),
        QStringLiteral("EXCEPT"),    QStringLiteral("INTERSECT"), QStringLiteral("WINDOW"),
        QStringLiteral("HAVING"),    QStringLiteral("INDEXED"),   QStringLiteral("NOT"),
        QStringLiteral("RETURNING"), QStringLiteral("SET"),       QStringLiteral("VALUES"),
        QStringLiteral("SELECT"),    QStringLiteral("DEFAULT"),   QStringLiteral("ORDER")};
    return words.contains(upper);
}

QString unquoted(const QString& token)
{
    if (token.size() >= 2 && (token.front() == u'"' || token.front() == u'`' || token.front() == u'['))
        return token.mid(1, token.size() - 2);
    return token;
}

} // namespace

SqliteAliases::SqliteAliases(const QString& sql)
{
    const SqliteTokens tokens(sql);
    const auto isName = [&tokens](int i) {
        return i < tokens.size() &&
               (tokens.at(i).kind == SqliteToken::Kind::Word || tokens.at(i).kind == SqliteToken::Kind::Name);
    };
    const auto textAt = [&tokens](int i) { return unquoted(tokens.text(i, i)); };
    for (int i = 0; i < tokens.size(); ++i) {
        if (isName(i))
            m_words << textAt(i).toLower();
    }
    // A table follows FROM, JOIN, UPDATE, INTO, or a comma of a FROM list; "schema.table" takes the table.
    int fromDepth = -1;
    for (int i = 0; i < tokens.size(); ++i) {
        const bool starts =
            tokens.isWord(i, QLatin1StringView("FROM")) || tokens.isWord(i, QLatin1StringView("JOIN")) ||
            tokens.isWord(i, QLatin1StringView("UPDATE")) || tokens.isWord(i, QLatin1StringView("INTO"));
        const bool comma = tokens.isSymbol(i, ',') && tokens.at(i).depth == fromDepth;
        if (tokens.at(i).kind == SqliteToken::Kind::Word && endsItem(textAt(i).toUpper()) &&
            tokens.at(i).depth == fromDepth && !tokens.isWord(i, QLatin1StringView("JOIN")))
            fromDepth = -1;
        if (!starts && !comma)
            continue;
        if (tokens.isWord(i, QLatin1StringView("FROM")))
            fromDepth = tokens.at(i).depth;
        int t = i + 1;
        if (!isName(t))
            continue;
        if (tokens.isSymbol(t + 1, '.') && isName(t + 2))
            t += 2;
        const QString table = textAt(t);
        int a = t + 1;
        if (tokens.isWord(a, QLatin1StringView("AS")))
            ++a;
        if (isName(a) && !(tokens.at(a).kind == SqliteToken::Kind::Word && endsItem(textAt(a).toUpper())))
            m_tables.insert(textAt(a).toLower(), table);
        i = t;
    }
}

QString SqliteAliases::table(const QString& name) const
{
    return m_tables.value(name.toLower(), name);
}

} // namespace strata
