#include "dialects/sqlite/SqliteScriptSplitter.h"

#include <sqlite3.h>

#include "connection/Database.h"

namespace strata {

namespace {

/// Where the quote, bracket or comment that starts at `i` ends (one past it), as SQLite's tokenizer reads
/// them: '...', "..." and `...` with their doubled quote inside, [...], -- to the end of the line, /* */.
/// `i` itself when nothing starts there.
qsizetype pastQuoteOrComment(const QByteArray& script, qsizetype i)
{
    const qsizetype n = script.size();
    const char c = script.at(i);
    if (c == '\'' || c == '"' || c == '`') {
        for (qsizetype j = i + 1; j < n; ++j) {
            if (script.at(j) != c)
                continue;
            if (j + 1 < n && script.at(j + 1) == c) {
                ++j; // a doubled quote stays inside
                continue;
            }
            return j + 1;
        }
        return n;
    }
    if (c == '[') {
        const qsizetype close = script.indexOf(']', i + 1);
        return close < 0 ? n : close + 1;
    }
    if (c == '-' && i + 1 < n && script.at(i + 1) == '-') {
        const qsizetype eol = script.indexOf('\n', i + 2);
        return eol < 0 ? n : eol + 1;
    }
    if (c == '/' && i + 1 < n && script.at(i + 1) == '*') {
        const qsizetype close = script.indexOf("*/", i + 2);
        return close < 0 ? n : close + 2;
    }
    return i;
}

} // namespace

QList<SqliteScriptSplitter::Statement> SqliteScriptSplitter::split(const QByteArray& script)
{
    // One pass over the script: a semicolon inside a quote or a comment is passed over here, so that
    // sqlite3_complete() is asked only at semicolons that can end a statement. Asking it at every semicolon
    // copied and rescanned the statement so far each time: a data migration whose strings hold thousands of
    // semicolons cost the square of its size. Inside a trigger's BEGIN ... END it is still asked at each
    // statement's semicolon (a trigger has a few).
    QList<Statement> statements;
    const qsizetype n = script.size();
    qsizetype start = 0;
    for (qsizetype i = 0; i < n;) {
        const qsizetype past = pastQuoteOrComment(script, i);
        if (past != i) {
            i = past;
            continue;
        }
        if (script.at(i) == ';') {
            const QByteArray candidate = script.mid(start, i + 1 - start); // NUL-terminated for SQLite
            if (sqlite3_complete(candidate.constData())) {
                statements.append({start, candidate.size()});
                start = i + 1;
            }
        }
        ++i;
    }
    const QByteArrayView rest = QByteArrayView(script).sliced(start);
    if (Database::skipSpaceAndComments(rest) < rest.size())
        statements.append({start, rest.size()});
    return statements;
}

} // namespace strata
