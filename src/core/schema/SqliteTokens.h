#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace strata {

/// One token of a SQLite statement.
struct SqliteToken
{
    enum class Kind { Word, Name, String, Number, Symbol };
    Kind kind = Kind::Symbol;
    qsizetype begin = 0;
    qsizetype end = 0;
    int depth = 0; ///< parenthesis depth around the token; "(" and ")" carry the depth outside them
};

/// The tokens of one stored SQLite statement (SQLite's quoting '', "", ``, [] and its comments understood,
/// so commas and parentheses inside strings or names never split a definition), and the questions the DDL
/// readers ask about them. Keeps a reference to the text: it must outlive this.
class SqliteTokens
{
public:
    explicit SqliteTokens(const QString& sql);

    int size() const { return static_cast<int>(m_tokens.size()); }
    const SqliteToken& at(int i) const { return m_tokens.at(i); }
    /// The text from token `first` to token `last`, inclusive.
    QString text(int first, int last) const;
    bool isWord(int i, QLatin1StringView word) const;
    bool isSymbol(int i, char symbol) const;
    /// The first "(" at depth `depth` from `from` on, -1 when none.
    int nextOpen(int from, int depth) const;
    /// The ")" that closes the "(" at `open` (the last token when the statement is cut short).
    int closing(int open) const;
    /// The comma-separated items between `open` and `close`, as inclusive token ranges.
    QList<QPair<int, int>> items(int open, int close) const;

private:
    void tokenize();

    const QString& m_sql;
    QList<SqliteToken> m_tokens;
};

} // namespace strata
