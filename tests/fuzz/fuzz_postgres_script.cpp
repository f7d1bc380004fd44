// Feeds a step's SQL to what reads it before any server does: PostgresScriptSplitter (libpg_query's parser,
// then its scanner) and Database::skipSpaceAndComments / leadingKeyword / isTransactionControl, which
// both engines use to find the statement a step may not run (BEGIN, COMMIT, ...).
#include "FuzzCheck.h"
#include "connection/Database.h"
#include "dialects/postgres/PostgresScriptSplitter.h"

using namespace strata;
using strata::fuzz::check;

namespace {

void checkStatement(QByteArrayView statement)
{
    const qsizetype skipped = Database::skipSpaceAndComments(statement);
    check(skipped >= 0 && skipped <= statement.size(), "skipSpaceAndComments went past the statement");
    const QString keyword = Database::leadingKeyword(statement);
    check(keyword == keyword.toUpper(), "a leading keyword that is not upper-case");
    check(keyword.size() <= statement.size() - skipped, "a leading keyword longer than the statement");
    if (Database::isTransactionControl(statement))
        check(!keyword.isEmpty(), "transaction control without a keyword");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray script(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    checkStatement(script);
    const auto statements = PostgresScriptSplitter::split(script);
    qsizetype end = 0;
    for (const auto& s : statements) {
        check(s.offset >= end && s.length >= 0 && s.offset + s.length <= script.size(),
              QStringLiteral("statement at %1 (%2 bytes) outside the script of %3 bytes, or before %4")
                  .arg(s.offset)
                  .arg(s.length)
                  .arg(script.size())
                  .arg(end));
        end = s.offset + s.length;
        checkStatement(QByteArrayView(script).sliced(s.offset, s.length));
    }
    return 0;
}
