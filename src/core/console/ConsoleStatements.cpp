#include "console/ConsoleStatements.h"

#include "connection/Database.h"
#include "dialects/postgres/PostgresScriptSplitter.h"
#include "dialects/sqlite/SqliteScriptSplitter.h"

namespace strata {

namespace {

/// Byte ranges of the statements, each without leading space and comments nor the closing semicolon.
QList<QPair<qsizetype, qsizetype>> byteRanges(Dialect dialect, const QByteArray& utf8)
{
    QList<QPair<qsizetype, qsizetype>> ranges;
    auto add = [&](qsizetype offset, qsizetype length) {
        const qsizetype lead = Database::skipSpaceAndComments(QByteArrayView(utf8).sliced(offset, length));
        offset += lead;
        length -= lead;
        while (length > 0 &&
               (utf8.at(offset + length - 1) == ';' || QChar::isSpace(uchar(utf8.at(offset + length - 1)))))
            --length;
        if (length > 0)
            ranges.append({offset, length});
    };
    if (dialect == Dialect::Sqlite) {
        for (const auto& s : SqliteScriptSplitter::split(utf8))
            add(s.offset, s.length);
    } else {
        for (const auto& s : PostgresScriptSplitter::split(utf8))
            add(s.offset, s.length);
    }
    return ranges;
}

} // namespace

QList<ConsoleStatement> ConsoleStatements::split(Dialect dialect, const QString& script)
{
    const QByteArray utf8 = script.toUtf8();
    const auto ranges = byteRanges(dialect, utf8);
    // Byte offsets to character indexes in one walk over the text (ranges come in order).
    QList<ConsoleStatement> statements;
    statements.reserve(ranges.size());
    qsizetype byte = 0;
    int character = 0;
    auto advanceTo = [&](qsizetype target) {
        while (byte < target) {
            const uchar lead = uchar(utf8.at(byte));
            const int bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            byte += bytes;
            character += bytes == 4 ? 2 : 1; // a code point outside the BMP is two UTF-16 units
        }
        return character;
    };
    for (const auto& [offset, length] : ranges) {
        ConsoleStatement statement;
        statement.start = advanceTo(offset);
        statement.length = advanceTo(offset + length) - statement.start;
        statement.text = script.mid(statement.start, statement.length);
        statements << statement;
    }
    return statements;
}

std::optional<ConsoleStatement> ConsoleStatements::statementAt(Dialect dialect, const QString& script,
                                                               int cursor)
{
    const QList<ConsoleStatement> statements = split(dialect, script);
    std::optional<ConsoleStatement> before;
    for (const ConsoleStatement& statement : statements) {
        if (cursor >= statement.start && cursor <= statement.end())
            return statement;
        if (statement.start > cursor)
            return before ? before : statement;
        before = statement;
    }
    return before;
}

} // namespace strata
