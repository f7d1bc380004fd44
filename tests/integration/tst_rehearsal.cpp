// The rehearsal's core API as the wizard uses it (Rehearsal, RehearsalJob), on real SQLite files and the
// test PostgreSQL with the real pg_dump/pg_restore: a cancel during the up pass stops between steps, says so,
// and removes the copy; the backup the copy was made from is never changed; the job plans, backs up,
// rehearses and reports progress stage by stage, and leaves the live database as it was.

#include <atomic>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "backup/BackupEngine.h"
#include "connection/DatabaseOpener.h"
#include "jobs/RehearsalJob.h"
#include "migrations/MigrationPlanner.h"
#include "rehearsal/Rehearsal.h"

using namespace strata;
using namespace strata::test;

namespace {

/// Three steps, the second of which takes a while on 200,000 rows: a cancel asked during it stops the run
/// before the third.
void writeSet(SetBuilder& set)
{
    set.file(QStringLiteral("001_ticks/01_ticks.sql"),
             "CREATE TABLE ticks (id INTEGER PRIMARY KEY, price INTEGER NOT NULL, venue TEXT NOT NULL);\n")
        .file(QStringLiteral("002_speed/01_venue.sql"), "CREATE INDEX idx_ticks_venue ON ticks (venue);\n")
        .file(QStringLiteral("002_speed/01_venue.down.sql"), "DROP INDEX idx_ticks_venue;\n")
        .file(QStringLiteral("002_speed/02_price.sql"),
              "CREATE INDEX idx_ticks_price ON ticks (price, venue);\n")
        .file(QStringLiteral("002_speed/02_price.down.sql"), "DROP INDEX idx_ticks_price;\n")
        .file(QStringLiteral("002_speed/03_id.sql"), "CREATE INDEX idx_ticks_id ON ticks (id, price);\n")
        .file(QStringLiteral("002_speed/03_id.down.sql"), "DROP INDEX idx_ticks_id;\n");
}

QString fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unreadable");
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

struct Live
{
    std::unique_ptr<ScratchSqlite> sqlite;
    std::unique_ptr<ScratchPostgres> postgres;
    std::unique_ptr<Database> db;
    QString error;

    explicit Live(bool usePostgres)
    {
        if (usePostgres) {
            postgres = std::make_unique<ScratchPostgres>();
            if (!postgres->ok()) {
                error = postgres->error();
                return;
            }
        } else {
            sqlite = std::make_unique<ScratchSqlite>();
        }
        auto url = ConnectionUrl::parse(usePostgres ? postgres->url() : sqlite->url());
        auto opened = DatabaseOpener::open(*url);
        if (!opened) {
            error = opened.error().toText();
            return;
        }
        db = std::move(opened).value();
    }
};

/// Applies version 1 and fills it; returns the plan up to version 2 (nothing is applied of it).
Result<MigrationPlan> prepare(Database& db, const MigrationSet& set)
{
    if (auto applied = MigrationHarness::migrate(db, set, 1); !applied)
        return applied.error();
    const QString fill =
        db.dialect() == Dialect::Sqlite
            ? QStringLiteral(
                  "INSERT INTO ticks WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                  "WHERE i < 200000) SELECT i, i % 997, 'XCME' || (i % 13) FROM n")
            : QStringLiteral("INSERT INTO ticks SELECT i, i % 997, 'XCME' || (i % 13) FROM "
                             "generate_series(1, 200000) AS i");
    if (auto filled = db.execute(fill); !filled)
        return filled.error();
    return MigrationHarness::planUp(db, set);
}

/// The rehearsal copies of the database `name` on the test server.
QStringList rehearsalDatabases(const QString& name)
{
    auto server = ConnectionUrl::parse(postgresServerUrl());
    if (!server)
        return {QStringLiteral("ERROR")};
    auto db = DatabaseOpener::open(*server);
    if (!db)
        return {QStringLiteral("ERROR")};
    auto rows = (*db)->query(QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE ? || "
                                            "'\\_strata\\_rehearsal\\_%'"),
                             {QString(name).replace(QLatin1Char('_'), QLatin1String("\\_"))});
    QStringList names;
    for (const auto& row : rows->rows)
        names << row.value(0).toString();
    return names;
}

QStringList tablesAndIndexes(Database& db)
{
    auto catalog = db.catalog();
    if (!catalog)
        return {QStringLiteral("ERROR ") + catalog.error().what};
    QStringList out;
    for (const auto& row : catalog->rows)
        out << row.value(0).toString() + QLatin1Char(' ') + row.value(1).toString();
    return out;
}

} // namespace

class TestRehearsal : public QObject
{
    Q_OBJECT

    static void engines()
    {
        QTest::addColumn<bool>("postgres");
        QTest::newRow("sqlite") << false;
        QTest::newRow("postgresql") << true;
    }

private Q_SLOTS:
    void cancelStopsBetweenStepsAndRemovesTheCopy_data() { engines(); }

