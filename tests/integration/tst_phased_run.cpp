#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QtTest>

#include <sqlite3.h>

#include "CliProcess.h"
#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "common/FileDigest.h"
#include "demo/RiskStateDemo.h"
#include "dialects/sqlite/SqliteDatabase.h"

using namespace strata;
using namespace strata::test;

namespace {

const QStringList kV1Tables{"lockouts",  "daily_pnl", "contract_cache",  "trade_history", "session_state",
                            "positions", "orders",    "enforcement_log", "reset_schedule"};

QStringList everyRow(const QString& path)
{
    auto db = SqliteDatabase::open(path, true);
    if (!db)
        return {db.error().what};
    QStringList rows;
    for (const QString& table : kV1Tables) {
        auto result = (*db)->query(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table));
        for (const auto& row : result->rows) {
            QStringList fields{table};
            for (const auto& v : row)
                fields << (v.isNull() ? QStringLiteral("NULL") : v.toString());
            rows << fields.join(QLatin1Char('|'));
        }
    }
    return rows;
}

QStringList names(const QString& path, const QString& type)
{
    auto db = SqliteDatabase::open(path, true);
    QStringList result;
    auto rows =
        (*db)->query(QStringLiteral("SELECT name FROM sqlite_master WHERE type = ? ORDER BY name"), {type});
    for (const auto& r : rows->rows)
        result << r.value(0).toString();
    return result;
}

/// A copy of the bundled risk_state set whose indexes step (phase 2) fails half-way.
void brokenRiskState(SetBuilder& set)
{
    const QDir source(bundledSet(QStringLiteral("risk_state")));
    for (const QString& sub : {QString(), QStringLiteral("001_baseline"), QStringLiteral("002_v2")})
        for (const QString& f : QDir(source.filePath(sub)).entryList(QDir::Files)) {
            QFile in(QDir(source.filePath(sub)).filePath(f));
            in.open(QIODevice::ReadOnly);
            set.file(sub.isEmpty() ? f : sub + QLatin1Char('/') + f, in.readAll());
        }
    set.file(QStringLiteral("002_v2/02_indexes.sql"),
             "-- strata:phase indexes\n"
             "CREATE INDEX IF NOT EXISTS idx_enforcement_log_success ON enforcement_log(success, timestamp "
             "DESC);\n"
             "CREATE INDEX idx_positions_updated ON positions(no_such_column DESC);\n");
}

} // namespace

class TestPhasedRun : public QObject
{
    Q_OBJECT

