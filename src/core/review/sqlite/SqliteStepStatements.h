#pragma once

#include <QList>
#include <QString>

#include "review/sqlite/SqliteStatement.h"

namespace strata {

/// One statement of a step's script as the review sees it: where it is and what it does.
struct SqliteStepStatement
{
    int index = 0;        ///< 0-based among the script's statements
    int line = 1;         ///< line of its first token in the file
    qsizetype offset = 0; ///< byte offset of its first token in the script
    qsizetype end = 0;    ///< byte offset just after it (after its semicolon)
    QString text;         ///< exactly as in the file, from its first token to its semicolon
    SqliteStatement what;
};

/// Splits a step's script as SQLite reads it (SqliteScriptSplitter) and classifies each statement.
class SqliteStepStatements
{
public:
    static QList<SqliteStepStatement> read(const QByteArray& script, int firstLine);
};

} // namespace strata