    void cancelStopsBetweenStepsAndRemovesTheCopy()
    {
        QFETCH(bool, postgres);
        Live live(postgres);
        if (!live.error.isEmpty())
            QFAIL(qPrintable(live.error));
        SetBuilder folder;
        writeSet(folder);
        auto set = MigrationHarness::load(folder.path());
        QVERIFY(set);
        auto plan = prepare(*live.db, *set);
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().toText()));
        QCOMPARE(plan->steps.size(), 3);

        // A verified backup, as phase 0 leaves it.
        QTemporaryDir backups;
        auto engine = BackupEngine::forDatabase(*live.db);
        const QString backup = backups.filePath(QStringLiteral("before") + engine->fileSuffix());
        QVERIFY(engine->write(backup, {}).ok());
        for (const auto& check : engine->check(backup, IntegrityMode::Full, {}))
            QVERIFY2(check.ok(), qPrintable(check.detail));
        const QString backupHash = postgres ? QString() : fileHash(backup);
        const QStringList liveBefore = tablesAndIndexes(*live.db);

        // The operator cancels while step 2.2 runs: it finishes, 2.3 never starts.
        std::atomic_bool cancel{false};
        QStringList stages;
        Progress progress(
            [&](qint64, qint64, const QString& stage) {
                stages << stage;
                if (stage == QLatin1String("rehearsal up: 2.2"))
                    cancel = true;
            },
            &cancel);
        Rehearsal rehearsal(*live.db, *set, RehearsalCopy::Where{backups.path(), std::nullopt});
        auto report = rehearsal.run(*plan, backup, QFileInfo(backup).size(), progress);
        QVERIFY2(report, report ? "" : qPrintable(report.error().toText()));
        QVERIFY(report->failure);
        QVERIFY2(report->failure->what.contains(QStringLiteral("cancelled before step 2.3")),
                 qPrintable(report->failure->what));
        QVERIFY2(report->failure->unchanged.contains(QStringLiteral("live database was not touched")),
                 qPrintable(report->failure->unchanged));
        QCOMPARE(report->failedPass, QStringLiteral("up"));
        QCOMPARE(report->succeeded, false);
        QCOMPARE(report->up.size(), 2);
        QVERIFY(report->up.at(0).ran && report->up.at(0).succeeded);
        QVERIFY(report->up.at(1).ran && report->up.at(1).succeeded);
        QVERIFY(report->down.isEmpty());
        QVERIFY(report->again.isEmpty());
        QVERIFY(stages.contains(QStringLiteral("rehearsal up: 2.1")));
        QVERIFY(!stages.contains(QStringLiteral("rehearsal up: 2.3")));

        // The copy is gone; the backup and the live database are as they were.
        QVERIFY(report->copyDropped);
        QCOMPARE(QDir(backups.path()).entryList({QStringLiteral("*_strata_rehearsal_*")}), QStringList());
        if (postgres)
            QCOMPARE(rehearsalDatabases(live.postgres->name()), QStringList());
        else
            QCOMPARE(fileHash(backup), backupHash);
        QCOMPARE(tablesAndIndexes(*live.db), liveBefore);
    }

    void jobRehearsesAsTheWizardAsks_data() { engines(); }

    void jobRehearsesAsTheWizardAsks()
    {
        QFETCH(bool, postgres);
        Live live(postgres);
        if (!live.error.isEmpty())
            QFAIL(qPrintable(live.error));
        SetBuilder folder;
        writeSet(folder);
        auto set = MigrationHarness::load(folder.path());
        QVERIFY(set);
        QVERIFY(prepare(*live.db, *set).ok());
        const QStringList liveBefore = tablesAndIndexes(*live.db);

        QTemporaryDir backups;
        RehearsalJob job(folder.path(), MigrationPlanner::Request{},
                         RehearsalCopy::Where{backups.path(), {}});
        QStringList stages;
        Progress progress([&](qint64, qint64, const QString& stage) {
            if (stages.isEmpty() || stages.last() != stage)
                stages << stage;
        });
        const Status ran = job.run(*live.db, progress);
        QVERIFY2(ran, ran ? "" : qPrintable(ran.error().toText()));
        QVERIFY(job.report());
        const RehearsalReport& report = *job.report();
        QVERIFY(report.succeeded);
        QCOMPARE(report.up.size(), 3);
        QCOMPARE(report.down.size(), 3);
        QCOMPARE(report.again.size(), 3);
        QCOMPARE(report.copyRows, 200000);
        for (const auto& step : report.up) {
            QVERIFY(step.succeeded);
            QCOMPARE(step.tables, QStringList{QStringLiteral("ticks")});
            QCOMPARE(step.rowsInTables, 200000);
            QVERIFY2(step.summary().startsWith(step.slot + QStringLiteral(" ") + step.phase +
                                               QStringLiteral(": ")),
                     qPrintable(step.summary()));
            QVERIFY2(step.summary().contains(QStringLiteral("measured on a copy of 200.0 k rows")),
                     qPrintable(step.summary()));
        }
        QVERIFY(stages.contains(QStringLiteral("rehearsal: backup")));
        QVERIFY(stages.contains(QStringLiteral("rehearsal: making the copy")));
        QVERIFY(stages.contains(QStringLiteral("rehearsal up: 2.1")));
        QVERIFY(stages.contains(QStringLiteral("rehearsal down: 2.3")));
        QVERIFY(stages.contains(QStringLiteral("rehearsal up again: 2.3")));
        // Nothing of the rehearsal stays: no copy, no backup of its own; the live database as it was.
        QCOMPARE(QDir(backups.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
        if (postgres)
            QCOMPARE(rehearsalDatabases(live.postgres->name()), QStringList());
        QCOMPARE(tablesAndIndexes(*live.db), liveBefore);
        // The job held the run lock only while it ran: a run can take it now.
        auto lock = live.db->acquireRunLock(std::chrono::milliseconds(1000), {});
        QVERIFY(lock);
    }
};

QTEST_GUILESS_MAIN(TestRehearsal)
#include "tst_rehearsal.moc"
