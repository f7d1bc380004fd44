#include "export/CsvText.h"

#include <array>

namespace strata {

namespace {

/// Bytes after which sqlite3's shell quotes a CSV field (its needCsvQuote table).
constexpr std::array<bool, 256> sqliteQuoted()
{
    std::array<bool, 256> quoted{};
    for (int c = 0; c < 256; ++c)
        quoted[c] = c <= 0x20 || c == '"' || c == '\'' || c == ',' || c >= 0x7f;
    return quoted;
}

constexpr std::array<bool, 256> postgresQuoted()
{
    std::array<bool, 256> quoted{};
    quoted['"'] = quoted[','] = quoted['\n'] = quoted['\r'] = true;
    return quoted;
}

constexpr auto kSqliteQuoted = sqliteQuoted();
constexpr auto kPostgresQuoted = postgresQuoted();

} // namespace

void CsvText::appendField(QByteArray& out, QByteArrayView text, Dialect dialect, bool onlyColumn)
{
    const auto& quoted = dialect == Dialect::Sqlite ? kSqliteQuoted : kPostgresQuoted;
    bool quote = text.isEmpty() || (dialect == Dialect::Postgres && onlyColumn && text == "\\.");
    bool hasQuote = false;
    for (const char c : text) {
        if (quoted[uchar(c)]) {
            quote = true;
            hasQuote = hasQuote || c == '"';
        }
    }
    if (!quote) {
        out.append(text.data(), text.size());
        return;
    }
    out.append('"');
    if (!hasQuote) {
        out.append(text.data(), text.size());
    } else {
        for (const char c : text) {
            if (c == '"')
                out.append('"');
            out.append(c);
        }
    }
    out.append('"');
}

} // namespace strata
