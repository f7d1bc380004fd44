#include "dialects/postgres/PostgresScriptSplitter.h"

#include <pg_query.h>

namespace strata {

namespace {

bool collect(const PgQuerySplitResult& result, QList<PostgresScriptSplitter::Statement>& out)
{
    if (result.error)
        return false;
    for (int i = 0; i < result.n_stmts; ++i)
        out.append({result.stmts[i]->stmt_location, result.stmts[i]->stmt_len});
    return true;
}

} // namespace

QList<PostgresScriptSplitter::Statement> PostgresScriptSplitter::split(const QByteArray& script)
{
    QList<Statement> statements;
    PgQuerySplitResult parsed = pg_query_split_with_parser(script.constData());
    const bool ok = collect(parsed, statements);
    pg_query_free_split_result(parsed);
    if (ok)
        return statements;

    statements.clear();
    PgQuerySplitResult scanned = pg_query_split_with_scanner(script.constData());
    const bool scannedOk = collect(scanned, statements);
    pg_query_free_split_result(scanned);
    if (scannedOk)
        return statements;

    // Not even the scanner could read it (e.g. an unterminated quote): the server says where.
    return {Statement{0, script.size()}};
}

} // namespace strata
