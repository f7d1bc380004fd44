#include "dialects/postgres/PostgresScriptSplitter.h"

#include <algorithm>

#include <pg_query.h>

#include "connection/Database.h"

namespace strata {

namespace {

/// Scripts up to this size are parsed whole; larger ones in batches of about this size, so that the parse
/// trees of a 50 MB data load never exist all at once.
constexpr qsizetype kBatchBytes = 1 << 20;

bool collect(const PgQuerySplitResult& result, qsizetype base, QList<PostgresScriptSplitter::Statement>& out)
{
    if (result.error)
        return false;
    for (int i = 0; i < result.n_stmts; ++i)
        out.append({base + result.stmts[i]->stmt_location, result.stmts[i]->stmt_len});
    return true;
}

/// Splits `text` (NUL-terminated) with the parser; false when the parser rejects it.
bool parse(const char* text, qsizetype base, QList<PostgresScriptSplitter::Statement>& out)
{
    PgQuerySplitResult parsed = pg_query_split_with_parser(text);
    const bool ok = collect(parsed, base, out);
    pg_query_free_split_result(parsed);
    return ok;
}

bool scan(const char* text, QList<PostgresScriptSplitter::Statement>& out)
{
    PgQuerySplitResult scanned = pg_query_split_with_scanner(text);
    const bool ok = collect(scanned, 0, out);
    pg_query_free_split_result(scanned);
    return ok;
}

/// A large script: the scanner finds candidate boundaries in one cheap pass; runs of candidates of about
/// kBatchBytes are then split by the parser, which has the last word (a `BEGIN ATOMIC` body holds
/// semicolons the scanner would cut at). A batch the parser rejects (e.g. a function body cut at a batch's
/// edge) sends the whole script back to the whole-script parse.
bool parseInBatches(const QByteArray& script, QList<PostgresScriptSplitter::Statement>& out)
{
    QList<PostgresScriptSplitter::Statement> candidates;
    if (!scan(script.constData(), candidates) || candidates.isEmpty())
        return false;
    qsizetype i = 0;
    while (i < candidates.size()) {
        // After the semicolon that ends the previous batch's last statement.
        const qsizetype begin =
            i == 0 ? 0
                   : std::min(script.size(), candidates.at(i - 1).offset + candidates.at(i - 1).length + 1);
        qsizetype j = i;
        while (j + 1 < candidates.size() &&
               candidates.at(j + 1).offset + candidates.at(j + 1).length - begin <= kBatchBytes)
            ++j;
        const qsizetype end =
            j + 1 < candidates.size() ? candidates.at(j).offset + candidates.at(j).length : script.size();
        const QByteArray batch = script.mid(begin, end - begin); // a copy ends with the NUL the parser needs
        if (!parse(batch.constData(), begin, out))
            return false;
        i = j + 1;
    }
    return true;
}

} // namespace

QList<PostgresScriptSplitter::Statement> PostgresScriptSplitter::split(const QByteArray& script)
{
    QList<Statement> statements;
    if (script.size() > kBatchBytes) {
        if (parseInBatches(script, statements))
            return statements;
        statements.clear();
    }
    if (parse(script.constData(), 0, statements))
        return statements;

    statements.clear();
    if (scan(script.constData(), statements)) {
        // The scanner stops at what it cannot balance (an unclosed parenthesis): what follows its last
        // statement would silently not run. It goes to the server as one more statement, which then refuses
        // it with its own message and position, and the step fails instead of being recorded as applied.
        const qsizetype end = statements.isEmpty() ? 0 : statements.last().offset + statements.last().length;
        qsizetype rest = end;
        while (rest < script.size()) {
            rest += Database::skipSpaceAndComments(QByteArrayView(script).sliced(rest));
            if (rest < script.size() && script.at(rest) == ';')
                ++rest;
            else
                break;
        }
        if (rest < script.size())
            statements.append({rest, script.size() - rest});
        return statements;
    }

    // Not even the scanner could read it (e.g. an unterminated quote): the server says where.
    return {Statement{0, script.size()}};
}

} // namespace strata
