#include "review/postgres/PgParsedScript.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <pg_query.h>

#include "connection/Database.h"
#include "dialects/postgres/PostgresScriptSplitter.h"

namespace strata {

namespace {

int lineAt(const QByteArray& script, qsizetype offset, int firstLine)
{
    return firstLine + int(QByteArrayView(script).first(std::min(offset, script.size())).count('\n'));
}

/// Fills the statement's text and line from the bytes [offset, offset + length) of the script, skipping
/// leading space and comments. Returns how many bytes were skipped.
qsizetype place(PgStatement& s, const QByteArray& script, qsizetype offset, qsizetype length, int firstLine)
{
    const QByteArrayView raw = QByteArrayView(script).sliced(offset, length);
    const qsizetype skip = Database::skipSpaceAndComments(raw);
    QByteArray text = raw.sliced(skip).toByteArray();
    while (!text.isEmpty() && QChar::isSpace(uchar(text.back())))
        text.chop(1);
    s.text = QString::fromUtf8(text);
    s.line = lineAt(script, offset + skip, firstLine);
    return skip;
}

void takeNode(PgStatement& s, const QJsonObject& stmt)
{
    const QJsonObject wrapper = stmt.value(QStringLiteral("stmt")).toObject();
    if (wrapper.isEmpty())
        return;
    s.kind = wrapper.constBegin().key();
    s.node = wrapper.constBegin().value().toObject();
    s.parsed = true;
}

bool parses(const QByteArray& text)
{
    PgQueryParseResult result = pg_query_parse(text.constData());
    const bool ok = !result.error;
    pg_query_free_parse_result(result);
    return ok;
}

/// The statements of a script the parser rejects: PostgreSQL's splitter first. A piece that does not parse
/// and holds a semicolon at a line's end (the scanner runs on past an unbalanced parenthesis) is cut there,
/// so that the statements after a broken one are still reviewed on their own.
QList<PostgresScriptSplitter::Statement> pieces(const QByteArray& script)
{
    QList<PostgresScriptSplitter::Statement> out;
    QList<PostgresScriptSplitter::Statement> todo = PostgresScriptSplitter::split(script);
    for (qsizetype i = 0; i < todo.size(); ++i) {
        const auto part = todo.at(i);
        const QByteArray text = script.mid(part.offset, part.length);
        const qsizetype cut = text.indexOf(";\n");
        if (cut < 0 || parses(text)) {
            out.append(part);
            continue;
        }
        out.append({part.offset, cut});
        const qsizetype restAt = part.offset + cut + 1;
        const QByteArray rest = script.mid(restAt, part.offset + part.length - restAt);
        qsizetype at = i + 1;
        for (const auto& p : PostgresScriptSplitter::split(rest))
            todo.insert(at++, {restAt + p.offset, p.length});
    }
    return out;
}

} // namespace

QList<PgStatement> PgParsedScript::parse(const QByteArray& script, int firstLine)
{
    QList<PgStatement> out;
    const QByteArray terminated = script; // QByteArray keeps a NUL after its data
    PgQueryParseResult whole = pg_query_parse(terminated.constData());
    if (!whole.error) {
        const QJsonArray stmts = QJsonDocument::fromJson(QByteArray(whole.parse_tree))
                                     .object()
                                     .value(QStringLiteral("stmts"))
                                     .toArray();
        pg_query_free_parse_result(whole);
        for (qsizetype i = 0; i < stmts.size(); ++i) {
            const QJsonObject stmt = stmts.at(i).toObject();
            const qsizetype offset = stmt.value(QStringLiteral("stmt_location")).toInt();
            const qsizetype length = stmt.contains(QStringLiteral("stmt_len"))
                                         ? stmt.value(QStringLiteral("stmt_len")).toInt()
                                         : script.size() - offset;
            PgStatement s;
            s.index = int(out.size());
            const qsizetype skip = place(s, script, offset, length, firstLine);
            if (s.text.isEmpty())
                continue;
            s.locationBase = int(offset + skip);
            takeNode(s, stmt);
            out.append(s);
        }
        return out;
    }
    pg_query_free_parse_result(whole);

    // One statement (or more) is not PostgreSQL 15's SQL: parse each on its own.
    for (const auto& part : pieces(script)) {
        PgStatement s;
        s.index = int(out.size());
        place(s, script, part.offset, part.length, firstLine);
        if (s.text.isEmpty())
            continue;
        const QByteArray own = s.text.toUtf8();
        PgQueryParseResult one = pg_query_parse(own.constData());
        if (one.error) {
            s.parseError = QString::fromUtf8(one.error->message);
        } else {
            const QJsonArray stmts = QJsonDocument::fromJson(QByteArray(one.parse_tree))
                                         .object()
                                         .value(QStringLiteral("stmts"))
                                         .toArray();
            if (!stmts.isEmpty())
                takeNode(s, stmts.first().toObject());
        }
        pg_query_free_parse_result(one);
        out.append(s);
    }
    return out;
}

} // namespace strata
