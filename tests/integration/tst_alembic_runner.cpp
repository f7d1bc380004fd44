// Alembic revisions run by Strata's executor with the real Alembic (Debian's python3-alembic, psycopg2) on a
// real SQLite file and the test PostgreSQL server: a project of five revisions with a branch and a merge
// (tests/support/alembic-project), part of it applied by `alembic upgrade` itself, the rest by Strata's
// runner, then taken back one revision at a time; the real `alembic current` checks each state. A revision
// with a bad statement leaves the database as it was and its step recorded as failed; Alembic missing is a
// clear error saying how to get it; an env.py that connects elsewhere is stopped before it changes anything.
//
// The set is the project as Strata reads it (AlembicSteps); the plans are made here, one revision list each,
// so that the executor is what is tested.

#include <QtTest>

#include "AlembicTestKit.h"
#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "migrations/MigrationRunner.h"
#include "tools/alembic/AlembicPython.h"
#include "tools/alembic/AlembicSteps.h"

using namespace strata;
using namespace strata::test;

namespace {

enum class Engine { Sqlite, Postgres };

const char* kBroken = R"PY("""add risk limits

Revision ID: 0d6c4a9e1f88
Revises: 5b0c8e2f9d77
Create Date: 2026-11-06 10:12:03.118402

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0d6c4a9e1f88'
down_revision = '5b0c8e2f9d77'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('risk_limits', sa.Column('id', sa.Integer(), primary_key=True))
    op.execute("INSERT INTO risk_limits (id) VALUES (1)")
    op.execute("UPDATE risk_limitz SET id = 2")


def downgrade() -> None:
    op.drop_table('risk_limits')
)PY";

/// One database of the engine, and the fixture project copied beside it with alembic.ini pointing at it
/// (for the real alembic program; Strata's runs hand Alembic the URL themselves).
class AlembicFixture
{
public:
    explicit AlembicFixture(Engine engine)
    {
        if (engine == Engine::Postgres) {
            m_postgres = std::make_unique<ScratchPostgres>();
        } else {
            QFile file(m_dir.filePath(QStringLiteral("state.db"))); // an empty file is an empty database
            file.open(QIODevice::WriteOnly);
        }
        m_project = m_dir.filePath(QStringLiteral("project"));
        alembic::copyProject(QStringLiteral(STRATA_SOURCE_DIR "/tests/support/alembic-project"), m_project);
        alembic::pointAt(m_project, sqlalchemyUrl());
    }

    bool postgresMissing() const { return m_postgres && !m_postgres->ok(); }
    QString postgresError() const { return m_postgres ? m_postgres->error() : QString(); }
    QString project() const { return m_project; }
    QString url() const
    {
        return m_postgres ? m_postgres->url()
                          : QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("state.db"));
    }
    /// The URL the real alembic takes: no password (libpq reads PGPASSWORD, which the test server's env
    /// sets).
    QString sqlalchemyUrl() const
    {
        if (!m_postgres)
            return QStringLiteral("sqlite:///") + m_dir.filePath(QStringLiteral("state.db"));
        QString u = m_postgres->url();
        return u.replace(QRegularExpression(QStringLiteral("^postgres(ql)?://")),
                         QStringLiteral("postgresql://"));
    }

    /// Runs the real alembic in the project; its output, or the failure.
    QString alembic(const QStringList& arguments, bool* ok = nullptr) const
    {
        return alembic::run(m_project, arguments, ok);
    }

    /// The project as Strata reads it (AlembicSteps): one step per revision, layout "alembic", parents
    /// before children, numbered by generation (3f2a 1.1, 8d4e 2.1, c71f 2.2, e9b3 3.1, 5b0c 4.1).
    MigrationSet set() const
    {
        MigrationSet set;
        set.root = m_project;
        if (auto filled = AlembicSteps::fill(set); !filled)
            qWarning("%s", qPrintable(filled.error().toText()));
        return set;
    }

    /// The step of revision `id`.
    static MigrationStep step(const MigrationSet& set, const QString& id)
    {
        for (const auto& s : set.steps)
            if (s.toolVersion == id)
                return s;
        return {};
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ScratchPostgres> m_postgres;
    QString m_project;
};

