#pragma once

#include <QByteArray>
#include <QList>

namespace strata {

/// Splits a SQLite script into statements without a database: a statement ends at the first semicolon after
/// which SQLite's own sqlite3_complete() says the text is a complete statement, so semicolons inside
/// strings, comments and trigger bodies stay in their statement (as the sqlite3 shell reads a script).
class SqliteScriptSplitter
{
public:
    struct Statement
    {
        qsizetype offset = 0; ///< byte offset in the script
        qsizetype length = 0; ///< bytes, with the closing semicolon when there is one
    };

    /// The statements of `script`, in order; text after the last semicolon is a last statement when it
    /// holds more than whitespace and comments.
    static QList<Statement> split(const QByteArray& script);
};

} // namespace strata
