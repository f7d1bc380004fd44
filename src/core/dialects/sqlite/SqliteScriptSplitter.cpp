#include "dialects/sqlite/SqliteScriptSplitter.h"

#include <sqlite3.h>

#include "connection/Database.h"

namespace strata {

QList<SqliteScriptSplitter::Statement> SqliteScriptSplitter::split(const QByteArray& script)
{
    QList<Statement> statements;
    qsizetype start = 0;
    qsizetype semicolon = script.indexOf(';', start);
    while (semicolon >= 0) {
        // sqlite3_complete() wants a NUL-terminated text: the candidate statement is copied once per
        // semicolon inside it (a trigger body has a few).
        const QByteArray candidate = script.mid(start, semicolon + 1 - start);
        if (sqlite3_complete(candidate.constData())) {
            statements.append({start, candidate.size()});
            start = semicolon + 1;
        }
        semicolon = script.indexOf(';', semicolon + 1);
    }
    const QByteArrayView rest = QByteArrayView(script).sliced(start);
    if (Database::skipSpaceAndComments(rest) < rest.size())
        statements.append({start, rest.size()});
    return statements;
}

} // namespace strata
