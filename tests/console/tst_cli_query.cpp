// strata-cli query as deploy and report scripts run it, on a real SQLite file and a real PostgreSQL server:
// rows as tab-separated text, CSV identical to the engines' own tools, JSON and INSERTs; read-only unless
// --write (the database's own refusal, exit 5); the position of a syntax error; a file export that a
// file-size limit cuts leaves no partial file; bad usage exits 2.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "CliProcess.h"
#include "ScratchDatabases.h"
#include "connection/DatabaseOpener.h"

using namespace strata;
using namespace strata::test;

namespace {

struct Scratch
{
    std::unique_ptr<ScratchSqlite> sqlite;
    std::unique_ptr<ScratchPostgres> postgres;
    QString url;

    bool open(const QString& engine)
    {
        if (engine == QLatin1String("sqlite")) {
            sqlite = std::make_unique<ScratchSqlite>();
            url = sqlite->url();
        } else {
            postgres = std::make_unique<ScratchPostgres>();
            if (!postgres->ok()) {
                qWarning("%s", qPrintable(postgres->error()));
                return false;
            }
            url = postgres->url();
        }
        auto db = DatabaseOpener::open(*ConnectionUrl::parse(url));
        return db &&
               (*db)->execute(
                   QStringLiteral(
                       "CREATE TABLE fills (id integer PRIMARY KEY, venue text, qty integer, raw %1)")
                       .arg(engine == QLatin1String("sqlite") ? QStringLiteral("blob")
                                                              : QStringLiteral("bytea"))) &&
               (*db)->execute(
                   engine == QLatin1String("sqlite")
                       ? QStringLiteral("INSERT INTO fills VALUES (1, 'XLON', 10, X'00ff'), (2, 'a, \"b\"', "
                                        "NULL, NULL), (3, '', 30, X'41')")
                       : QStringLiteral(
                             "INSERT INTO fills VALUES (1, 'XLON', 10, '\\x00ff'), (2, 'a, \"b\"', "
                             "NULL, NULL), (3, '', 30, '\\x41')"));
    }
    bool isSqlite() const { return sqlite != nullptr; }
    CliProcess::Outcome query(QStringList arguments) const
    {
        return CliProcess::run(QStringList{QStringLiteral("--db"), url, QStringLiteral("query")} + arguments);
    }
};

QByteArray toolCsv(const Scratch& scratch, const QString& sql)
{
    QProcess tool;
    if (scratch.isSqlite())
        tool.start(QStringLiteral("sqlite3"),
                   {QStringLiteral("-csv"), QStringLiteral("-header"), scratch.sqlite->path(), sql});
    else
        tool.start(QStringLiteral("psql"),
                   {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), scratch.url,
                    QStringLiteral("-c"), QStringLiteral("\\copy (%1) to stdout csv header").arg(sql)});
    tool.waitForFinished(60000);
    return tool.readAllStandardOutput();
}

} // namespace

class TestCliQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
    void formats()
    {
        QFETCH(QString, engine);
        Scratch scratch;
        QVERIFY(scratch.open(engine));
        const QString sql = QStringLiteral("SELECT * FROM fills ORDER BY id");

        const auto text = scratch.query({sql});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out,
                 QStringLiteral(
                     "id\tvenue\tqty\traw\n1\tXLON\t10\t\\x00ff\n2\t\"a, \"\"b\"\"\"\t\t\n3\t\t30\t\\x41\n"));
        QVERIFY2(text.err.contains(QStringLiteral("3 rows")), qPrintable(text.err));

        const auto csv = scratch.query({QStringLiteral("--csv"), sql});
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(csv.out.toUtf8(), toolCsv(scratch, sql));

        const auto json = scratch.query({QStringLiteral("--json"), sql});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).toObject().value(QLatin1String("raw")).toString(), QStringLiteral("AP8="));
        QVERIFY(rows.at(1).toObject().value(QLatin1String("qty")).isNull());
        QCOMPARE(rows.at(1).toObject().value(QLatin1String("venue")).toString(), QStringLiteral("a, \"b\""));

        const auto inserts =
            scratch.query({QStringLiteral("--inserts"), QStringLiteral("--table"), QStringLiteral("fills")});
        QCOMPARE(inserts.exitCode, 0);
        QVERIFY2(inserts.out.contains(
                     scratch.isSqlite()
                         ? QStringLiteral(
                               "INSERT INTO fills (id, venue, qty, raw) VALUES (1, 'XLON', 10, X'00ff');")
                         : QStringLiteral("INSERT INTO fills (id, venue, qty, raw) VALUES (1, 'XLON', 10, "
                                          "'\\x00ff'::bytea);")),
                 qPrintable(inserts.out));
        QVERIFY(inserts.out.contains(QStringLiteral("VALUES (2, 'a, \"b\"', NULL, NULL);")));

        // Standard input, when no statement is given.
        QProcess piped;
        piped.setProcessEnvironment(CliProcess::defaultEnvironment());
        piped.start(QStringLiteral(STRATA_CLI_PATH),
                    {QStringLiteral("--db"), scratch.url, QStringLiteral("query"), QStringLiteral("--csv")});
        QVERIFY(piped.waitForStarted());
        piped.write("SELECT count(*) AS n FROM fills;\n");
        piped.closeWriteChannel();
        QVERIFY(piped.waitForFinished(60000));
        QCOMPARE(piped.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(piped.readAllStandardOutput()), QStringLiteral("n\n3\n"));
    }

    void readOnlyUnlessWrite_data() { formats_data(); }
    void readOnlyUnlessWrite()
    {
        QFETCH(QString, engine);
        Scratch scratch;
        QVERIFY(scratch.open(engine));
        const auto refused = scratch.query({QStringLiteral("DELETE FROM fills")});
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains(QStringLiteral("read-only")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("--write")), qPrintable(refused.err));
        QCOMPARE(
            scratch.query({QStringLiteral("--csv"), QStringLiteral("SELECT count(*) AS n FROM fills")}).out,
            QStringLiteral("n\n3\n"));
        const auto written =
            scratch.query({QStringLiteral("--write"), QStringLiteral("DELETE FROM fills WHERE id > 1")});
        QCOMPARE(written.exitCode, 0);
        QVERIFY2(written.err.contains(QStringLiteral("DELETE 2")), qPrintable(written.err));
        QCOMPARE(
            scratch.query({QStringLiteral("--csv"), QStringLiteral("SELECT count(*) AS n FROM fills")}).out,
            QStringLiteral("n\n1\n"));
    }

    void badStatementsAndUsage_data() { formats_data(); }
    void badStatementsAndUsage()
    {
        QFETCH(QString, engine);
        Scratch scratch;
        QVERIFY(scratch.open(engine));
        const auto syntax = scratch.query({QStringLiteral("SELECT * FORM fills")});
        QCOMPARE(syntax.exitCode, 2);
        QVERIFY2(syntax.err.contains(QStringLiteral("FORM")) || syntax.err.contains(QStringLiteral("syntax")),
                 qPrintable(syntax.err));
        const auto two = scratch.query({QStringLiteral("SELECT 1; SELECT 2")});
        QCOMPARE(two.exitCode, 2);
        QVERIFY2(two.err.contains(QStringLiteral("one at a time")), qPrintable(two.err));
        const auto both =
            scratch.query({QStringLiteral("--csv"), QStringLiteral("--json"), QStringLiteral("SELECT 1")});
        QCOMPARE(both.exitCode, 2);
        const auto none = scratch.query({QStringLiteral("  -- nothing")});
        QCOMPARE(none.exitCode, 2);
        const auto missing =
            scratch.query({QStringLiteral("--out"), QStringLiteral("/nonexistent-folder/x.csv"),
                           QStringLiteral("SELECT 1")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("does not exist")), qPrintable(missing.err));
    }

    void fileExportCutByAFileSizeLimitLeavesNothing()
    {
        ScratchSqlite scratch;
        {
            auto db = DatabaseOpener::open(*ConnectionUrl::parse(scratch.url()));
            QVERIFY(db);
            QVERIFY((*db)->execute(
                QStringLiteral("CREATE TABLE t AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                               "FROM n WHERE i < 200000) SELECT i, 'row ' || i AS label FROM n")));
        }
        QTemporaryDir folder;
        const QString target = folder.filePath(QStringLiteral("t.csv"));
        QProcess shell;
        shell.setStandardInputFile(QProcess::nullDevice());
        shell.start(QStringLiteral("/bin/bash"),
                    {QStringLiteral("-c"), QStringLiteral("ulimit -f 256; exec \"$0\" \"$@\""),
                     QStringLiteral(STRATA_CLI_PATH), QStringLiteral("--db"), scratch.url(),
                     QStringLiteral("query"), QStringLiteral("--table"), QStringLiteral("t"),
                     QStringLiteral("--out"), target});
        QVERIFY(shell.waitForFinished(60000));
        const QString err = QString::fromUtf8(shell.readAllStandardError());
        QCOMPARE(shell.exitStatus(), QProcess::NormalExit);
        QCOMPARE(shell.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("File too large")) && err.contains(target), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("no partial file")), qPrintable(err));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList());

        // Without the limit the same export is whole.
        const auto whole = CliProcess::run({QStringLiteral("--db"), scratch.url(), QStringLiteral("query"),
                                            QStringLiteral("--table"), QStringLiteral("t"),
                                            QStringLiteral("--out"), target});
        QCOMPARE(whole.exitCode, 0);
        QVERIFY2(whole.err.contains(QStringLiteral("rows written")), qPrintable(whole.err));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 200001);
    }
};

QTEST_GUILESS_MAIN(TestCliQuery)
#include "tst_cli_query.moc"