/// A plan of `steps` (Up: in order; Down: as given, newest first).
MigrationPlan planOf(const QList<MigrationStep>& steps, MigrationPlan::Direction direction, Dialect dialect)
{
    MigrationPlan plan;
    plan.direction = direction;
    plan.dialect = dialect;
    plan.steps = steps;
    plan.tracked = true;
    plan.targetVersion =
        direction == MigrationPlan::Direction::Up ? steps.last().version : steps.last().version - 1;
    return plan;
}

/// Hears the run: each line Alembic printed, and each failure.
class Listener : public MigrationObserver
{
public:
    void stepOutput(const MigrationStep& step, const QString& line) override
    {
        output << step.toolVersion + QStringLiteral(": ") + line;
    }
    QStringList output;
};

QStringList tablesOf(Database& db)
{
    auto tables = db.userTables();
    QStringList names = tables ? *tables : QStringList{tables.error().what};
    names.sort();
    return names;
}

} // namespace

Q_DECLARE_METATYPE(Engine)

class TestAlembicRunner : public QObject
{
    Q_OBJECT

    /// Debian's Alembic must be here; without it the tests skip on a workstation and fail under CI.
private Q_SLOTS:
    void initTestCase() { qputenv(AlembicPython::kVariable, QByteArray()); }

