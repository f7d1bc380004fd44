#include "schema/SqliteTokens.h"

namespace strata {

SqliteTokens::SqliteTokens(const QString& sql) : m_sql(sql)
{
    tokenize();
}

QString SqliteTokens::text(int first, int last) const
{
    if (first > last || first < 0 || last >= size())
        return {};
    return m_sql.mid(m_tokens[first].begin, m_tokens[last].end - m_tokens[first].begin);
}

bool SqliteTokens::isWord(int i, QLatin1StringView word) const
{
    return i >= 0 && i < size() && m_tokens[i].kind == SqliteToken::Kind::Word &&
           QStringView(m_sql)
                   .mid(m_tokens[i].begin, m_tokens[i].end - m_tokens[i].begin)
                   .compare(word, Qt::CaseInsensitive) == 0;
}

bool SqliteTokens::isSymbol(int i, char symbol) const
{
    return i >= 0 && i < size() && m_tokens[i].kind == SqliteToken::Kind::Symbol &&
           m_sql.at(m_tokens[i].begin) == QLatin1Char(symbol);
}

int SqliteTokens::nextOpen(int from, int depth) const
{
    for (int i = from; i < size(); ++i)
        if (isSymbol(i, '(') && m_tokens[i].depth == depth)
            return i;
    return -1;
}

int SqliteTokens::closing(int open) const
{
    for (int i = open + 1; i < size(); ++i)
        if (isSymbol(i, ')') && m_tokens[i].depth == m_tokens[open].depth)
            return i;
    return size() - 1;
}

QList<QPair<int, int>> SqliteTokens::items(int open, int close) const
{
    QList<QPair<int, int>> ranges;
    const int depth = m_tokens[open].depth + 1;
    int first = open + 1;
    for (int i = open + 1; i <= close; ++i) {
        if (i == close || (isSymbol(i, ',') && m_tokens[i].depth == depth)) {
            if (first <= i - 1)
                ranges.append({first, i - 1});
            first = i + 1;
        }
    }
    return ranges;
}

void SqliteTokens::tokenize()
{
    const qsizetype n = m_sql.size();
    int depth = 0;
    qsizetype i = 0;
    while (i < n) {
        const QChar c = m_sql.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'-' && i + 1 < n && m_sql.at(i + 1) == u'-') {
            while (i < n && m_sql.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && i + 1 < n && m_sql.at(i + 1) == u'*') {
            const qsizetype close = m_sql.indexOf(QLatin1String("*/"), i + 2);
            i = close < 0 ? n : close + 2;
            continue;
        }
        SqliteToken token;
        token.begin = i;
        token.depth = depth;
        qsizetype j = i + 1;
        if (c == u'\'' || c == u'"' || c == u'`') {
            while (j < n) {
                if (m_sql.at(j) == c) {
                    if (j + 1 < n && m_sql.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    ++j;
                    break;
                }
                ++j;
            }
            token.kind = c == u'\'' ? SqliteToken::Kind::String : SqliteToken::Kind::Name;
        } else if (c == u'[') {
            const qsizetype close = m_sql.indexOf(QLatin1Char(']'), i + 1);
            j = close < 0 ? n : close + 1;
            token.kind = SqliteToken::Kind::Name;
        } else if (c.isLetter() || c == u'_') {
            while (j < n && (m_sql.at(j).isLetterOrNumber() || m_sql.at(j) == u'_' || m_sql.at(j) == u'$'))
                ++j;
            token.kind = SqliteToken::Kind::Word;
        } else if (c.isDigit()) {
            while (j < n && (m_sql.at(j).isLetterOrNumber() || m_sql.at(j) == u'.'))
                ++j;
            token.kind = SqliteToken::Kind::Number;
        } else {
            token.kind = SqliteToken::Kind::Symbol;
            if (c == u'(') {
                ++depth;
            } else if (c == u')') {
                depth = qMax(0, depth - 1);
                token.depth = depth;
            }
        }
        token.end = j;
        m_tokens.append(token);
        i = j;
    }
}

} // namespace strata
