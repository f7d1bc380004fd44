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

/// The statements of a script the parser rejects: PostgreSQL's splitter first; what it leaves uncovered
/// (its scanner stops at an unbalanced parenthesis) is cut at each semicolon that ends a line, so that the
/// statements after a broken one are still reviewed.
QList<PostgresScriptSplitter::Statement> pieces(const QByteArray& script)
{
    QList<PostgresScriptSplitter::Statement> parts = PostgresScriptSplitter::split(script);
    qsizetype covered =
        parts.isEmpty() ? 0 : std::min(script.size(), parts.last().offset + parts.last().length + 1);
    while (covered < script.size()) {
        const QByteArrayView rest = QByteArrayView(script).sliced(covered);
        if (Database::skipSpaceAndComments(rest) >= rest.size())
            break;
        qsizetype end = script.indexOf(";\n", covered);
        if (end < 0)
            end = script.size();
        parts.append({covered, end - covered});
        covered = std::min(script.size(), end + 1);
    }
    return parts;
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
