#include "review/sqlite/SqliteStepStatements.h"

#include "connection/Database.h"
#include "dialects/sqlite/SqliteScriptSplitter.h"

namespace strata {

QList<SqliteStepStatement> SqliteStepStatements::read(const QByteArray& script, int firstLine)
{
    QList<SqliteStepStatement> statements;
    int line = firstLine;
    qsizetype counted = 0; // newlines are counted up to here
    for (const auto& piece : SqliteScriptSplitter::split(script)) {
        const QByteArrayView bytes = QByteArrayView(script).sliced(piece.offset, piece.length);
        const qsizetype skip = Database::skipSpaceAndComments(bytes);
        if (skip >= bytes.size())
            continue;
        const qsizetype start = piece.offset + skip;
        line += static_cast<int>(QByteArrayView(script).sliced(counted, start - counted).count('\n'));
        counted = start;
        SqliteStepStatement statement;
        statement.index = static_cast<int>(statements.size());
        statement.line = line;
        statement.offset = start;
        statement.end = piece.offset + piece.length;
        statement.text = QString::fromUtf8(bytes.sliced(skip)).trimmed();
        statement.what = SqliteStatement::classify(statement.text);
        statements.append(statement);
    }
    return statements;
}

} // namespace strata
