#include <QtTest>

#include "SetBuilder.h"
#include "migrations/MigrationSetLoader.h"
#include "tools/goose/GooseSqlFile.h"

using namespace strata;
using namespace strata::test;

namespace {

QString errorText(const Result<GooseSqlFile>& r)
{
    return r.ok() ? QString() : r.error().toText();
}

} // namespace

/// goose files are read as goose v3's SQL parser reads them (docs/migration-sets.md, "goose").
class TestGooseSqlFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyUpRunsForwardAndDownIsTheRollback()
    {
        const QByteArray bytes =
            "-- +goose Up\nCREATE TABLE fills (id INT);\n\n-- +goose Down\nDROP TABLE fills;\n";
        auto f = GooseSqlFile::parse(bytes, QStringLiteral("00001_create_fills.sql"));
        QVERIFY2(f.ok(), qPrintable(errorText(f)));
        QVERIFY(f->up.contains("CREATE TABLE fills"));
        QVERIFY(!f->up.contains("DROP TABLE"));
        QCOMPARE(f->upFirstLine, 2);
        QCOMPARE(f->down, QByteArray("DROP TABLE fills;\n"));
        QCOMPARE(f->downFirstLine, 5);
        QVERIFY(!f->noTransaction);
    }

    void commentsAndBlankLinesBeforeUpAreIgnored()
    {
        auto f = GooseSqlFile::parse("\n-- fills table\n\n-- +goose Up\nCREATE TABLE f (id INT);\n", "a.sql");
        QVERIFY2(f.ok(), qPrintable(errorText(f)));
        QCOMPARE(f->up, QByteArray("CREATE TABLE f (id INT);\n"));
        QCOMPARE(f->upFirstLine, 5);
        QVERIFY(f->down.isEmpty());
    }

    void sqlBeforeUpIsAnErrorNamingFileAndLine()
    {
        auto f =
            GooseSqlFile::parse("-- c\nCREATE TABLE x (id INT);\n-- +goose Up\nSELECT 1;\n", "003_x.sql");
        QVERIFY(!f.ok());
        QVERIFY2(f.error().toText().contains(QStringLiteral("003_x.sql, line 2")), qPrintable(errorText(f)));
    }

    void twoUpAnnotationsAreAnError()
    {
        auto f = GooseSqlFile::parse("-- +goose Up\nSELECT 1;\n-- +goose Up\nSELECT 2;\n", "004_twice.sql");
        QVERIFY(!f.ok());
        QVERIFY2(f.error().toText().contains(QStringLiteral("004_twice.sql, line 3")),
                 qPrintable(errorText(f)));
        QVERIFY(f.error().code == ExitCode::BadInput);
    }

    void downBeforeUpTwoDownsAndAFileWithoutUpAreErrors()
    {
        QVERIFY(!GooseSqlFile::parse("-- +goose Down\nDROP TABLE x;\n", "a.sql").ok());
        QVERIFY(
            !GooseSqlFile::parse("-- +goose Up\nSELECT 1;\n-- +goose Down\n-- +goose Down\n", "a.sql").ok());
        auto noUp = GooseSqlFile::parse("-- +goose NO TRANSACTION\n-- just a note\n", "005_none.sql");
        QVERIFY(!noUp.ok());
        QVERIFY(noUp.error().toText().contains(QStringLiteral("005_none.sql")));
    }

    void emptyDownMeansNoRollbackText()
    {
        auto f = GooseSqlFile::parse("-- +goose Up\nSELECT 1;\n-- +goose Down\n\n", "a.sql");
        QVERIFY2(f.ok(), qPrintable(errorText(f)));
        QCOMPARE(f->down.trimmed(), QByteArray());
    }

    void annotationsStartTheLineInAnyLetterCase()
    {
        // goose v3.27.3 (extractAnnotation): a line that, trimmed, starts with "--" and holds "+goose" is an
        // annotation; its first column must not be blank; the annotation matches in any letter case.
        auto indented =
            GooseSqlFile::parse("-- +goose Up\nSELECT 1;\n  -- +goose Down\nSELECT 2;\n", "a.sql");
        QVERIFY(!indented.ok());
        QVERIFY2(indented.error().what.contains(QStringLiteral("a.sql, line 3")),
                 qPrintable(indented.error().what));
        auto spaced =
            GooseSqlFile::parse("--   +goose Up   \nSELECT 1;\n--+goose Down\nSELECT 2;\n", "a.sql");
        QVERIFY2(spaced.ok(), qPrintable(errorText(spaced)));
        QCOMPARE(spaced->down, QByteArray("SELECT 2;\n"));
        auto lower = GooseSqlFile::parse("-- +goose up\nSELECT 1;\n-- +GOOSE DOWN\nSELECT 2;\n", "a.sql");
        QVERIFY(GooseSqlFile::recognises("-- +goose up\nSELECT 1;\n"));
        // goose looks for "+goose" as written: "-- +GOOSE DOWN" is a comment, so the file has no Down.
        QVERIFY2(lower.ok(), qPrintable(errorText(lower)));
        QVERIFY(lower->up.contains("SELECT 2;"));
        QVERIFY(lower->down.isEmpty());
        auto mixed = GooseSqlFile::parse("-- +goose uP\nSELECT 1;\n-- +goose down\nSELECT 2;\n", "a.sql");
        QVERIFY2(mixed.ok(), qPrintable(errorText(mixed)));
        QCOMPARE(mixed->up, QByteArray("SELECT 1;\n"));
        QCOMPARE(mixed->down, QByteArray("SELECT 2;\n"));
        QVERIFY(!GooseSqlFile::recognises("-- migrate:up\nSELECT 1;\n"));
    }

    void anUnknownOrDoubledAnnotationIsAnError()
    {
        QVERIFY(!GooseSqlFile::parse("-- +goose Up\nSELECT 1;\n-- +goose Sideways\n", "a.sql").ok());
        QVERIFY(!GooseSqlFile::parse("-- +goose Up +goose Down\nSELECT 1;\n", "a.sql").ok());
        QVERIFY(!GooseSqlFile::parse("-- +goose\n-- +goose Up\nSELECT 1;\n", "a.sql").ok());
    }

    void crlfLineEndsReachTheDatabaseAsGooseSendsThem()
    {
        // bufio.ScanLines drops the \r of each CRLF line end.
        auto f = GooseSqlFile::parse(
            "-- +goose Up\r\nCREATE TABLE a (x INT);\r\n-- +goose Down\r\nDROP TABLE a;\r\n", "a.sql");
        QVERIFY2(f.ok(), qPrintable(errorText(f)));
        QCOMPARE(f->up, QByteArray("CREATE TABLE a (x INT);\n"));
        QCOMPARE(f->down, QByteArray("DROP TABLE a;\n"));
    }

    void noTransactionInAnyLetterCase()
    {
        for (const char* spelling :
             {"-- +goose NO TRANSACTION\n", "-- +goose no transaction\n", "-- +goose No Transaction\n"}) {
            auto f = GooseSqlFile::parse(
                QByteArray(spelling) + "-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (x);\n", "a.sql");
            QVERIFY2(f.ok(), qPrintable(errorText(f)));
            QVERIFY2(f->noTransaction, spelling);
        }
    }

    void noTransactionAnywhereMakesANoTransactionStep()
    {
        auto f = GooseSqlFile::parse(
            "-- +goose Up\n-- +goose NO TRANSACTION\nCREATE INDEX CONCURRENTLY i ON t (x);\n", "a.sql");
        QVERIFY2(f.ok(), qPrintable(errorText(f)));
        QVERIFY(f->noTransaction);
        auto before = GooseSqlFile::parse("-- +goose NO TRANSACTION\n-- +goose Up\nSELECT 1;\n", "a.sql");
        QVERIFY2(before.ok(), qPrintable(errorText(before)));
        QVERIFY(before->noTransaction);
    }

    void statementBlocksKeepTheirTextAndMustBeClosed()
    {
        const QByteArray bytes =
            "-- +goose Up\n-- +goose StatementBegin\nCREATE FUNCTION f() RETURNS int AS $$\n"
            "BEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\n-- +goose StatementEnd\n"
            "-- +goose Down\nDROP FUNCTION f();\n";
        auto f = GooseSqlFile::parse(bytes, "a.sql");
        QVERIFY2(f.ok(), qPrintable(errorText(f)));
        QVERIFY(f->up.contains("BEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\n"));
        QCOMPARE(f->upFirstLine, 2); // line numbers of the up text are the file's own
        QCOMPARE(f->down, QByteArray("DROP FUNCTION f();\n"));
        auto open =
            GooseSqlFile::parse("-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n", "006_open.sql");
        QVERIFY(!open.ok());
        QVERIFY(open.error().toText().contains(QStringLiteral("006_open.sql, line 2")));
        QVERIFY(!GooseSqlFile::parse("-- +goose Up\n-- +goose StatementEnd\n", "a.sql").ok());
        QVERIFY(!GooseSqlFile::parse("-- +goose StatementBegin\n-- +goose Up\n", "a.sql").ok());
        QVERIFY(!GooseSqlFile::parse("-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose Down\n",
                                     "a.sql")
                     .ok());
    }

    void envsubIsRefusedBecauseStrataDoesNotSubstitute()
    {
        QVERIFY(!GooseSqlFile::parse("-- +goose ENVSUB ON\n-- +goose Up\nSELECT '${X}';\n", "a.sql").ok());
        QVERIFY(GooseSqlFile::parse("-- +goose ENVSUB OFF\n-- +goose Up\nSELECT 1;\n", "a.sql").ok());
        // goose v3.17's spelling is no annotation to goose v3.27.3.
        QVERIFY(!GooseSqlFile::parse("-- +goose ENVSUBST OFF\n-- +goose Up\nSELECT 1;\n", "a.sql").ok());
    }

    void theLoaderReadsGooseFilesAsGoose()
    {
        SetBuilder set;
        set.file(QStringLiteral("00001_create_fills.sql"),
                 "-- +goose Up\nCREATE TABLE fills (id INT);\n-- +goose Down\nDROP TABLE fills;\n")
            .file(
                QStringLiteral("00002_index_fills.sql"),
                "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY fills_id ON fills (id);\n")
            .file(QStringLiteral("00003_bad.sql"), "-- +goose Up\nSELECT 1;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toText()));
        QCOMPARE(loaded->steps.size(), 3);
        const MigrationStep& first = loaded->steps.at(0);
        QVERIFY(!first.forwardSql.contains("DROP TABLE"));
        QVERIFY(first.hasRollback());
        QCOMPARE(first.rollbackSql, QByteArray("DROP TABLE fills;\n"));
        QCOMPARE(first.rollbackFirstLine, 4);
        QVERIFY(first.transactional());
        QVERIFY(!loaded->steps.at(1).transactional());
        QVERIFY(!loaded->steps.at(1).hasRollback());

        SetBuilder twice;
        twice.file(QStringLiteral("00001_twice.sql"), "-- +goose Up\nSELECT 1;\n-- +goose Up\nSELECT 2;\n");
        auto refused = MigrationSetLoader::load(twice.path());
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().toText().contains(QStringLiteral("00001_twice.sql, line 3")));
        QVERIFY(refused.error().code == ExitCode::BadInput);
    }
};

QTEST_GUILESS_MAIN(TestGooseSqlFile)
#include "tst_goose_sql_file.moc"
