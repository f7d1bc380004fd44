#include <atomic>
#include <thread>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QtTest>

#include <sqlite3.h>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "backup/BackupCatalog.h"
#include "backup/DatabaseBackup.h"
#include "backup/DatabaseRestore.h"
#include "demo/RiskStateDemo.h"
#include "dialects/sqlite/SqliteDatabase.h"

using namespace strata;
using namespace strata::test;

namespace {

const QStringList kV1Tables{"lockouts",  "daily_pnl", "contract_cache",  "trade_history", "session_state",
                            "positions", "orders",    "enforcement_log", "reset_schedule"};

/// Every row of every v1 table, as text, in rowid order: what "every row unchanged" compares.
QStringList everyRow(Database& db)
{
    QStringList rows;
    for (const QString& table : kV1Tables) {
        auto result = db.query(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table));
        if (!result)
            return {QStringLiteral("cannot read ") + table};
        for (const auto& row : result->rows) {
            QStringList fields{table};
            for (const auto& v : row)
                fields << (v.isNull() ? QStringLiteral("NULL") : v.toString());
            rows << fields.join(QLatin1Char('|'));
        }
    }
    return rows;
}

QString makeDemo(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("state.db"));
    if (!RiskStateDemo::create(path).ok())
        return {};
    sqlite3* db = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL;", nullptr, nullptr, nullptr); // as the daemon runs it
    sqlite3_close(db);
    return path;
}

} // namespace

class TestSqliteBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backupUnderAWriterCommittingEveryMillisecondPassesIntegrityCheck()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        QVERIFY(!path.isEmpty());
        {
            // About 40 MB, so that the copy takes many steps while the writer commits.
            auto db = SqliteDatabase::open(path);
            QVERIFY((*db)
                        ->execute(QStringLiteral(
                            "CREATE TABLE history AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                            "SELECT x + 1 FROM c WHERE x < 120000) SELECT x, randomblob(300) AS "
                            "pad FROM c"))
                        .ok());
        }
        QProcess writer;
        writer.start(QStringLiteral(STRATA_STEADY_WRITER_PATH), {path, QStringLiteral("60")});
        QVERIFY(writer.waitForReadyRead(10000));
        QCOMPARE(writer.readLine().trimmed(), QByteArray("ready"));
        QTest::qWait(100);

        auto db = SqliteDatabase::open(path);
        QVERIFY(db.ok());
        DatabaseBackup::Request request;
        request.folder = dir.filePath(QStringLiteral("backups"));
        int steps = 0;
        auto record = DatabaseBackup::take(**db, request, Progress([&](qint64, qint64, const QString& stage) {
            if (stage == QLatin1String("backup"))
                ++steps;
        }));
        QTest::qWait(100);
        writer.write("stop\n");
        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished(20000));
        const QString report = QString::fromUtf8(writer.readAllStandardOutput()).trimmed();
        QVERIFY2(record.ok(), qPrintable(record.ok() ? QString() : record.error().toText()));
        QVERIFY2(steps > 2, "the copy must take several steps for the writer to interleave");
        QVERIFY2(report.startsWith(QStringLiteral("commits=")), qPrintable(report));
        QVERIFY(report.section(QLatin1Char('='), 1).section(QLatin1Char(' '), 0, 0).toInt() > 50);
        QVERIFY(record->verified);
        QCOMPARE(record->checks.first().name, QStringLiteral("integrity_check"));
        QVERIFY(record->checks.first().ok());
        qInfo("backup of %lld bytes in %d steps; writer: %s", record->size, steps, qPrintable(report));
        // The backup is one self-contained file: no -wal beside it is needed to read it.
        QVERIFY(!QFile::exists(record->path + QStringLiteral("-wal")));
        auto copy = SqliteDatabase::open(record->path, true);
        QVERIFY(copy.ok());
        QCOMPARE((*copy)->query(QStringLiteral("PRAGMA journal_mode"))->value(0, 0).toString(),
                 QStringLiteral("delete"));
        QVERIFY((*copy)->query(QStringLiteral("SELECT count(*) FROM ticks"))->value(0, 0).toInt() > 0);
    }

    /// A restore run again within the same second as one before it (a re-run right after a killed restore,
    /// whose copy aside was complete) keeps the current database aside under a name of its own: the name
    /// the earlier run took is never a reason to refuse, and never overwritten.
    void restoreInTheSameSecondKeepsItsOwnCopyAside()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        auto db = SqliteDatabase::open(path);
        DatabaseBackup::Request request;
        request.folder = dir.filePath(QStringLiteral("backups"));
        auto record = DatabaseBackup::take(**db, request, {});
        QVERIFY(record.ok());
        // The copies a restore of this second (or of the next two, on a slow machine) would be named.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QStringList taken;
        for (int s = 0; s < 3; ++s) {
            const QString name = QStringLiteral("state.db.failed_") +
                                 now.addSecs(s).toString(QStringLiteral("yyyyMMdd_HHmmss"));
            QFile earlier(dir.filePath(name));
            QVERIFY(earlier.open(QIODevice::WriteOnly));
            earlier.write("an earlier restore's copy");
            taken << name;
        }
        auto restored = DatabaseRestore::restore(**db, *record, {});
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().toText()));
        const QString aside = QFileInfo(restored->keptAside).fileName();
        QVERIFY2(aside.endsWith(QStringLiteral("_2")) && !taken.contains(aside), qPrintable(aside));
        for (const QString& name : taken) {
            QFile earlier(dir.filePath(name));
            QVERIFY(earlier.open(QIODevice::ReadOnly));
            QCOMPARE(earlier.readAll(), QByteArray("an earlier restore's copy"));
        }
    }

    void restoreGivesBackTheV1DatabaseAndKeepsTheMigratedOneAside()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        auto db = SqliteDatabase::open(path);
        const QStringList before = everyRow(**db);
        QVERIFY(before.size() > 4000);
        DatabaseBackup::Request request;
        request.folder = dir.filePath(QStringLiteral("backups"));
        auto record = DatabaseBackup::take(**db, request, {});
        QVERIFY(record.ok());

        auto set = MigrationHarness::load(bundledSet(QStringLiteral("risk_state")));
        QVERIFY(MigrationHarness::migrate(**db, *set, {}, {QStringLiteral("track_unrealized_pnl")}).ok());
        QVERIFY((*db)->execute(QStringLiteral("UPDATE orders SET state = 3")).ok());
        const QStringList migratedTables = (*db)->userTables().value();

        auto restored = DatabaseRestore::restore(**db, *record, {});
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().toText()));
        QVERIFY(CheckResult::allPassed(restored->afterChecks));
        QCOMPARE(everyRow(**db), before);
        QVERIFY(!(*db)->userTables()->contains(QStringLiteral("schema_version")));
        QVERIFY(restored->keptAside.contains(QStringLiteral("state.db.failed_")));
        auto aside = SqliteDatabase::open(restored->keptAside, true);
        QVERIFY(aside.ok());
        QCOMPARE((*aside)->userTables().value(), migratedTables);
        QCOMPARE((*aside)
                     ->query(QStringLiteral("SELECT count(*) FROM orders WHERE state <> 3"))
                     ->value(0, 0)
                     .toInt(),
                 0);
    }

    void retentionDeletesAManifestWithItsBackup()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        auto db = SqliteDatabase::open(path);
        QVERIFY(db.ok());
        DatabaseBackup::Request request;
        request.folder = dir.filePath(QStringLiteral("backups"));
        request.retention.maxBackups = 1;
        auto first = DatabaseBackup::take(**db, request, {});
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toText()));
        QVERIFY(QFile::exists(first->path + QStringLiteral(".manifest.json")));
        auto second = DatabaseBackup::take(**db, request, {});
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toText()));
        QVERIFY(!QFile::exists(first->path));
        QVERIFY(!QFile::exists(first->path + QStringLiteral(".manifest.json")));
        QVERIFY(QFile::exists(second->path));
        QVERIFY(QFile::exists(second->path + QStringLiteral(".manifest.json")));
    }

    void truncatedOrCorruptBackupFailsVerifyAndRestoreRefuses()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        auto db = SqliteDatabase::open(path);
        DatabaseBackup::Request request;
        request.folder = dir.filePath(QStringLiteral("backups"));
        auto record = DatabaseBackup::take(**db, request, {});
        QVERIFY(record.ok());
        const QStringList before = everyRow(**db);

        QFile file(record->path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
        file.close();
        auto checks = DatabaseBackup::verify(**db, *record, IntegrityMode::Full, false, {});
        QVERIFY(!DatabaseBackup::usable(checks));
        auto refused = DatabaseRestore::restore(**db, *record, {});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ExitCode::Refused);
        QVERIFY(refused.error().what.contains(QStringLiteral("size")));
        QCOMPARE(everyRow(**db), before);
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.failed_*")}).size(), 0);

        // A corrupt page in the middle of an otherwise complete file (no catalog: checksum unknown).
        auto second = DatabaseBackup::take(**db, request, {});
        QVERIFY(second.ok());
        QFile corrupt(second->path);
        QVERIFY(corrupt.open(QIODevice::ReadWrite));
        const qint64 pageSize = 4096;
        for (qint64 page = 3; page < corrupt.size() / pageSize; page += 7) {
            corrupt.seek(page * pageSize + 100);
            corrupt.write(QByteArray(200, '\x5a'));
        }
        corrupt.close();
        auto unlisted = DatabaseBackup::describeFile(**db, second->path);
        QVERIFY(unlisted.ok());
        QVERIFY(
            !DatabaseBackup::usable(DatabaseBackup::verify(**db, *unlisted, IntegrityMode::Full, false, {})));
        QVERIFY(!DatabaseRestore::restore(**db, *unlisted, {}).ok());
        QCOMPARE(everyRow(**db), before);
    }

    void unwritableFolderStopsBeforeAnythingAndListsNothing()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        auto db = SqliteDatabase::open(path);
        QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(
            QIODevice::WriteOnly)); // a file where the folder should be: even root cannot write in it
        blocker.close();
        DatabaseBackup::Request request;
        request.folder = dir.filePath(QStringLiteral("not-a-folder/backups"));
        auto record = DatabaseBackup::take(**db, request, {});
        QVERIFY(!record.ok());
        QCOMPARE(record.error().code, ExitCode::BadInput);
        QVERIFY(record.error().what.contains(QStringLiteral("not writable")));
        QVERIFY(record.error().unchanged.contains(QStringLiteral("no backup was listed")));
    }

    void cancelledBackupLeavesNoFileAndNoEntry()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        auto db = SqliteDatabase::open(path);
        // Make the database big enough to take several steps.
        QVERIFY((*db)
                    ->execute(QStringLiteral(
                        "CREATE TABLE filler AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                        "FROM c WHERE x < 60000) SELECT x, hex(randomblob(300)) AS pad FROM c"))
                    .ok());
        std::atomic_bool cancel{false};
        int reports = 0;
        Progress progress([&](qint64, qint64, const QString&) { cancel = ++reports >= 2; }, &cancel);
        DatabaseBackup::Request request;
        request.folder = dir.filePath(QStringLiteral("backups"));
        auto record = DatabaseBackup::take(**db, request, progress);
        QVERIFY(!record.ok());
        QVERIFY(record.error().what.contains(QStringLiteral("cancelled")));
        QCOMPARE(QDir(request.folder).entryList(QDir::Files | QDir::NoDotAndDotDot), QStringList());
        QVERIFY(BackupCatalog(request.folder).list()->isEmpty());
    }

    void retentionKeepsTheNewestAndNeverTheLastVerified()
    {
        QTemporaryDir dir;
        const QString path = makeDemo(dir);
        auto db = SqliteDatabase::open(path);
        DatabaseBackup::Request request;
        request.folder = dir.filePath(QStringLiteral("backups"));
        request.retention = {30, 2};
        QStringList ids;
        for (int i = 0; i < 4; ++i) {
            request.outPath = dir.filePath(QStringLiteral("backups/state_%1.db").arg(i));
            auto record = DatabaseBackup::take(**db, request, {});
            QVERIFY(record.ok());
            ids << record->id;
            QTest::qWait(5); // distinct creation times
        }
        auto listed = BackupCatalog(request.folder).list();
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).id, ids.at(3));
        QCOMPARE(listed->at(1).id, ids.at(2));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("backups/state_0.db"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("backups/state_3.db"))));
    }
};

QTEST_GUILESS_MAIN(TestSqliteBackup)
#include "tst_sqlite_backup.moc"