    void engines_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void appliesTheRestAndTakesItBack_data() { engines_data(); }
    void appliesTheRestAndTakesItBack()
    {
        QFETCH(Engine, engine);
        STRATA_REQUIRE_ALEMBIC();
        AlembicFixture fixture(engine);
        if (fixture.postgresMissing())
            QFAIL(qPrintable(fixture.postgresError()));
        bool ok = false;
        // The team's own Alembic applied two revisions: the base and one side of the branch.
        QVERIFY2((fixture.alembic({QStringLiteral("upgrade"), QStringLiteral("8d4e6b2a9c13")}, &ok), ok),
                 qPrintable(fixture.alembic({QStringLiteral("current")})));
        auto db = MigrationHarness::open(fixture.url());
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toText()));
        const MigrationSet set = fixture.set();

        // Strata applies the other side of the branch, the merge and the revision on top, one by one.
        Listener listener;
        MigrationRunner runner(**db, set, RunIdentity::current(), &listener);
        const MigrationPlan up = planOf(set.steps.mid(2), MigrationPlan::Direction::Up, (*db)->dialect());
        auto applied = runner.apply(up);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toText()));
        QCOMPARE(applied->steps, qsizetype(3));
        QCOMPARE(fixture.alembic({QStringLiteral("current")}), QStringLiteral("5b0c8e2f9d77 (head)"));
        QCOMPARE(MigrationHarness::stepStatuses(**db),
                 (QStringList{QStringLiteral("2.2=applied"), QStringLiteral("3.1=applied"),
                              QStringLiteral("4.1=applied")}));
        QCOMPARE(tablesOf(**db).filter(QRegularExpression(QStringLiteral("^(?!schema_version)"))),
                 (QStringList{QStringLiteral("alembic_version"), QStringLiteral("fills"),
                              QStringLiteral("instruments"), QStringLiteral("orders"),
                              QStringLiteral("positions")}));
        // Alembic's own lines reach the run's observer, revision by revision.
        QVERIFY2(
            listener.output.contains(QStringLiteral("e9b3d7f1a655: INFO  [alembic.runtime.migration] Running "
                                                    "upgrade 8d4e6b2a9c13, c71f0a5d2e44 -> e9b3d7f1a655, "
                                                    "merge orders and positions")),
            qPrintable(listener.output.join(QLatin1Char('\n'))));

        // Taken back newest first: the revision on top, the merge (both branches become heads again), then
        // one branch while the other stays.
        QList<MigrationStep> down{set.steps.at(4), set.steps.at(3), set.steps.at(2)};
        auto rolledBack = runner.rollback(planOf(down, MigrationPlan::Direction::Down, (*db)->dialect()));
        QVERIFY2(rolledBack, qPrintable(rolledBack ? QString() : rolledBack.error().toText()));
        QCOMPARE(fixture.alembic({QStringLiteral("current")}), QStringLiteral("8d4e6b2a9c13"));
        QVERIFY(!tablesOf(**db).contains(QStringLiteral("positions")));
        QVERIFY(tablesOf(**db).contains(QStringLiteral("orders")));
        QVERIFY(listener.output.contains(QStringLiteral(
            "e9b3d7f1a655: INFO  [alembic.runtime.migration] Running downgrade e9b3d7f1a655 -> "
            "8d4e6b2a9c13, c71f0a5d2e44, merge orders and positions")));

        // The team's Alembic carries on from there: upgrade to head, history, downgrade -1.
        QVERIFY2((fixture.alembic({QStringLiteral("upgrade"), QStringLiteral("head")}, &ok), ok),
                 qPrintable(fixture.alembic({QStringLiteral("upgrade"), QStringLiteral("head")})));
        QVERIFY(fixture.alembic({QStringLiteral("history")}).contains(QLatin1String("(mergepoint)")));
        QVERIFY2((fixture.alembic({QStringLiteral("downgrade"), QStringLiteral("-1")}, &ok), ok),
                 qPrintable(fixture.alembic({QStringLiteral("current")})));
        QCOMPARE(fixture.alembic({QStringLiteral("current")}), QStringLiteral("e9b3d7f1a655 (mergepoint)"));
    }

    void failingRevisionLeavesTheDatabaseAsBefore_data() { engines_data(); }
    void failingRevisionLeavesTheDatabaseAsBefore()
    {
        QFETCH(Engine, engine);
        STRATA_REQUIRE_ALEMBIC();
        AlembicFixture fixture(engine);
        if (fixture.postgresMissing())
            QFAIL(qPrintable(fixture.postgresError()));
        bool ok = false;
        QVERIFY2((fixture.alembic({QStringLiteral("upgrade"), QStringLiteral("head")}, &ok), ok),
                 qPrintable(fixture.alembic({QStringLiteral("upgrade"), QStringLiteral("head")})));
        QFile broken(QDir(fixture.project())
                         .filePath(QStringLiteral("migrations/versions/0d6c4a9e1f88_add_risk_limits.py")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(kBroken);
        broken.close();
        auto db = MigrationHarness::open(fixture.url());
        QVERIFY(db);
        const QStringList schemaBefore = MigrationHarness::schemaWithoutHistory(**db);

        const MigrationSet set = fixture.set();
        const MigrationStep step = AlembicFixture::step(set, QStringLiteral("0d6c4a9e1f88"));
        QCOMPARE(step.slot(), QStringLiteral("5.1"));
        Listener listener;
        MigrationRunner runner(**db, set, RunIdentity::current(), &listener);
        auto applied = runner.apply(planOf({step}, MigrationPlan::Direction::Up, (*db)->dialect()));
        QVERIFY(!applied);
        const Error error = applied.error();
        QCOMPARE(error.code, ExitCode::Failed);
        // Alembic's own error, the statement at fault, and what is left.
        QVERIFY2(error.what.contains(QLatin1String("risk_limitz")), qPrintable(error.toText()));
        QVERIFY2(error.what.contains(QLatin1String("0d6c4a9e1f88")), qPrintable(error.toText()));
        QVERIFY2(error.unchanged.contains(QLatin1String("rolled back")), qPrintable(error.toText()));
        QVERIFY2(error.next.contains(step.forwardPath), qPrintable(error.toText()));
        // The revision's table and row were rolled back with it; alembic_version did not move.
        QCOMPARE(MigrationHarness::schemaWithoutHistory(**db), schemaBefore);
        QCOMPARE(fixture.alembic({QStringLiteral("current")}), QStringLiteral("5b0c8e2f9d77"));
        QCOMPARE(MigrationHarness::stepStatuses(**db), QStringList{QStringLiteral("5.1=failed")});
        QVERIFY(listener.output.join(QLatin1Char('\n')).contains(QLatin1String("risk_limitz")));
    }

    void refusesARevisionWhoseParentsAreNotApplied_data() { engines_data(); }
    void refusesARevisionWhoseParentsAreNotApplied()
    {
        QFETCH(Engine, engine);
        STRATA_REQUIRE_ALEMBIC();
        AlembicFixture fixture(engine);
        if (fixture.postgresMissing())
            QFAIL(qPrintable(fixture.postgresError()));
        bool ok = false;
        QVERIFY((fixture.alembic({QStringLiteral("upgrade"), QStringLiteral("8d4e6b2a9c13")}, &ok), ok));
        auto db = MigrationHarness::open(fixture.url());
        QVERIFY(db);
        const MigrationSet set = fixture.set();
        MigrationRunner runner(**db, set, RunIdentity::current());
        // The merge before the other side of the branch: Alembic would apply both; Strata runs one at a time.
        auto applied =
            runner.apply(planOf({set.steps.at(3)}, MigrationPlan::Direction::Up, (*db)->dialect()));
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, ExitCode::Failed);
        QVERIFY2(applied.error().what.contains(QLatin1String("stands on c71f0a5d2e44, which is not applied")),
                 qPrintable(applied.error().toText()));
        QCOMPARE(fixture.alembic({QStringLiteral("current")}), QStringLiteral("8d4e6b2a9c13"));
        QVERIFY(!tablesOf(**db).contains(QStringLiteral("positions")));
    }

    void dependsOnIsHonoured()
    {
        // A second branch (its own label, no down revision) that depends_on the first branch's base:
        // Alembic applies it only after that base, and takes it back alone.
        STRATA_REQUIRE_ALEMBIC();
        AlembicFixture fixture(Engine::Sqlite);
        const QDir versions(QDir(fixture.project()).filePath(QStringLiteral("migrations/versions")));
        for (const QString& file : versions.entryList({QStringLiteral("*.py")}, QDir::Files))
            QVERIFY(QFile::remove(versions.filePath(file)));
        auto revision = [&](const char* id, const char* down, const char* labels, const char* depends) {
            QFile file(versions.filePath(QStringLiteral("%1_t.py").arg(QLatin1String(id))));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral(
                           "\"\"\"%1\n\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\n"
                           "revision = '%1'\ndown_revision = %2\nbranch_labels = %3\ndepends_on = %4\n\n\n"
                           "def upgrade():\n    op.create_table('t_%1', sa.Column('id', sa.Integer(), "
                           "primary_key=True))\n\n\ndef downgrade():\n    op.drop_table('t_%1')\n")
                           .arg(QLatin1String(id), QLatin1String(down), QLatin1String(labels),
                                QLatin1String(depends))
                           .toUtf8());
        };
        revision("a1000000base", "None", "None", "None");
        revision("b2000000audt", "None", "('audit',)", "'a1000000base'");
        revision("c3000000more", "'b2000000audt'", "None", "None");
        auto db = MigrationHarness::open(fixture.url());
        QVERIFY(db);
        const MigrationSet set = fixture.set();
        QCOMPARE(set.steps.size(), 3);
        MigrationRunner runner(**db, set, RunIdentity::current());
        const MigrationStep audit = AlembicFixture::step(set, QStringLiteral("b2000000audt"));
        // The dependent branch before what it depends on: refused, nothing run.
        auto early = runner.apply(planOf({audit}, MigrationPlan::Direction::Up, (*db)->dialect()));
        QVERIFY(!early);
        QVERIFY2(early.error().what.contains(QLatin1String("stands on a1000000base, which is not applied")),
                 qPrintable(early.error().toText()));
        auto applied = runner.apply(planOf(set.steps, MigrationPlan::Direction::Up, (*db)->dialect()));
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toText()));
        QCOMPARE(fixture.alembic({QStringLiteral("heads")}),
                 QStringLiteral("c3000000more (audit) (head)\na1000000base (effective head)"));
        QVERIFY(fixture.alembic({QStringLiteral("current")}).contains(QLatin1String("c3000000more")));
        // Taking back the dependent branch leaves the base it depended on.
        auto back = runner.rollback(
            planOf({set.steps.at(2), set.steps.at(1)}, MigrationPlan::Direction::Down, (*db)->dialect()));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().toText()));
        QCOMPARE(fixture.alembic({QStringLiteral("current")}),
                 QStringLiteral("a1000000base (effective head)"));
        QCOMPARE(tablesOf(**db).filter(QRegularExpression(QStringLiteral("^t_"))),
                 QStringList{QStringLiteral("t_a1000000base")});
    }

    void missingAlembicSaysHowToGetIt()
    {
        AlembicFixture fixture(Engine::Sqlite);
        auto db = MigrationHarness::open(fixture.url());
        QVERIFY(db);
        const MigrationSet set = fixture.set();
        qputenv(AlembicPython::kVariable, "/nonexistent/venv/bin/alembic");
        MigrationRunner runner(**db, set, RunIdentity::current());
        auto applied =
            runner.apply(planOf({set.steps.first()}, MigrationPlan::Direction::Up, (*db)->dialect()));
        qputenv(AlembicPython::kVariable, QByteArray());
        QVERIFY(!applied);
        const QString text = applied.error().toText();
        QCOMPARE(applied.error().code, ExitCode::BadInput);
        QVERIFY2(text.contains(QLatin1String("STRATA_ALEMBIC names /nonexistent/venv/bin/alembic, which does "
                                             "not exist")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("alembic on PATH")), qPrintable(text));
        QCOMPARE(tablesOf(**db).filter(QRegularExpression(QStringLiteral("^(?!schema_version)"))),
                 QStringList{});
    }

    void virtualenvWithoutAlembicSaysHowToGetIt()
    {
        // The project's own virtualenv (.venv beside alembic.ini, made as `python3 -m venv` makes one: the
        // interpreter and a pyvenv.cfg that leaves the system's packages out) has no Alembic installed.
        AlembicFixture fixture(Engine::Sqlite);
        const QString venv = QDir(fixture.project()).filePath(QStringLiteral(".venv"));
        QVERIFY(QDir().mkpath(venv + QStringLiteral("/bin")));
        QVERIFY(QFile::link(QStringLiteral("/usr/bin/python3"), venv + QStringLiteral("/bin/python")));
        QFile cfg(venv + QStringLiteral("/pyvenv.cfg"));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write("home = /usr/bin\ninclude-system-site-packages = false\n");
        cfg.close();
        auto found = AlembicPython::find(fixture.project(), Dialect::Postgres);
        QVERIFY(!found);
        const QString text = found.error().toText();
        QVERIFY2(text.contains(venv + QStringLiteral("/bin/python (found by the project's virtualenv)")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("No module named 'alembic'")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("apt install alembic python3-psycopg2")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("pip install alembic psycopg2")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("STRATA_ALEMBIC")), qPrintable(text));
    }

    void envThatConnectsElsewhereIsStopped()
    {
        STRATA_REQUIRE_ALEMBIC();
        AlembicFixture fixture(Engine::Sqlite);
        // env.py reads its own URL instead of sqlalchemy.url: it would migrate a database Strata did not
        // back up.
        QFile env(QDir(fixture.project()).filePath(QStringLiteral("migrations/env.py")));
        QVERIFY(env.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(env.readAll());
        env.close();
        const QString other = QDir(fixture.project()).filePath(QStringLiteral("elsewhere.db"));
        text.replace(QStringLiteral("config.get_section(config.config_ini_section)"),
                     QStringLiteral("{\"sqlalchemy.url\": \"sqlite:///%1\"}").arg(other));
        QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
        env.write(text.toUtf8());
        env.close();
        auto db = MigrationHarness::open(fixture.url());
        QVERIFY(db);
        const MigrationSet set = fixture.set();
        MigrationRunner runner(**db, set, RunIdentity::current());
        auto applied =
            runner.apply(planOf({set.steps.first()}, MigrationPlan::Direction::Up, (*db)->dialect()));
        QVERIFY(!applied);
        QVERIFY2(applied.error().what.contains(QLatin1String("not to the database Strata runs on")),
                 qPrintable(applied.error().toText()));
        QVERIFY(!QFileInfo::exists(other) || QFileInfo(other).size() == 0);
        QVERIFY(!tablesOf(**db).contains(QStringLiteral("instruments")));
    }
};

QTEST_GUILESS_MAIN(TestAlembicRunner)
#include "tst_alembic_runner.moc"
