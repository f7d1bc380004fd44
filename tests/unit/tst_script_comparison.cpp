#include <QtTest>

#include "migrations/ScriptComparison.h"

using namespace strata;
using Verdict = ScriptComparison::Verdict;

namespace {

Verdict verdictOf(const QByteArray& applied, const QByteArray& current)
{
    return ScriptComparison::compare(applied, current).verdict();
}

const QByteArray kApplied =
    "-- Migration: 002_v2_indexes\n"
    "-- strata:phase indexes\n"
    "CREATE INDEX IF NOT EXISTS idx_positions_updated ON positions(updated_at);\n"
    "/* orders by state, then account */\n"
    "CREATE INDEX IF NOT EXISTS idx_orders_state_account ON orders(state, account_id);\n";

} // namespace

class TestScriptComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theSameBytesAreIdentical()
    {
        const auto same = ScriptComparison::compare(kApplied, kApplied);
        QCOMPARE(same.verdict(), Verdict::Identical);
        QVERIFY(same.sqlUnchanged());
    }

    void reindentedAndRewrappedSqlIsWhitespaceOnly()
    {
        QByteArray current = kApplied;
        current.replace("ON positions(updated_at);", "ON positions (updated_at)\n;");
        current.replace("CREATE INDEX IF NOT EXISTS idx_orders", "CREATE INDEX IF NOT EXISTS\n\tidx_orders");
        current.replace("\n", "  \r\n"); // trailing spaces and CRLF line ends
        const auto comparison = ScriptComparison::compare(kApplied, current);
        QCOMPARE(comparison.verdict(), Verdict::WhitespaceOnly);
        QVERIFY(comparison.sqlUnchanged());
        QVERIFY(comparison.summary().startsWith(QStringLiteral("Only whitespace changed")));
    }

    void whitespaceInsideAComment()
    {
        QByteArray current = kApplied;
        current.replace("/* orders by state, then account */", "/*   orders by state,\n   then account */");
        QCOMPARE(verdictOf(kApplied, current), Verdict::WhitespaceOnly);
    }

    void editedAddedAndRemovedCommentsAreCommentsOnly()
    {
        QByteArray edited = kApplied;
        edited.replace("-- strata:phase indexes\n",
                       "-- strata:phase indexes\n-- Reviewed by the risk desk.\n");
        QCOMPARE(verdictOf(kApplied, edited), Verdict::CommentsOnly);

        QByteArray removed = kApplied;
        removed.replace("/* orders by state, then account */\n", "");
        QCOMPARE(verdictOf(kApplied, removed), Verdict::CommentsOnly);

        QByteArray trailing = kApplied;
        trailing.replace("(updated_at);", "(updated_at); -- for the risk view");
        const auto comparison = ScriptComparison::compare(kApplied, trailing);
        QCOMPARE(comparison.verdict(), Verdict::CommentsOnly);
        QVERIFY(comparison.sqlUnchanged());
        QVERIFY(comparison.summary().startsWith(QStringLiteral("Only comments")));
    }

    void nestedBlockCommentsAreOneComment()
    {
        const QByteArray applied = "SELECT 1; /* outer /* inner */ still the comment */ SELECT 2;";
        const QByteArray current = "SELECT 1; /* outer /* changed */ still */ SELECT 2;";
        QCOMPARE(verdictOf(applied, current), Verdict::CommentsOnly);
    }

    void changedSqlIsSqlChanged()
    {
        QByteArray current = kApplied;
        current.replace("orders(state, account_id)", "orders(account_id, state)");
        const auto comparison = ScriptComparison::compare(kApplied, current);
        QCOMPARE(comparison.verdict(), Verdict::SqlChanged);
        QVERIFY(!comparison.sqlUnchanged());
        QVERIFY(comparison.summary().startsWith(QStringLiteral("The SQL changed")));
    }

    void keywordCaseCountsAsAChange()
    {
        // Strata does not judge which SQL is equivalent: only whitespace and comments are harmless.
        QCOMPARE(verdictOf("select 1;", "SELECT 1;"), Verdict::SqlChanged);
    }

    void commentMarkersInsideStringLiteralsAreNotComments()
    {
        // '-- ...' and '/* ... */' inside quotes are data: changing them changes the SQL.
        const QByteArray applied = "INSERT INTO notes (body) VALUES ('-- not a comment');\n"
                                   "INSERT INTO notes (body) VALUES ('/* nor this */');\n";
        QByteArray inLiteral = applied;
        inLiteral.replace("'-- not a comment'", "'-- not a remark'");
        QCOMPARE(verdictOf(applied, inLiteral), Verdict::SqlChanged);
        QByteArray inBlockLiteral = applied;
        inBlockLiteral.replace("'/* nor this */'", "'/* nor that */'");
        QCOMPARE(verdictOf(applied, inBlockLiteral), Verdict::SqlChanged);
        // Whitespace inside a literal is data too.
        QByteArray spaced = applied;
        spaced.replace("'-- not a comment'", "'--  not a comment'");
        QCOMPARE(verdictOf(applied, spaced), Verdict::SqlChanged);
        // A real comment after the literal is still a comment.
        QByteArray commented = applied;
        commented.replace("('-- not a comment');", "('-- not a comment'); -- a real one");
        QCOMPARE(verdictOf(applied, commented), Verdict::CommentsOnly);
    }

    void quotedIdentifiersAndDollarQuotesKeepTheirInsides()
    {
        const QByteArray applied =
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 -- inside $$ LANGUAGE sql;\n"
            "SELECT \"odd -- name\" FROM t;\n";
        QByteArray body = applied;
        body.replace("-- inside", "-- changed");
        QCOMPARE(verdictOf(applied, body), Verdict::SqlChanged);
        QByteArray identifier = applied;
        identifier.replace("\"odd -- name\"", "\"odd -- other\"");
        QCOMPARE(verdictOf(applied, identifier), Verdict::SqlChanged);
    }

    void sqliteSyntaxIsScannedToo()
    {
        const QByteArray applied = "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, `v` TEXT); -- v1\n";
        QCOMPARE(verdictOf(applied,
                           "CREATE TABLE t (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  `v` TEXT\n);"
                           " -- v1\n"),
                 Verdict::WhitespaceOnly);
        QCOMPARE(verdictOf(applied, "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, `v` TEXT);\n"),
                 Verdict::CommentsOnly);
    }

    void unreadableTextCountsAsChanged()
    {
        const auto comparison =
            ScriptComparison::compare(QByteArray("SELECT 'ok';"), QByteArray("SELECT 'open;"));
        QCOMPARE(comparison.verdict(), Verdict::SqlChanged);
        QVERIFY2(comparison.summary().contains(QStringLiteral("could not read the current text")),
                 qPrintable(comparison.summary()));
    }

    void withoutTheAppliedTextOnlyTheChecksumIsKnown()
    {
        const auto comparison = ScriptComparison::compare(std::nullopt, kApplied);
        QCOMPARE(comparison.verdict(), Verdict::AppliedTextNotKept);
        QVERIFY(!comparison.sqlUnchanged());
        QCOMPARE(
            comparison.summary(),
            QStringLiteral("The text that was applied was not kept (applied before Strata kept scripts); "
                           "only the checksum differs."));
    }
};

QTEST_GUILESS_MAIN(TestScriptComparison)
#include "tst_script_comparison.moc"
