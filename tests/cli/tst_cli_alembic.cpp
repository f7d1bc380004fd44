// strata-cli on an Alembic project with the real Alembic (Debian's python3-alembic and psycopg2), on SQLite
// and PostgreSQL: the team's Alembic applied two of five revisions (a base and one side of a branch);
// status shows them as Alembic's, migrate refuses (exit 5) until adopt, adopt then migrate applies only the
// rest through Alembic (the other branch, the merge, the revision on top), and the real `alembic current`,
// `history` and `downgrade -1` agree afterwards. A revision with a bad statement fails with Alembic's error,
// leaves the database as it was and is recorded as failed, Alembic's output in the run log; Alembic missing
// stops the run in its pre-flight, before the backup, saying how to get it.

#include <QtTest>

#include "AlembicTestKit.h"
#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

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

const char* kSlow = R"PY("""rebuild position snapshots

Revision ID: 7a1e5c3b9d20
Revises: 5b0c8e2f9d77
Create Date: 2026-11-06 16:40:51.550917

"""
import time

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7a1e5c3b9d20'
down_revision = '5b0c8e2f9d77'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('position_snapshots', sa.Column('id', sa.Integer(), primary_key=True))
    time.sleep(120)


def downgrade() -> None:
    op.drop_table('position_snapshots')
)PY";

/// Whether a process of this machine runs with `text` on its command line.
bool processRunsWith(const QString& text)
{
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(text.toUtf8()))
            return true;
    }
    return false;
}

/// The fixture project (tests/support/alembic-project) copied for one test, its alembic.ini pointing at
/// `url` for the real alembic (no password: libpq reads PGPASSWORD, which the test server's env sets).
class Project
{
public:
    explicit Project(const QString& url)
    {
        alembic::copyProject(QStringLiteral(STRATA_SOURCE_DIR "/tests/support/alembic-project"), path());
        alembic::pointAt(path(), alembic::sqlalchemyUrl(url));
    }

    QString path() const { return m_dir.filePath(QStringLiteral("project")); }

    /// Runs the real alembic in the project: its stdout, or why it failed.
    QString alembic(const QStringList& arguments, bool* ok = nullptr) const
    {
        return alembic::run(path(), arguments, ok);
    }

    void add(const QString& name, const QByteArray& text) const
    {
        QFile file(QDir(path()).filePath(QStringLiteral("migrations/versions/") + name));
        file.open(QIODevice::WriteOnly);
        file.write(text);
    }

private:
    QTemporaryDir m_dir;
};

QStringList nonHistoryTables(Database& db)
{
    QStringList tables = userTables(db).filter(QRegularExpression(QStringLiteral("^(?!schema_version)")));
    tables.sort();
    return tables;
}

} // namespace

class TestCliAlembic : public QObject
{
    Q_OBJECT

    QTemporaryDir m_backups;

    static void engines()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

private Q_SLOTS:
    void initTestCase()
    {
        keepBackupsInside(m_backups);
        qunsetenv("STRATA_ALEMBIC");
    }

    void adoptThenMigrateTheRest_data() { engines(); }
    void adoptThenMigrateTheRest()
    {
        QFETCH(Engine, engine);
        STRATA_REQUIRE_ALEMBIC();
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        Project project(db.url());
        bool ok = false;
        const QString upgraded =
            project.alembic({QStringLiteral("upgrade"), QStringLiteral("8d4e6b2a9c13")}, &ok);
        QVERIFY2(ok, qPrintable(upgraded));

        // status: the two revisions Alembic applied, as Alembic's.
        const auto status = CliProcess::run(cliArgs(db.url(), project.path(), {QStringLiteral("status")}));
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        // alembic_version holds where the database is (its head), not a count of migrations.
        QVERIFY2(
            status.out.contains(QLatin1String("managed by Alembic: at 8d4e6b2a9c13 [table alembic_version]")),
            qPrintable(describe(status)));
        QVERIFY2(!status.out.contains(QLatin1String("1 migration applied")), qPrintable(describe(status)));
        const auto statusJson = CliProcess::run(
            cliArgs(db.url(), project.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        QVERIFY2(statusJson.exitCode == 0, qPrintable(describe(statusJson)));
        const QJsonArray tools = statusJson.json().value(QStringLiteral("other_tools")).toArray();
        QCOMPARE(tools.size(), 1);
        QCOMPARE(tools.at(0).toObject().value(QStringLiteral("tool")).toString(), QStringLiteral("Alembic"));
        QCOMPARE(tools.at(0).toObject().value(QStringLiteral("applied")).toInt(), 2);

        // migrate refuses until the database is adopted, and changes nothing.
        const QStringList before = stateOf(db.url());
        const auto refused = CliProcess::run(
            cliArgs(db.url(), project.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(refused.exitCode == 5, qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains(QLatin1String("strata-cli adopt")), qPrintable(describe(refused)));
        QCOMPARE(stateOf(db.url()), before);

        const auto adopt = CliProcess::run(
            cliArgs(db.url(), project.path(), {QStringLiteral("adopt"), QStringLiteral("--yes")}));
        QVERIFY2(adopt.exitCode == 0, qPrintable(describe(adopt)));

        // migrate applies only the rest, each revision by the project's own Alembic.
        const auto migrate = CliProcess::run(
            cliArgs(db.url(), project.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrate.exitCode == 0, qPrintable(describe(migrate)));
        auto after = openDatabase(db.url());
        QVERIFY(after);
        const QStringList steps = stepStatuses(*after);
        QVERIFY2(steps.contains(QStringLiteral("2.2=applied")) &&
                     steps.contains(QStringLiteral("3.1=applied")) &&
                     steps.contains(QStringLiteral("4.1=applied")),
                 qPrintable(steps.join(QLatin1Char(' '))));
        QVERIFY2(!steps.contains(QStringLiteral("1.1=applied")) &&
                     !steps.contains(QStringLiteral("2.1=applied")),
                 qPrintable(steps.join(QLatin1Char(' '))));
        QCOMPARE(nonHistoryTables(*after),
                 (QStringList{QStringLiteral("alembic_version"), QStringLiteral("fills"),
                              QStringLiteral("instruments"), QStringLiteral("orders"),
                              QStringLiteral("positions")}));
        after.reset();

        // The team's Alembic agrees, and keeps working.
        QCOMPARE(project.alembic({QStringLiteral("current")}), QStringLiteral("5b0c8e2f9d77 (head)"));
        QVERIFY(project.alembic({QStringLiteral("history")}).contains(QLatin1String("(mergepoint)")));
        const QString downgraded = project.alembic({QStringLiteral("downgrade"), QStringLiteral("-1")}, &ok);
        QVERIFY2(ok, qPrintable(downgraded));
        QCOMPARE(project.alembic({QStringLiteral("current")}), QStringLiteral("e9b3d7f1a655 (mergepoint)"));
    }

    void migrateAndRollBackWithAlembic_data() { engines(); }
    void migrateAndRollBackWithAlembic()
    {
        // A new database: Strata runs every revision through Alembic, then takes them back to v1.
        QFETCH(Engine, engine);
        STRATA_REQUIRE_ALEMBIC();
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        Project project(db.url());
        const auto migrate = CliProcess::run(
            cliArgs(db.url(), project.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrate.exitCode == 0, qPrintable(describe(migrate)));
        QVERIFY2(migrate.out.contains(QLatin1String("[ok]      alembic: Alembic ")) ||
                     migrate.err.contains(QLatin1String("[ok]      alembic: Alembic ")),
                 qPrintable(describe(migrate)));
        QCOMPARE(project.alembic({QStringLiteral("current")}), QStringLiteral("5b0c8e2f9d77 (head)"));

        const auto rollback = CliProcess::run(cliArgs(db.url(), project.path(),
                                                      {QStringLiteral("rollback"), QStringLiteral("--to"),
                                                       QStringLiteral("1"), QStringLiteral("--yes")}));
        QVERIFY2(rollback.exitCode == 0, qPrintable(describe(rollback)));
        QCOMPARE(project.alembic({QStringLiteral("current")}), QStringLiteral("3f2a9c1e7b01 (branchpoint)"));
        auto after = openDatabase(db.url());
        QVERIFY(after);
        QCOMPARE(nonHistoryTables(*after),
                 (QStringList{QStringLiteral("alembic_version"), QStringLiteral("instruments")}));
        const QStringList steps = stepStatuses(*after);
        QVERIFY2(steps.contains(QStringLiteral("1.1=applied")) &&
                     steps.contains(QStringLiteral("2.2=rolled_back")) &&
                     steps.contains(QStringLiteral("4.1=rolled_back")),
                 qPrintable(steps.join(QLatin1Char(' '))));
        after.reset();
        // The team's Alembic takes it from there.
        bool ok = false;
        const QString upgraded = project.alembic({QStringLiteral("upgrade"), QStringLiteral("head")}, &ok);
        QVERIFY2(ok, qPrintable(upgraded));
        QCOMPARE(project.alembic({QStringLiteral("current")}), QStringLiteral("5b0c8e2f9d77 (head)"));
    }

    void failingRevision_data() { engines(); }
    void failingRevision()
    {
        QFETCH(Engine, engine);
        STRATA_REQUIRE_ALEMBIC();
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        Project project(db.url());
        const auto first = CliProcess::run(
            cliArgs(db.url(), project.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        project.add(QStringLiteral("0d6c4a9e1f88_add_risk_limits.py"), kBroken);
        auto before = openDatabase(db.url());
        QVERIFY(before);
        const QStringList tablesBefore = nonHistoryTables(*before);
        before.reset();

        const auto migrate = CliProcess::run(
            cliArgs(db.url(), project.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrate.exitCode == 1, qPrintable(describe(migrate)));
        QVERIFY2(migrate.err.contains(QLatin1String("risk_limitz")), qPrintable(describe(migrate)));
        QVERIFY2(migrate.err.contains(QLatin1String("was rolled back")), qPrintable(describe(migrate)));
        // The phased run offers the backup it took before the revision.
        QVERIFY2(migrate.err.contains(QLatin1String("restore the backup taken at")),
                 qPrintable(describe(migrate)));
        auto after = openDatabase(db.url());
        QVERIFY(after);
        QCOMPARE(nonHistoryTables(*after), tablesBefore);
        QVERIFY2(stepStatuses(*after).contains(QStringLiteral("5.1=failed")),
                 qPrintable(stepStatuses(*after).join(QLatin1Char(' '))));
        after.reset();
        QCOMPARE(project.alembic({QStringLiteral("current")}), QStringLiteral("5b0c8e2f9d77"));

        // The run log beside the backups keeps Alembic's own lines for the revision.
        const QRegularExpression logLine(QStringLiteral("The run log is (\\S+\\.json)"));
        const auto match = logLine.match(migrate.err + migrate.out);
        QVERIFY2(match.hasMatch(), qPrintable(describe(migrate)));
        const QJsonObject log = QJsonDocument::fromJson(fileBytes(match.captured(1))).object();
        const QJsonArray output =
            log.value(QStringLiteral("step_output")).toObject().value(QStringLiteral("5.1")).toArray();
        QStringList lines;
        for (const auto& line : output)
            lines << line.toString();
        QVERIFY2(lines.join(QLatin1Char('\n'))
                     .contains(QLatin1String("Running upgrade 5b0c8e2f9d77 -> 0d6c4a9e1f88")),
                 qPrintable(lines.join(QLatin1Char('\n'))));

        // With --restore-on-failure the run restores that backup itself, and Alembic's record agrees.
        const auto restoring = CliProcess::run(cliArgs(
            db.url(), project.path(),
            {QStringLiteral("migrate"), QStringLiteral("--yes"), QStringLiteral("--restore-on-failure")}));
        QVERIFY2(restoring.exitCode == 1, qPrintable(describe(restoring)));
        QVERIFY2(restoring.err.contains(QLatin1String("was restored")), qPrintable(describe(restoring)));
        QCOMPARE(project.alembic({QStringLiteral("current")}), QStringLiteral("5b0c8e2f9d77"));
        auto restored = openDatabase(db.url());
        QVERIFY(restored);
        QCOMPARE(nonHistoryTables(*restored), tablesBefore);
    }

    void killedDuringARevision_data() { engines(); }
    void killedDuringARevision()
    {
        // strata-cli killed while Alembic runs a revision: Alembic dies with it, its transaction rolls back,
        // and the step stays recorded as started (dirty) for the operator to settle.
        QFETCH(Engine, engine);
        STRATA_REQUIRE_ALEMBIC();
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        Project project(db.url());
        const auto first = CliProcess::run(
            cliArgs(db.url(), project.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        project.add(QStringLiteral("7a1e5c3b9d20_rebuild_position_snapshots.py"), kSlow);

        auto run = CliProcess::start(
            cliArgs(db.url(), project.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY(run->waitForStarted(30000));
        const QString ini = QDir(project.path()).filePath(QStringLiteral("alembic.ini"));
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired() && run->state() == QProcess::Running) {
            const auto steps = recordedSteps(db.url(), project.path());
            if (steps && steps->contains(QStringLiteral("5.1=started")) && processRunsWith(ini))
                break;
            QThread::msleep(50);
        }
        QVERIFY2(run->state() == QProcess::Running,
                 qPrintable(QString::fromUtf8(run->readAllStandardError())));
        QThread::msleep(2000); // the revision's table is created; Alembic sleeps inside its transaction
        run->kill();
        QVERIFY(run->waitForFinished(30000));
        QDeadlineTimer gone(30000);
        while (!gone.hasExpired() && processRunsWith(ini))
            QThread::msleep(50);
        QVERIFY2(!processRunsWith(ini), "Alembic outlived the killed strata-cli");
        if (engine == Engine::Postgres) {
            auto watcher = openDatabase(db.url());
            QVERIFY(watcher);
            QVERIFY(waitForOtherSessionsToEnd(*watcher));
        }

        QCOMPARE(project.alembic({QStringLiteral("current")}), QStringLiteral("5b0c8e2f9d77"));
        auto after = openDatabase(db.url());
        QVERIFY(after);
        QVERIFY(!userTables(*after).contains(QStringLiteral("position_snapshots")));
        QVERIFY2(stepStatuses(*after).contains(QStringLiteral("5.1=started")),
                 qPrintable(stepStatuses(*after).join(QLatin1Char(' '))));
        after.reset();
        const auto status = CliProcess::run(cliArgs(db.url(), project.path(), {QStringLiteral("status")}));
        QVERIFY2(status.out.contains(QLatin1String("5.1")) && status.out.contains(QLatin1String("dirty")),
                 qPrintable(describe(status)));
    }

    void scriptFolderAsTheSet()
    {
        // --migrations at the script folder (env.py, versions/): the alembic.ini above it whose
        // script_location is that folder is the project's, and the team's alembic agrees afterwards.
        STRATA_REQUIRE_ALEMBIC();
        TestDatabase db(Engine::Sqlite, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        Project project(db.url());
        const QString scripts = QDir(project.path()).filePath(QStringLiteral("migrations"));
        const auto migrate =
            CliProcess::run(cliArgs(db.url(), scripts, {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrate.exitCode == 0, qPrintable(describe(migrate)));
        QCOMPARE(project.alembic({QStringLiteral("current")}), QStringLiteral("5b0c8e2f9d77 (head)"));

        // An alembic.ini above that names another script folder is not this project's: Alembic is given
        // the script folder itself, and the other project's env.py never runs.
        TestDatabase other(Engine::Sqlite, Content::Empty);
        STRATA_REQUIRE_DATABASE(other);
        Project monorepo(other.url());
        const QString moved = QDir(monorepo.path()).filePath(QStringLiteral("risk/migrations"));
        QVERIFY(QDir().mkpath(QFileInfo(moved).path()));
        QVERIFY(QDir().rename(QDir(monorepo.path()).filePath(QStringLiteral("migrations")), moved));
        QFile unrelated(QDir(monorepo.path()).filePath(QStringLiteral("risk/alembic.ini")));
        QVERIFY(unrelated.open(QIODevice::WriteOnly));
        unrelated.write("[alembic]\nscript_location = %(here)s/does-not-exist\n");
        unrelated.close();
        const auto second = CliProcess::run(
            cliArgs(other.url(), moved, {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
        auto after = openDatabase(other.url());
        QVERIFY(after);
        QVERIFY(nonHistoryTables(*after).contains(QStringLiteral("fills")));
    }

    void alembicMissing()
    {
        TestDatabase db(Engine::Sqlite, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        Project project(db.url());
        QProcessEnvironment environment = CliProcess::defaultEnvironment();
        environment.insert(QStringLiteral("STRATA_ALEMBIC"), QStringLiteral("/nonexistent/venv/bin/alembic"));
        const auto migrate = CliProcess::run(
            cliArgs(db.url(), project.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}),
            environment);
        QCOMPARE(migrate.exitCode, 2);
        QVERIFY2(migrate.err.contains(
                     QLatin1String("STRATA_ALEMBIC names /nonexistent/venv/bin/alembic, which does "
                                   "not exist")),
                 qPrintable(describe(migrate)));
        QVERIFY2(migrate.err.contains(QLatin1String("the migration did not start")),
                 qPrintable(describe(migrate)));
        // Nothing of the database changed (no history tables, no revision).
        auto after = openDatabase(db.url());
        QVERIFY(after);
        QVERIFY2(nonHistoryTables(*after).isEmpty(),
                 qPrintable(nonHistoryTables(*after).join(QLatin1Char(' '))));
        QVERIFY(stepStatuses(*after).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliAlembic)
#include "tst_cli_alembic.moc"