    QString makeDemo(const QTemporaryDir& dir)
    {
        const QString path = dir.filePath(QStringLiteral("state.db"));
        return RiskStateDemo::create(path).ok() ? path : QString();
    }

private Q_SLOTS:
    void migrateYesRunsTheWholeRunbookOnTheDemo()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        const QStringList before = everyRow(path);
        const QStringList v1Indexes = names(path, QStringLiteral("index"));
        auto run =
            CliProcess::run({QStringLiteral("--db"), QStringLiteral("sqlite:") + path,
                             QStringLiteral("--migrations"), bundledSet(QStringLiteral("risk_state")),
                             QStringLiteral("--json"), QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject doc = run.json();
        QCOMPARE(doc.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
        QStringList phases;
        for (const auto& p : doc.value(QStringLiteral("phases")).toArray())
            phases << p.toObject().value(QStringLiteral("phase")).toString();
        QCOMPARE(phases, (QStringList{"preflight", "backup", "schema", "core", "indexes", "verification"}));
        const QJsonObject backup = doc.value(QStringLiteral("backup")).toObject();
        QVERIFY(backup.value(QStringLiteral("verified")).toBool());
        QVERIFY(QFile::exists(backup.value(QStringLiteral("path")).toString()));
        QVERIFY(QFile::exists(doc.value(QStringLiteral("run_log")).toString()));
        QVERIFY(run.err.contains(QStringLiteral("Pre-flight")));

        // Seed 004, Phase 4, to the letter.
        auto db = SqliteDatabase::open(path, true);
        QCOMPARE((*db)
                     ->query(QStringLiteral("SELECT MAX(version) FROM schema_version WHERE success = 1"))
                     ->value(0, 0)
                     .toInt(),
                 2);
        const QStringList tables = names(path, QStringLiteral("table"));
        for (const QString& t : kV1Tables)
            QVERIFY2(tables.contains(t), qPrintable(t));
        QVERIFY(tables.contains(QStringLiteral("schema_version")));
        QVERIFY(!tables.contains(QStringLiteral("daily_unrealized_pnl")));
        const QStringList indexes = names(path, QStringLiteral("index"));
        for (const char* i : {"idx_enforcement_log_success", "idx_positions_updated",
                              "idx_orders_state_account", "idx_schema_version_applied"})
            QVERIFY2(indexes.contains(QString::fromLatin1(i)), i);
        for (const QString& i : v1Indexes)
            QVERIFY(indexes.contains(i));
        QCOMPARE((*db)->query(QStringLiteral("PRAGMA integrity_check"))->value(0, 0).toString(),
                 QStringLiteral("ok"));
        for (const char* q : {"SELECT COUNT(*) FROM enforcement_log", "SELECT COUNT(*) FROM positions",
                              "SELECT COUNT(*) FROM orders"})
            QVERIFY((*db)->query(QString::fromLatin1(q)).ok());
        db->reset();
        // Every v1 row unchanged (enforcement_log has one more column, NULL in every row).
        QStringList after = everyRow(path);
        for (QString& row : after)
            if (row.startsWith(QLatin1String("enforcement_log|")) && row.endsWith(QLatin1String("|NULL")))
                row.chop(5);
        QCOMPARE(after, before);
    }

    void enabledOptionAddsTheOptionalTableAndItsIndexes()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        auto run = CliProcess::run({QStringLiteral("--db"), QStringLiteral("sqlite:") + path,
                                    QStringLiteral("--migrations"), bundledSet(QStringLiteral("risk_state")),
                                    QStringLiteral("migrate"), QStringLiteral("--yes"),
                                    QStringLiteral("--enable"), QStringLiteral("track_unrealized_pnl")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(names(path, QStringLiteral("table")).contains(QStringLiteral("daily_unrealized_pnl")));
        const QStringList indexes = names(path, QStringLiteral("index"));
        QVERIFY(indexes.contains(QStringLiteral("idx_daily_unrealized_pnl_date")));
        QVERIFY(indexes.contains(QStringLiteral("idx_daily_unrealized_pnl_account_date")));
        QVERIFY(run.err.contains(QStringLiteral("v2 with track_unrealized_pnl tables")));
    }

    void failedStepInPhaseTwoLeavesTheDatabaseAsAfterPhaseOne()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        const QStringList before = everyRow(path);
        // The expected state: the demo with only step 2.1 (phase core) applied.
        const QString expectedPath = dir.filePath(QStringLiteral("expected.db"));
        QVERIFY(RiskStateDemo::create(expectedPath).ok());
        {
            auto expected = SqliteDatabase::open(expectedPath);
            QFile core(bundledSet(QStringLiteral("risk_state")) + QStringLiteral("/002_v2/01_core.sql"));
            QVERIFY(core.open(QIODevice::ReadOnly));
            QVERIFY((*expected)->runScript({core.fileName(), core.readAll(), 1}, false).ok());
        }
        SetBuilder set;
        brokenRiskState(set);
        auto run = CliProcess::run({QStringLiteral("--db"), QStringLiteral("sqlite:") + path,
                                    QStringLiteral("--migrations"), set.path(), QStringLiteral("migrate"),
                                    QStringLiteral("--yes")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("02_indexes.sql:3:")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("no_such_column")));
        QVERIFY(run.err.contains(QStringLiteral("was rolled back")));
        QVERIFY2(run.err.contains(QStringLiteral("restore '")),
                 qPrintable(run.err)); // names the exact restore command
        auto db = SqliteDatabase::open(path);
        auto expected = SqliteDatabase::open(expectedPath);
        QCOMPARE(MigrationHarness::schemaWithoutHistory(**db),
                 MigrationHarness::schemaWithoutHistory(**expected));
        QCOMPARE(MigrationHarness::stepStatuses(**db),
                 (QStringList{"1.1=baseline", "2.1=applied", "2.2=failed"}));
        db->reset();
        QStringList after = everyRow(path);
        for (QString& row : after)
            if (row.startsWith(QLatin1String("enforcement_log|")))
                row.chop(5);
        QCOMPARE(after, before);
    }

    void restoreOnFailureBringsBackThePreRunDatabase()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        const QStringList before = everyRow(path);
        const QStringList schemaBefore =
            names(path, QStringLiteral("table")) + names(path, QStringLiteral("index"));
        SetBuilder set;
        brokenRiskState(set);
        auto run = CliProcess::run({QStringLiteral("--db"), QStringLiteral("sqlite:") + path,
                                    QStringLiteral("--migrations"), set.path(), QStringLiteral("--json"),
                                    QStringLiteral("migrate"), QStringLiteral("--yes"),
                                    QStringLiteral("--restore-on-failure")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("restored"));
        QVERIFY2(run.err.contains(QStringLiteral("was restored")), qPrintable(run.err));
        QCOMPARE(everyRow(path), before);
        QCOMPARE(names(path, QStringLiteral("table")) + names(path, QStringLiteral("index")), schemaBefore);
        const QString aside = run.json().value(QStringLiteral("restored_aside")).toString();
        QVERIFY(QFile::exists(aside));
        QVERIFY(names(aside, QStringLiteral("table")).contains(QStringLiteral("schema_version")));
    }

    void corruptSourceIsRefusedAndLeftByteForByte()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        // Damage a page of an index (idx_enforcement_timestamp) in the file itself.
        int rootPage = 0;
        {
            auto db = SqliteDatabase::open(path);
            rootPage = (*db)
                           ->query(QStringLiteral(
                               "SELECT rootpage FROM sqlite_master WHERE name = 'idx_enforcement_timestamp'"))
                           ->value(0, 0)
                           .toInt();
        }
        QVERIFY(rootPage > 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(qint64(rootPage - 1) * 4096 + 8);
        file.write(QByteArray(64, '\xff'));
        file.close();
        const QString checksum = *FileDigest::sha256(path);
        auto run = CliProcess::run({QStringLiteral("--db"), QStringLiteral("sqlite:") + path,
                                    QStringLiteral("--migrations"), bundledSet(QStringLiteral("risk_state")),
                                    QStringLiteral("migrate"), QStringLiteral("--yes")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("integrity check before the migration")),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(QRegularExpression(QStringLiteral("\\[FAILED\\]\\s+integrity_check"))));
        QCOMPARE(*FileDigest::sha256(path), checksum);
        QVERIFY(!QDir(dir.filePath(QStringLiteral("backups"))).exists() ||
                QDir(dir.filePath(QStringLiteral("backups"))).entryList({QStringLiteral("*.db")}).isEmpty());
    }

    void failingAndHangingHooksStopTheRunBeforeAnythingChanges_data()
    {
        QTest::addColumn<QString>("hook");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fails") << QStringLiteral("echo 'daemon did not stop'; exit 3")
                               << QStringLiteral("exit code 3");
        QTest::newRow("hangs") << QStringLiteral("echo stopping; sleep 60")
                               << QStringLiteral("timed out after 2 s");
    }

    void failingAndHangingHooksStopTheRunBeforeAnythingChanges()
    {
        QFETCH(QString, hook);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        const QString checksum = *FileDigest::sha256(path);
        const QString config = dir.filePath(QStringLiteral("database.yaml"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(
                    "database:\n  path: \"%1\"\n  backup:\n    directory: \"%2\"\n  migration:\n"
                    "    pre_hook: \"%3\"\n    post_hook: \"echo started > %4\"\n    hook_timeout: 2\n")
                    .arg(path, dir.filePath(QStringLiteral("backups")), hook,
                         dir.filePath(QStringLiteral("post.txt")))
                    .toUtf8());
        f.close();
        QElapsedTimer timer;
        timer.start();
        auto run = CliProcess::run({QStringLiteral("--config"), config, QStringLiteral("--migrations"),
                                    bundledSet(QStringLiteral("risk_state")), QStringLiteral("migrate"),
                                    QStringLiteral("--yes")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("pre hook")));
        QVERIFY(timer.elapsed() < 30000);
        QCOMPARE(*FileDigest::sha256(path), checksum);
        // The database was not touched, so the post hook started the daemon again.
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("post.txt"))));
    }

