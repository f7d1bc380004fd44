// strata-cli on Alembic projects, read without running Python (docs/migration-sets.md, "Alembic"): seed
// 002's two heads make `migrate` refuse with exit 5 before anything runs, naming both files and the merge
// that settles it (`plan` lists the same problem and exits 0, as for every problem: docs/decisions.md); a
// project with a merge plans its revisions parents first; a bad project is bad input naming its files. The
// projects are tests/compat/alembic/.

#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

QString compat(const QString& name)
{
    return QStringLiteral(STRATA_SOURCE_DIR "/tests/compat/alembic/") + name;
}

/// Runs the real Alembic's `upgrade` to each target in turn on the SQLite file; empty when it succeeded.
QString alembicUpgrade(const QString& project, const QString& sqlitePath, const QStringList& targets)
{
    const QString script =
        QStringLiteral("import sys\nfrom alembic import command\nfrom alembic.config import "
                       "Config\nc = Config('alembic.ini')\nc.set_main_option('sqlalchemy.url', "
                       "'sqlite:///' + sys.argv[1])\nfor t in sys.argv[2:]:\n    "
                       "command.upgrade(c, t)\n");
    QProcess python;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1")); // no __pycache__ in the tree
    python.setProcessEnvironment(env);
    python.setWorkingDirectory(project);
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral("-c"), script, sqlitePath} + targets);
    if (!python.waitForFinished(60000) || python.exitCode() != 0)
        return QString::fromUtf8(python.readAllStandardError()).right(2000);
    return {};
}

} // namespace

class TestCliAlembicHeads : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_backups;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_backups.isValid());
        keepBackupsInside(m_backups);
    }

    void twoHeadsRefuseMigrate_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void twoHeadsRefuseMigrate()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        const QString project = compat(QStringLiteral("two-heads"));
        const QStringList before = stateOf(db.url());

        for (const QString& command : {QStringLiteral("plan"), QStringLiteral("migrate")}) {
            QStringList args{command};
            if (command == QLatin1String("migrate"))
                args << QStringLiteral("--yes");
            const auto run = CliProcess::run(cliArgs(db.url(), project, args));
            // plan lists problems and exits 0; migrate refuses (docs/decisions.md).
            QVERIFY2(run.exitCode == (command == QLatin1String("plan") ? 0 : 5), qPrintable(describe(run)));
            const QString text = run.out + run.err;
            QVERIFY2(text.contains(QStringLiteral("migrations/versions/003_portfolio_analytics.py")),
                     qPrintable(describe(run)));
            QVERIFY2(text.contains(QStringLiteral("migrations/versions/003_strategy_execution.py")),
                     qPrintable(describe(run)));
            QVERIFY2(text.contains(QStringLiteral("alembic merge heads")), qPrintable(describe(run)));
        }
        QCOMPARE(stateOf(db.url()), before); // nothing ran, nothing was recorded

        const auto json =
            CliProcess::run(cliArgs(db.url(), project, {QStringLiteral("--json"), QStringLiteral("plan")}));
        QCOMPARE(json.exitCode, 0);
        const auto doc = singleJsonObject(json.out);
        QVERIFY2(doc, qPrintable(describe(json)));
        QVERIFY2(problemKinds(*doc).contains(QStringLiteral("multiple-heads")), qPrintable(json.out));
    }

    void aMergePlansItsRevisionsParentsFirst()
    {
        TestDatabase db(Engine::Sqlite, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        const auto run = CliProcess::run(cliArgs(db.url(), compat(QStringLiteral("merge")),
                                                 {QStringLiteral("--json"), QStringLiteral("plan")}));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const auto doc = singleJsonObject(run.out);
        QVERIFY2(doc, qPrintable(describe(run)));
        QVERIFY2(problemKinds(*doc).isEmpty(), qPrintable(run.out));
        // Generation.rank: the base, the two branches, the merge, the revision after it.
        QCOMPARE(slotsOf(doc->value(QStringLiteral("steps")).toArray()),
                 (QStringList{"1.1", "2.1", "2.2", "3.1", "4.1"}));
        QVERIFY2(run.out.contains(QStringLiteral("d4000000merg_merge_fills_and_risk.py")),
                 qPrintable(run.out));
    }

    void historySaysWhichRevisionsAlembicApplied()
    {
        TestDatabase db(Engine::Sqlite, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        const QString path = db.path();
        // Both branches applied by the real Alembic, not merged: alembic_version holds their two heads.
        const QString failed =
            alembicUpgrade(compat(QStringLiteral("merge")), path,
                           {QStringLiteral("b2000000fill"), QStringLiteral("c3000000risk")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        const auto text =
            CliProcess::run(cliArgs(db.url(), compat(QStringLiteral("merge")), {QStringLiteral("history")}));
        QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
        QVERIFY2(text.out.contains(
                     QStringLiteral("Alembic revisions: 3 of 5 applied (alembic_version: b2000000fill, "
                                    "c3000000risk")),
                 qPrintable(describe(text)));
        QVERIFY2(text.out.contains(QStringLiteral("applied: a1000000base, b2000000fill, c3000000risk")),
                 qPrintable(describe(text)));
        QVERIFY2(text.out.contains(QStringLiteral("pending: d4000000merg, e5000000posn")),
                 qPrintable(describe(text)));

        const auto json = CliProcess::run(cliArgs(db.url(), compat(QStringLiteral("merge")),
                                                  {QStringLiteral("--json"), QStringLiteral("history")}));
        QCOMPARE(json.exitCode, 0);
        const auto doc = singleJsonObject(json.out);
        QVERIFY2(doc, qPrintable(describe(json)));
        const QJsonObject alembic = doc->value(QStringLiteral("alembic")).toObject();
        QCOMPARE(alembic.value(QStringLiteral("applied")).toArray().size(), 3);
        QCOMPARE(alembic.value(QStringLiteral("pending")).toArray(),
                 QJsonArray({QStringLiteral("d4000000merg"), QStringLiteral("e5000000posn")}));
        QCOMPARE(alembic.value(QStringLiteral("current")).toArray(),
                 QJsonArray({QStringLiteral("b2000000fill"), QStringLiteral("c3000000risk")}));
    }

    void badProjectsAreBadInputNamingTheFiles_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QStringList>("files");
        QTest::newRow("two files, one revision id")
            << QStringLiteral("bad/duplicate-revision")
            << QStringList{"versions/002_orders.py", "versions/002_orders_copy.py"};
        QTest::newRow("cycle") << QStringLiteral("bad/cycle")
                               << QStringList{"versions/002_orders.py", "versions/003_fills.py"};
        QTest::newRow("down_revision of no file")
            << QStringLiteral("bad/missing-down-revision") << QStringList{"versions/003_fills.py"};
        QTest::newRow("not UTF-8") << QStringLiteral("bad/not-utf8")
                                   << QStringList{"versions/002_comptes.py"};
        QTest::newRow("does not parse")
            << QStringLiteral("bad/unclosed-string") << QStringList{"versions/002_orders.py"};
    }

    void badProjectsAreBadInputNamingTheFiles()
    {
        QFETCH(QString, project);
        QFETCH(QStringList, files);
        TestDatabase db(Engine::Sqlite, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        const QStringList before = stateOf(db.url());
        const auto run = CliProcess::run(
            cliArgs(db.url(), compat(project), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        for (const QString& file : files)
            QVERIFY2(run.err.contains(file), qPrintable(describe(run)));
        QCOMPARE(stateOf(db.url()), before);
    }
};

QTEST_GUILESS_MAIN(TestCliAlembicHeads)
#include "tst_cli_alembic_heads.moc"
