#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "connection/ConnectionUrl.h"

namespace strata {

/// One statement of the text in an editor.
struct ConsoleStatement
{
    int start = 0;  ///< character index of its first character (after leading whitespace and comments)
    int length = 0; ///< characters, without the closing semicolon and trailing whitespace
    QString text;   ///< the statement as it runs
    int end() const { return start + length; }
};

/// The statements of an editor's text, found by the engine's own rules (SQLite's sqlite3_complete,
/// PostgreSQL's parser through libpg_query), so that semicolons in strings, comments, dollar-quoted bodies
/// and triggers stay inside their statement. Positions are character indexes in the text.
class ConsoleStatements
{
public:
    static QList<ConsoleStatement> split(Dialect dialect, const QString& script);
    /// The statement the cursor is in; between statements, the one before the cursor (the one just
    /// typed), else the first one after it. None when the text holds no statement.
    static std::optional<ConsoleStatement> statementAt(Dialect dialect, const QString& script, int cursor);
};

} // namespace strata