    void fullDiskStopsBeforePhaseOneAndListsNoPartialBackup()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        const QString checksum = *FileDigest::sha256(path);
        QProcess shell;
        shell.setStandardInputFile(QProcess::nullDevice());
        // A 600 KiB file-size limit: the 1.2 MB backup cannot be written.
        shell.start(QStringLiteral("/bin/bash"),
                    {QStringLiteral("-c"), QStringLiteral("ulimit -f 600; exec \"$0\" \"$@\""),
                     QStringLiteral(STRATA_CLI_PATH), QStringLiteral("--db"),
                     QStringLiteral("sqlite:") + path, QStringLiteral("--migrations"),
                     bundledSet(QStringLiteral("risk_state")), QStringLiteral("migrate"),
                     QStringLiteral("--yes")});
        QVERIFY(shell.waitForFinished(60000));
        const QString err = QString::fromUtf8(shell.readAllStandardError());
        QCOMPARE(shell.exitStatus(), QProcess::NormalExit);
        QCOMPARE(shell.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("no partial backup was listed")) ||
                     err.contains(QStringLiteral("no backup was listed")),
                 qPrintable(err));
        QVERIFY(!err.contains(QStringLiteral("Phase core")));
        QCOMPARE(*FileDigest::sha256(path), checksum);
        auto list = CliProcess::run({QStringLiteral("--db"), QStringLiteral("sqlite:") + path,
                                     QStringLiteral("--json"), QStringLiteral("backups")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
        QCOMPARE(
            QDir(dir.filePath(QStringLiteral("backups"))).entryList({QStringLiteral("*.partial")}).size(), 0);
    }

    void unwritableBackupFolderStopsBeforePhaseOne()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        QFile blocker(dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString config = dir.filePath(QStringLiteral("database.yaml"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("database:\n  path: \"%1\"\n  backup:\n    directory: \"%2\"\n")
                    .arg(path, dir.filePath(QStringLiteral("blocker/backups")))
                    .toUtf8());
        f.close();
        const QString checksum = *FileDigest::sha256(path);
        auto run = CliProcess::run({QStringLiteral("--config"), config, QStringLiteral("--migrations"),
                                    bundledSet(QStringLiteral("risk_state")), QStringLiteral("migrate"),
                                    QStringLiteral("--yes")});
        QVERIFY(run.exitCode == 1 || run.exitCode == 2);
        QVERIFY2(run.err.contains(QStringLiteral("blocker/backups")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QStringLiteral("Phase core")));
        QCOMPARE(*FileDigest::sha256(path), checksum);
    }

    void postgresRunRestoresTheBackupWhenAStepFails()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        QTemporaryDir dir;
        const QString backups = dir.filePath(QStringLiteral("backups"));
        const QStringList common{QStringLiteral("--db"), scratch.url(), QStringLiteral("--out"),
                                 backups + QStringLiteral("/")};
        SetBuilder set;
        const QDir source(bundledSet(QStringLiteral("strategy")));
        for (const QString& f :
             QDir(source.filePath(QStringLiteral("001_strategy_management"))).entryList(QDir::Files)) {
            QFile in(source.filePath(QStringLiteral("001_strategy_management/") + f));
            QVERIFY(in.open(QIODevice::ReadOnly));
            set.file(QStringLiteral("001_strategy_management/") + f, in.readAll());
        }
        auto first =
            CliProcess::run(common + QStringList{QStringLiteral("--migrations"), set.path(),
                                                 QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY(first.err.contains(QStringLiteral("amcheck")));
        auto db = MigrationHarness::open(scratch.url());
        QVERIFY((*db)
                    ->execute(QStringLiteral(
                        "INSERT INTO strategy_registry (strategy_id, name, version, created_at, "
                        "created_by, signal_generator_config, risk_manager_config, "
                        "position_sizer_config, regime_detector_config, config_hash, component_hash) "
                        "VALUES ('s1', 'alpha', '1.0', now(), 'quant', '{}', '{}', '{}', '{}', 'c', 'k')"))
                    .ok());
        db->reset();

        set.file(QStringLiteral("002_notes/01_notes.postgresql.sql"),
                 "CREATE TABLE strategy_notes (id BIGSERIAL PRIMARY KEY, body TEXT);\n"
                 "INSERT INTO strategy_notes (body) SELECT name FROM strategy_registry;\n"
                 "ALTER TABLE strategy_notes ADD COLUMN body TEXT;\n");
        auto failed = CliProcess::run(common + QStringList{QStringLiteral("--migrations"), set.path(),
                                                           QStringLiteral("--json"),
                                                           QStringLiteral("migrate"), QStringLiteral("--yes"),
                                                           QStringLiteral("--restore-on-failure")});
        QCOMPARE(failed.exitCode, 1);
        QCOMPARE(failed.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("restored"));
        QVERIFY2(failed.err.contains(QStringLiteral("01_notes.postgresql.sql:3:")), qPrintable(failed.err));
        const QString aside = failed.json().value(QStringLiteral("restored_aside")).toString();
        QVERIFY(aside.contains(QStringLiteral("_failed_")));

        db = MigrationHarness::open(scratch.url());
        QVERIFY(db.ok());
        QVERIFY(!(*db)->userTables()->contains(QStringLiteral("strategy_notes")));
        QCOMPARE((*db)->query(QStringLiteral("SELECT name FROM strategy_registry"))->value(0, 0).toString(),
                 QStringLiteral("alpha"));
        QCOMPARE((*db)
                     ->query(QStringLiteral("SELECT MAX(version) FROM schema_version WHERE success = 1"))
                     ->value(0, 0)
                     .toInt(),
                 1);
        db->reset();
        auto server = MigrationHarness::open(postgresServerUrl());
        QVERIFY((*server)
                    ->query(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = ?"), {aside})
                    ->rows.size() == 1);
        QVERIFY((*server)->execute(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(aside)).ok());
    }

    void killedBackupIsNeverListed()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        {
            auto db = SqliteDatabase::open(path);
            QVERIFY((*db)
                        ->execute(QStringLiteral(
                            "CREATE TABLE filler AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT "
                            "x + 1 FROM c WHERE x < 400000) SELECT x, randomblob(400) AS pad FROM c"))
                        .ok());
        }
        auto process = CliProcess::start(
            {QStringLiteral("--db"), QStringLiteral("sqlite:") + path, QStringLiteral("backup")});
        const QString folder = dir.filePath(QStringLiteral("backups"));
        QElapsedTimer timer;
        timer.start();
        bool sawPartial = false;
        while (timer.elapsed() < 20000 && !sawPartial) {
            sawPartial = !QDir(folder).entryList({QStringLiteral("*.partial")}).isEmpty();
            QTest::qWait(2);
        }
        process->kill(); // SIGKILL, in the middle of the backup
        process->waitForFinished();
        QVERIFY(sawPartial);
        auto list = CliProcess::run({QStringLiteral("--db"), QStringLiteral("sqlite:") + path,
                                     QStringLiteral("--json"), QStringLiteral("backups")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
        // The next backup works and is listed.
        auto again = CliProcess::run(
            {QStringLiteral("--db"), QStringLiteral("sqlite:") + path, QStringLiteral("backup")});
        QCOMPARE(again.exitCode, 0);
        list = CliProcess::run({QStringLiteral("--db"), QStringLiteral("sqlite:") + path,
                                QStringLiteral("--json"), QStringLiteral("backups")});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPhasedRun)
#include "tst_phased_run.moc"
