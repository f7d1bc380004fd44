#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace strata {

/// One statement of a PostgreSQL step file and its parse tree from libpg_query.
struct PgStatement
{
    int index = 0; ///< 0-based in the file
    int line = 1;  ///< of its first word in the file
    QString text;  ///< from its first word to before its semicolon, as in the file
    bool parsed = false;
    QString parseError; ///< libpg_query's message when not parsed
    QString kind;       ///< the node's type: "IndexStmt", "AlterTableStmt", ...
    QJsonObject node;   ///< the node's fields (inside {"IndexStmt": {...}})
    /// Locations in `node` count bytes from the start of the parsed text; this many come before `text`.
    int locationBase = 0;

    /// The bytes [from, to) of the statement by parse-tree locations, as text (to < 0: to the end).
    QString slice(int from, int to = -1) const;
};

} // namespace strata
