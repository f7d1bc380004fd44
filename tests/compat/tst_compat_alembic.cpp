// The Alembic projects of the compatibility corpus (tests/compat/alembic), on SQLite and PostgreSQL: each is
// applied to a fresh database by `strata-cli migrate` (which runs the project's own Alembic one revision at
// a time) and to another by the real `alembic upgrade head` (Debian's python3-alembic); the two schemas must
// be equal catalog by catalog and `alembic current` must say the same of both. Then both are taken back to
// the first revision (`strata-cli rollback --to 1`, `alembic downgrade <base>`) and compared again. The
// project with two heads (seed 002's conflict) is refused by both tools, Strata naming both files.

#include <QtTest>

#include "AlembicTestKit.h"
#include "CliTestKit.h"
#include "CompatCatalog.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;
using namespace strata::test::compat;

namespace {

/// A copy of a corpus project whose alembic.ini points at `url` (for the real alembic; Strata hands Alembic
/// its own connection). No password: libpq reads PGPASSWORD.
class ProjectCopy
{
public:
    ProjectCopy(const QString& project, const QString& url)
    {
        alembic::copyProject(project, path());
        alembic::pointAt(path(), alembic::sqlalchemyUrl(url));
    }

    QString path() const { return m_dir.filePath(QStringLiteral("project")); }

    /// The real alembic's stdout; `ok` says whether it succeeded, and its stderr is added when it did not.
    QString alembic(const QStringList& arguments, bool* ok = nullptr) const
    {
        return alembic::run(path(), arguments, ok);
    }

private:
    QTemporaryDir m_dir;
};

QStringList catalogOf(const QString& url)
{
    auto db = openDatabase(url);
    return db ? CompatCatalog::read(*db) : QStringList{QStringLiteral("ERROR cannot open ") + url};
}

} // namespace

class TestCompatAlembic : public QObject
{
    Q_OBJECT

    QTemporaryDir m_work;

private Q_SLOTS:
    void initTestCase()
    {
        keepBackupsInside(m_work);
        qunsetenv("STRATA_ALEMBIC");
    }

    void project_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<Engine>("engine");
        for (const QString& name : {QStringLiteral("linear"), QStringLiteral("merge")})
            for (const Engine engine : {Engine::Sqlite, Engine::Postgres})
                QTest::newRow(qPrintable(name + QLatin1Char('/') + engineName(engine))) << name << engine;
    }

    void project()
    {
        QFETCH(QString, project);
        QFETCH(Engine, engine);
        STRATA_REQUIRE_ALEMBIC();
        const QString source = QStringLiteral(STRATA_SOURCE_DIR "/tests/compat/alembic/") + project;
        TestDatabase byStrata(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(byStrata);
        TestDatabase byAlembic(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(byAlembic);
        const ProjectCopy strataCopy(source, byStrata.url());
        const ProjectCopy alembicCopy(source, byAlembic.url());

        const auto migrate = CliProcess::run(
            cliArgs(byStrata.url(), strataCopy.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrate.exitCode == 0, qPrintable(describe(migrate)));
        bool ok = false;
        const QString upgraded =
            alembicCopy.alembic({QStringLiteral("upgrade"), QStringLiteral("head")}, &ok);
        QVERIFY2(ok, qPrintable(upgraded));

        QCOMPARE(strataCopy.alembic({QStringLiteral("current")}),
                 alembicCopy.alembic({QStringLiteral("current")}));
        const QStringList strataCatalog = catalogOf(byStrata.url());
        QVERIFY2(!strataCatalog.isEmpty() && !strataCatalog.first().startsWith(QLatin1String("ERROR")),
                 qPrintable(strataCatalog.join(QLatin1Char('\n'))));
        const QStringList differences = CompatCatalog::differences(strataCatalog, catalogOf(byAlembic.url()));
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));

        // Back to the first revision: Strata revision by revision, Alembic to the base revision's id.
        const auto rollback = CliProcess::run(cliArgs(byStrata.url(), strataCopy.path(),
                                                      {QStringLiteral("rollback"), QStringLiteral("--to"),
                                                       QStringLiteral("1"), QStringLiteral("--yes")}));
        QVERIFY2(rollback.exitCode == 0, qPrintable(describe(rollback)));
        const QString base = alembicCopy.alembic({QStringLiteral("history")})
                                 .split(QLatin1Char('\n'))
                                 .last()
                                 .section(QLatin1Char(' '), 2, 2);
        QVERIFY2(!base.isEmpty(), "no base revision in alembic history");
        const QString downgraded =
            alembicCopy.alembic({QStringLiteral("downgrade"), base.section(QLatin1Char(','), 0, 0)}, &ok);
        QVERIFY2(ok, qPrintable(downgraded));
        QCOMPARE(strataCopy.alembic({QStringLiteral("current")}),
                 alembicCopy.alembic({QStringLiteral("current")}));
        const QStringList afterRollback =
            CompatCatalog::differences(catalogOf(byStrata.url()), catalogOf(byAlembic.url()));
        QVERIFY2(afterRollback.isEmpty(), qPrintable(afterRollback.join(QLatin1Char('\n'))));
    }

    void twoHeads_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void twoHeads()
    {
        QFETCH(Engine, engine);
        STRATA_REQUIRE_ALEMBIC();
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        const ProjectCopy copy(QStringLiteral(STRATA_SOURCE_DIR "/tests/compat/alembic/two-heads"), db.url());
        const QStringList before = stateOf(db.url());
        const auto migrate = CliProcess::run(
            cliArgs(db.url(), copy.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrate.exitCode == 5, qPrintable(describe(migrate)));
        QVERIFY2(migrate.err.contains(QLatin1String("003_portfolio_analytics.py")) &&
                     migrate.err.contains(QLatin1String("003_strategy_execution.py")),
                 qPrintable(describe(migrate)));
        QCOMPARE(stateOf(db.url()), before);
        // Alembic refuses the same project: `upgrade head` with two heads.
        bool ok = true;
        const QString upgraded = copy.alembic({QStringLiteral("upgrade"), QStringLiteral("head")}, &ok);
        QVERIFY2(!ok, qPrintable(upgraded));
        QVERIFY2(upgraded.contains(QLatin1String("Multiple head revisions")), qPrintable(upgraded));
    }
};

QTEST_GUILESS_MAIN(TestCompatAlembic)
#include "tst_compat_alembic.moc"
