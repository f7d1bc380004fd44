#include "migrations/ScriptComparison.h"

#include <QList>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

namespace strata {

namespace {

struct Token
{
    bool comment = false;
    QByteArray text;
};

struct Scan
{
    QList<Token> tokens;
    QString error; ///< empty when the scanner read the whole text
};

/// The tokens of a script, comments included, by PostgreSQL's own scanner (libpg_query). It reads SQLite's
/// SQL well enough for this comparison: both quote strings with '' and identifiers with "", and both have
/// -- and /* */ comments, so a comment marker inside a string literal stays part of the literal. Keywords
/// PostgreSQL does not know are read as identifiers, which compare the same way.
Scan scan(const QByteArray& script)
{
    Scan result;
    PgQueryScanResult scanned = pg_query_scan(script.constData());
    if (scanned.error) {
        result.error = QStringLiteral("%1 at character %2")
                           .arg(QString::fromUtf8(scanned.error->message))
                           .arg(scanned.error->cursorpos);
        pg_query_free_scan_result(scanned);
        return result;
    }
    PgQuery__ScanResult* unpacked = pg_query__scan_result__unpack(
        nullptr, scanned.pbuf.len, reinterpret_cast<const uint8_t*>(scanned.pbuf.data));
    if (!unpacked) {
        result.error = QStringLiteral("the scanner's result could not be read");
    } else {
        for (size_t i = 0; i < unpacked->n_tokens; ++i) {
            const PgQuery__ScanToken* t = unpacked->tokens[i];
            const bool comment =
                t->token == PG_QUERY__TOKEN__SQL_COMMENT || t->token == PG_QUERY__TOKEN__C_COMMENT;
            result.tokens.append({comment, script.mid(t->start, t->end - t->start)});
        }
        pg_query__scan_result__free_unpacked(unpacked, nullptr);
    }
    pg_query_free_scan_result(scanned);
    return result;
}

/// The statements' tokens, or every token with the whitespace inside comments collapsed.
QList<QByteArray> texts(const QList<Token>& tokens, bool withComments)
{
    QList<QByteArray> out;
    for (const auto& t : tokens) {
        if (!t.comment)
            out << t.text;
        else if (withComments)
            out << t.text.simplified();
    }
    return out;
}

} // namespace

ScriptComparison ScriptComparison::compare(const std::optional<QByteArray>& applied,
                                           const QByteArray& current)
{
    if (!applied)
        return {Verdict::AppliedTextNotKept, {}};
    if (*applied == current)
        return {Verdict::Identical, {}};
    const Scan before = scan(*applied);
    const Scan after = scan(current);
    if (!before.error.isEmpty() || !after.error.isEmpty())
        return {Verdict::SqlChanged,
                QStringLiteral("PostgreSQL's scanner could not read the %1 text (%2), so Strata cannot tell "
                               "whether only whitespace or comments changed.")
                    .arg(before.error.isEmpty() ? QStringLiteral("current") : QStringLiteral("applied"),
                         before.error.isEmpty() ? after.error : before.error)};
    if (texts(before.tokens, false) != texts(after.tokens, false))
        return {Verdict::SqlChanged, {}};
    if (texts(before.tokens, true) == texts(after.tokens, true))
        return {Verdict::WhitespaceOnly, {}};
    return {Verdict::CommentsOnly, {}};
}

bool ScriptComparison::sqlUnchanged() const
{
    return m_verdict == Verdict::Identical || m_verdict == Verdict::WhitespaceOnly ||
           m_verdict == Verdict::CommentsOnly;
}

QString ScriptComparison::summary() const
{
    switch (m_verdict) {
    case Verdict::Identical:
        return QStringLiteral("The step's SQL is byte for byte the text that was applied.");
    case Verdict::WhitespaceOnly:
        return QStringLiteral("Only whitespace changed: the SQL and its comments are the same as what was "
                              "applied.");
    case Verdict::CommentsOnly:
        return QStringLiteral("Only comments (and whitespace) changed: the SQL is the same as what was "
                              "applied.");
    case Verdict::SqlChanged:
        return m_detail.isEmpty()
                   ? QStringLiteral("The SQL changed: the file no longer says what was applied.")
                   : QStringLiteral("The SQL may have changed: ") + m_detail;
    case Verdict::AppliedTextNotKept:
        return QStringLiteral("The text that was applied was not kept (applied before Strata kept scripts); "
                              "only the checksum differs.");
    }
    return {};
}

} // namespace strata
