#pragma once

#include <QByteArray>
#include <QList>

namespace strata {

/// Splits a PostgreSQL script into statements with PostgreSQL's own parser (libpg_query): dollar-quoted
/// bodies, E'' strings, nested comments and semicolons inside any of them stay in their statement.
class PostgresScriptSplitter
{
public:
    struct Statement
    {
        qsizetype offset = 0; ///< byte offset in the script
        qsizetype length = 0; ///< bytes, without the closing semicolon
    };

    /// The statements of `script`. A script the parser rejects is split by PostgreSQL's scanner instead,
    /// so that the server reports the error with its own message and position.
    static QList<Statement> split(const QByteArray& script);
};

} // namespace strata
