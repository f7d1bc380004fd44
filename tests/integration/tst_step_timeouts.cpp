// Timeouts that protect the running platform: a step waits for a lock only as long as its lock_timeout, is
// rolled back and tried again with back-off, says who held the lock (seen from a second session while it
// waited), and after its last try stops the run with nothing half-applied. Real PostgreSQL sessions and real
// SQLite connections and processes hold the locks.

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include "CliProcess.h"
#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "config/OperatorConfig.h"
#include "migrations/MigrationSetLoader.h"
#include "migrations/StepHeader.h"
#include "run/PhasedRun.h"
#include "timeouts/DurationText.h"

using namespace strata;
using namespace strata::test;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<Database> openUrl(const QString& url)
{
    auto db = MigrationHarness::open(url);
    if (!db) {
        qWarning("%s", qPrintable(db.error().toText()));
        return nullptr;
    }
    return std::move(db).value();
}

QString firstValue(Database& db, const QString& sql)
{
    auto rows = db.query(sql);
    return rows ? rows->value(0, 0).toString() : rows.error().what;
}

/// A session of the trading platform's own: its application_name says whose it is.
struct PlatformSession
{
    std::unique_ptr<Database> db;
    int pid = 0;

    bool open(const QString& url, const QString& applicationName)
    {
        db = openUrl(url + QStringLiteral("?application_name=") + applicationName);
        if (!db)
            return false;
        pid = firstValue(*db, QStringLiteral("SELECT pg_backend_pid()")).toInt();
        return pid > 0;
    }
    /// Takes a lock on `table` in an open transaction and keeps it until release().
    bool hold(const QString& table, const QString& mode)
    {
        return db->execute(QStringLiteral("BEGIN")).ok() &&
               db->execute(QStringLiteral("LOCK TABLE %1 IN %2 MODE").arg(table, mode)).ok();
    }
    void release() { (void)db->execute(QStringLiteral("ROLLBACK")); }
};

/// Hears the run: does something when a step starts or waits, and keeps every wait.
class RunScript final : public RunObserver
{
public:
    std::function<void(const MigrationStep&)> onStart;
    std::function<void(const LockWait&)> onWait;
    QList<LockWait> waits;

    void stepStarted(const MigrationStep& step, qsizetype, qsizetype) override
    {
        if (onStart)
            onStart(step);
    }
    void stepWaited(const MigrationStep&, const LockWait& wait) override
    {
        waits << wait;
        if (onWait)
            onWait(wait);
    }
};

PhasedRun::Settings quickSettings(const QString& logFolder)
{
    PhasedRun::Settings settings;
    settings.createBackup = false;
    settings.verifyAfter = false;
    settings.backupFolder = logFolder;
    settings.integrity = IntegrityMode::Quick;
    return settings;
}

/// A set whose version 1 makes the `book` table (with rows) and whose version 2 alters it.
void bookSet(SetBuilder& set, const QByteArray& alterStep)
{
    set.file(QStringLiteral("001_book/01_book.sql"),
             "CREATE TABLE book (id INTEGER PRIMARY KEY);\nINSERT INTO book VALUES (1), (2), (3);\n");
    set.file(QStringLiteral("002_notes/01_notes.sql"), alterStep);
}

QJsonObject runLog(const PhasedRun& run)
{
    QFile file(run.logPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool hasColumn(Database& db, const QString& table, const QString& column)
{
    if (db.dialect() == Dialect::Sqlite)
        return firstValue(db, QStringLiteral("SELECT count(*) FROM pragma_table_info('%1') WHERE name = '%2'")
                                  .arg(table, column)) == QLatin1String("1");
    return firstValue(db, QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                                         "'%1' AND column_name = '%2'")
                              .arg(table, column)) == QLatin1String("1");
}

} // namespace

class TestStepTimeouts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The holder releases its lock after the first timeout: the second try succeeds, and the run log keeps
    // the wait with the holder's pid and application_name.
    void alterBehindALockRetriesAndSucceedsOnceTheHolderLeaves()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder files;
        bookSet(files, "ALTER TABLE book ADD COLUMN note TEXT;\n");
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        auto set = MigrationHarness::load(files.path());
        QVERIFY2(set, qPrintable(set ? QString() : set.error().toText()));
        QVERIFY(MigrationHarness::migrate(*db, *set, 1));

        QTemporaryDir logs;
        PhasedRun::Settings settings = quickSettings(logs.path());
        settings.stepTimeouts.lockTimeout = 500ms;
        settings.stepTimeouts.lockAttempts = 3;
        settings.stepTimeouts.retryBackoff = 100ms;
        PlatformSession daemon;
        RunScript script;
        script.onStart = [&](const MigrationStep& step) {
            if (step.slot() == QLatin1String("2.1") && !daemon.db)
                QVERIFY(daemon.open(scratch.url(), QStringLiteral("risk-daemon")) &&
                        daemon.hold(QStringLiteral("book"), QStringLiteral("ACCESS SHARE")));
        };
        script.onWait = [&](const LockWait&) {
            if (script.waits.size() == 1)
                daemon.release();
        };
        PhasedRun run(*db, *set, settings, &script);
        QVERIFY(run.prepare());
        const Status done = run.execute();
        QVERIFY2(done, qPrintable(done ? QString() : done.error().toText()));

        QCOMPARE(script.waits.size(), 1);
        const LockWait& wait = script.waits.first();
        QCOMPARE(wait.attempt, 1);
        QCOMPARE(wait.timeoutMs, qint64(500));
        QCOMPARE(wait.backoffMs, qint64(100));
        QCOMPARE(wait.relation, QStringLiteral("book"));
        QCOMPARE(wait.mode, QStringLiteral("AccessExclusiveLock"));
        QCOMPARE(wait.holders.size(), 1);
        QCOMPARE(wait.holders.first().pid, daemon.pid);
        QCOMPARE(wait.holders.first().applicationName, QStringLiteral("risk-daemon"));
        QCOMPARE(wait.holders.first().state, QStringLiteral("idle in transaction"));
        QVERIFY(hasColumn(*db, QStringLiteral("book"), QStringLiteral("note")));
        QVERIFY(MigrationHarness::stepStatuses(*db).contains(QStringLiteral("2.1=applied")));

        // The run log keeps the wait, with who held the lock.
        const QJsonObject log = runLog(run);
        const QJsonArray tries =
            log.value(QStringLiteral("lock_waits")).toObject().value(QStringLiteral("2.1")).toArray();
        QCOMPARE(tries.size(), 1);
        const QJsonObject holder =
            tries.first().toObject().value(QStringLiteral("holders")).toArray().first().toObject();
        QCOMPARE(holder.value(QStringLiteral("pid")).toInt(), daemon.pid);
        QCOMPARE(holder.value(QStringLiteral("application_name")).toString(), QStringLiteral("risk-daemon"));
        QCOMPARE(log.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
    }

    // The holder never lets go: after N tries the run stops, names the holder, and the database is exactly as
    // it was before the run.
    void alterBehindALockStopsAfterItsTriesWithNothingHalfApplied()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder files;
        // Two statements: the first would apply before the second waits, and must not stay.
        bookSet(files, "CREATE TABLE book_notes (id INTEGER);\nALTER TABLE book ADD COLUMN note TEXT;\n");
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        auto set = MigrationHarness::load(files.path());
        QVERIFY(set);
        QVERIFY(MigrationHarness::migrate(*db, *set, 1));
        const QStringList schemaBefore = MigrationHarness::schemaWithoutHistory(*db);
        const QStringList stepsBefore = MigrationHarness::stepStatuses(*db);

        QTemporaryDir logs;
        PhasedRun::Settings settings = quickSettings(logs.path());
        settings.stepTimeouts.lockTimeout = 400ms;
        settings.stepTimeouts.lockAttempts = 2;
        settings.stepTimeouts.retryBackoff = 100ms;
        PlatformSession daemon;
        RunScript script;
        script.onStart = [&](const MigrationStep& step) {
            if (step.slot() == QLatin1String("2.1") && !daemon.db)
                QVERIFY(daemon.open(scratch.url(), QStringLiteral("risk-daemon")) &&
                        daemon.hold(QStringLiteral("book"), QStringLiteral("ROW EXCLUSIVE")));
        };
        PhasedRun run(*db, *set, settings, &script);
        QVERIFY(run.prepare());
        QElapsedTimer timer;
        timer.start();
        const Status done = run.execute();
        const qint64 took = timer.elapsed();
        daemon.release();
        QVERIFY(!done);
        QCOMPARE(done.error().code, ExitCode::Locked);
        const QString text = done.error().toText();
        QVERIFY2(text.contains(QStringLiteral("Step 2.1")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("tried 2 times")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("nothing is half-applied")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("pid %1 (risk-daemon").arg(daemon.pid)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("--cancel PID")), qPrintable(text));
        // Two waits of 400 ms and one pause of 100 ms: neither the server's default (no limit) nor a hang.
        QVERIFY2(took >= 900 && took < 10000, qPrintable(QString::number(took)));

        QCOMPARE(script.waits.size(), 2);
        QCOMPARE(script.waits.at(0).backoffMs, qint64(100));
        QCOMPARE(script.waits.at(1).backoffMs, qint64(0));
        for (const auto& wait : script.waits)
            QVERIFY2(!wait.holders.isEmpty() && wait.holders.first().pid == daemon.pid,
                     qPrintable(wait.describe()));
        QCOMPARE(MigrationHarness::schemaWithoutHistory(*db), schemaBefore);
        QVERIFY(!hasColumn(*db, QStringLiteral("book"), QStringLiteral("note")));
        QVERIFY(!MigrationHarness::stepStatuses(*db).contains(QStringLiteral("2.1=applied")));
        QCOMPARE(MigrationHarness::stepStatuses(*db).filter(QStringLiteral("1.")),
                 stepsBefore.filter(QStringLiteral("1.")));
        const QJsonObject log = runLog(run);
        QCOMPARE(
            log.value(QStringLiteral("lock_waits")).toObject().value(QStringLiteral("2.1")).toArray().size(),
            2);
        QCOMPARE(log.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
    }

    // A step's own directive wins over the config: 300 ms instead of 20 s.
    void lockTimeoutDirectiveOverridesTheConfig()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder files;
        bookSet(files, "-- strata:lock-timeout 300ms\nALTER TABLE book ADD COLUMN note TEXT;\n");
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        auto set = MigrationHarness::load(files.path());
        QVERIFY(set);
        QVERIFY(MigrationHarness::migrate(*db, *set, 1));
        QTemporaryDir logs;
        PhasedRun::Settings settings = quickSettings(logs.path());
        settings.stepTimeouts.lockTimeout = 20s;
        settings.stepTimeouts.lockAttempts = 1;
        PlatformSession daemon;
        RunScript script;
        script.onStart = [&](const MigrationStep& step) {
            if (step.slot() == QLatin1String("2.1") && !daemon.db)
                QVERIFY(daemon.open(scratch.url(), QStringLiteral("risk-daemon")) &&
                        daemon.hold(QStringLiteral("book"), QStringLiteral("ACCESS SHARE")));
        };
        PhasedRun run(*db, *set, settings, &script);
        QVERIFY(run.prepare());
        QElapsedTimer timer;
        timer.start();
        const Status done = run.execute();
        const qint64 took = timer.elapsed();
        daemon.release();
        QVERIFY(!done);
        QCOMPARE(done.error().code, ExitCode::Locked);
        QCOMPARE(script.waits.size(), 1);
        QCOMPARE(script.waits.first().timeoutMs, qint64(300));
        QVERIFY2(took < 10000, qPrintable(QString::number(took)));
    }

    // statement_timeout by directive stops a long statement; a statement timeout is not a lock wait and is
    // not tried again.
    void statementTimeoutDirectiveStopsALongStatement()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder files;
        bookSet(files, "-- strata:statement-timeout 300ms\nSELECT pg_sleep(5);\n");
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        auto set = MigrationHarness::load(files.path());
        QVERIFY(set);
        QTemporaryDir logs;
        RunScript script;
        PhasedRun run(*db, *set, quickSettings(logs.path()), &script);
        QVERIFY(run.prepare());
        QElapsedTimer timer;
        timer.start();
        const Status done = run.execute();
        QVERIFY(!done);
        QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(done.error().toText().contains(QStringLiteral("statement_timeout")),
                 qPrintable(done.error().toText()));
        QCOMPARE(done.error().code, ExitCode::Failed);
        QVERIFY(script.waits.isEmpty());
    }

    // What each step really runs under, read inside it: the config's values in a transaction (SET LOCAL),
    // no limit without a transaction, a directive's values, and the session as it was afterwards.
    void eachStepRunsUnderItsOwnLimits()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder files;
        const QByteArray seen = "INSERT INTO seen SELECT '%1', current_setting('lock_timeout'), "
                                "current_setting('statement_timeout');\n";
        files.file(QStringLiteral("001_seen/01_seen.sql"),
                   "CREATE TABLE seen (step TEXT, lt TEXT, st TEXT);\n");
        files.file(QStringLiteral("002_steps/01_config.sql"), QByteArray(seen).replace("%1", "config"));
        files.file(QStringLiteral("002_steps/02_outside.sql"),
                   "-- strata:no-transaction\n" + QByteArray(seen).replace("%1", "outside"));
        files.file(QStringLiteral("002_steps/03_directive.sql"),
                   "-- strata:lock-timeout 2s\n-- strata:statement_timeout 1min\n" +
                       QByteArray(seen).replace("%1", "directive"));
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        auto set = MigrationHarness::load(files.path());
        QVERIFY2(set, qPrintable(set ? QString() : set.error().toText()));
        auto plan = MigrationHarness::planUp(*db, *set);
        QVERIFY(plan);
        MigrationRunner runner(*db, *set, RunIdentity::current());
        StepTimeouts timeouts;
        timeouts.lockTimeout = 1500ms;
        timeouts.statementTimeout = 7s;
        runner.setTimeouts(timeouts);
        auto applied = runner.apply(*plan);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toText()));
        auto rows =
            db->query(QStringLiteral("SELECT step || '|' || lt || '|' || st FROM seen ORDER BY step"));
        QVERIFY(rows);
        QStringList lines;
        for (const auto& row : rows->rows)
            lines << row.value(0).toString();
        QCOMPARE(lines, (QStringList{QStringLiteral("config|1500ms|7s"), QStringLiteral("directive|2s|1min"),
                                     QStringLiteral("outside|0|0")}));
        // SET LOCAL ended with each transaction, the session SET was reset.
        QCOMPARE(firstValue(*db, QStringLiteral("SHOW lock_timeout")), QStringLiteral("0"));
        QCOMPARE(firstValue(*db, QStringLiteral("SHOW statement_timeout")), QStringLiteral("0"));
    }

    // Without a config value: Strata's 5 s, unless the session already has a lock_timeout of its own (here
    // from the URL's options), which the operator chose.
    void defaultLockTimeoutYieldsToTheSessionsOwn()
    {
        ScratchPostgres plain;
        STRATA_REQUIRE_POSTGRES(plain);
        ScratchPostgres withOwn;
        STRATA_REQUIRE_POSTGRES(withOwn);
        SetBuilder files;
        files.file(QStringLiteral("001_seen/01_seen.sql"),
                   "CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lt;\n");
        const QString own = withOwn.url() + QStringLiteral("?options=-c%20lock_timeout%3D1234");
        for (const QString& url : {plain.url(), own}) {
            auto db = openUrl(url);
            QVERIFY(db);
            auto set = MigrationHarness::load(files.path());
            QVERIFY(set);
            auto plan = MigrationHarness::planUp(*db, *set);
            QVERIFY(plan);
            MigrationRunner runner(*db, *set, RunIdentity::current());
            auto applied = runner.apply(*plan);
            QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toText()));
            QCOMPARE(firstValue(*db, QStringLiteral("SELECT lt FROM seen")),
                     url == own ? QStringLiteral("1234ms") : QStringLiteral("5s"));
        }
    }

    // A directive with a bad value is bad input naming the file and line, and so is a bad config value.
    void badTimeoutValuesAreBadInputNamingTheFile()
    {
        for (const QByteArray& value :
             {QByteArray("5"), QByteArray("soon"), QByteArray("5 days"), QByteArray("")}) {
            SetBuilder files;
            bookSet(files, "-- Migration: notes\n-- strata:lock-timeout " + value +
                               "\nALTER TABLE book ADD note TEXT;\n");
            auto set = MigrationSetLoader::load(files.path());
            QVERIFY2(!set, value.constData());
            QCOMPARE(set.error().code, ExitCode::BadInput);
            QVERIFY2(set.error().what.contains(QStringLiteral("002_notes/01_notes.sql:2")),
                     qPrintable(set.error().toText()));
            QVERIFY2(set.error().what.contains(QStringLiteral("strata:lock-timeout")),
                     qPrintable(set.error().toText()));
            QVERIFY2(set.error().toText().contains(QStringLiteral("500ms, 5s, 10min")),
                     qPrintable(set.error().toText()));
        }
        auto header =
            StepHeader::parse(QStringLiteral("-- strata:statement_timeout 90x\n"), QStringLiteral("x.sql"));
        QVERIFY(!header);
        QVERIFY(header.error().what.startsWith(QStringLiteral("x.sql:1:")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("database.yaml"));
        for (const QByteArray& line :
             {QByteArray("    lock_timeout: soon\n"), QByteArray("    lock_retry_backoff: -1\n"),
              QByteArray("    lock_attempts: 0\n")}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("database:\n  path: state.db\n  migration:\n" + line);
            file.close();
            auto config = OperatorConfig::load(path);
            QVERIFY2(!config, line.constData());
            QCOMPARE(config.error().code, ExitCode::BadInput);
            QVERIFY2(config.error().what.contains(path), qPrintable(config.error().toText()));
            const QString key = QString::fromLatin1(line).section(QLatin1Char(':'), 0, 0).trimmed();
            QVERIFY2(config.error().toText().contains(key), qPrintable(config.error().toText()));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("database:\n  migration:\n    lock_timeout: 2s\n    statement_timeout: 10min\n"
                   "    lock_attempts: 4\n    lock_retry_backoff: 3\n");
        file.close();
        auto config = OperatorConfig::load(path);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toText()));
        QVERIFY(config->timeouts.lockTimeout == std::optional(std::chrono::milliseconds(2000)));
        QVERIFY(config->timeouts.statementTimeout == std::optional(std::chrono::milliseconds(600000)));
        QCOMPARE(config->timeouts.lockAttempts, 4);
        QVERIFY(config->timeouts.retryBackoff == std::chrono::milliseconds(3000));
    }

    // SQLite: another connection holds a write transaction; the step's BEGIN IMMEDIATE waits its busy
    // timeout, is tried again once that connection commits, and succeeds.
    void sqliteStepRetriesAfterBusyAndSucceeds()
    {
        ScratchSqlite file;
        SetBuilder files;
        bookSet(files, "ALTER TABLE book ADD COLUMN note TEXT;\n");
        auto db = openUrl(file.url());
        QVERIFY(db);
        auto set = MigrationHarness::load(files.path());
        QVERIFY(set);
        QVERIFY(MigrationHarness::migrate(*db, *set, 1));

        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(file.path().toUtf8().constData(), &other), SQLITE_OK);
        auto plan = MigrationHarness::planUp(*db, *set);
        QVERIFY(plan);
        RunScript script;
        int held = -1;
        script.onStart = [&](const MigrationStep&) {
            held = sqlite3_exec(other, "BEGIN IMMEDIATE; INSERT INTO book VALUES (10);", nullptr, nullptr,
                                nullptr);
        };
        script.onWait = [&](const LockWait&) {
            if (script.waits.size() == 1)
                sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
        };
        MigrationRunner runner(*db, *set, RunIdentity::current(), &script);
        StepTimeouts timeouts;
        timeouts.lockTimeout = 200ms;
        timeouts.retryBackoff = 50ms;
        runner.setTimeouts(timeouts);
        auto applied = runner.apply(*plan);
        sqlite3_close(other);
        QCOMPARE(held, SQLITE_OK);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toText()));
        QCOMPARE(script.waits.size(), 1);
        QCOMPARE(script.waits.first().timeoutMs, qint64(200));
        QVERIFY(hasColumn(*db, QStringLiteral("book"), QStringLiteral("note")));
        QCOMPARE(firstValue(*db, QStringLiteral("SELECT count(*) FROM book")), QStringLiteral("4"));
    }

    // SQLite: a process of its own (the sqlite3 shell) keeps a write transaction open: each try waits, and
    // the run stops naming that process by pid and name, with the table as it was.
    void sqliteStepStopsNamingTheProcessThatHoldsTheWriteLock()
    {
        ScratchSqlite file;
        SetBuilder files;
        bookSet(files, "ALTER TABLE book ADD COLUMN note TEXT;\n");
        auto db = openUrl(file.url());
        QVERIFY(db);
        auto set = MigrationHarness::load(files.path());
        QVERIFY(set);
        QVERIFY(MigrationHarness::migrate(*db, *set, 1));

        QProcess shell;
        auto plan = MigrationHarness::planUp(*db, *set);
        QVERIFY(plan);
        RunScript script;
        bool holding = false;
        qint64 shellPid = 0;
        script.onStart = [&](const MigrationStep&) {
            shell.start(QStringLiteral("sqlite3"), {file.path()});
            shellPid = shell.processId();
            shell.write("BEGIN IMMEDIATE;\nINSERT INTO book VALUES (10);\nSELECT 'holding';\n");
            holding =
                shell.waitForStarted() && shell.waitForReadyRead(5000) && shell.readAll().contains("holding");
        };
        MigrationRunner runner(*db, *set, RunIdentity::current(), &script);
        StepTimeouts timeouts;
        timeouts.lockTimeout = 200ms;
        timeouts.lockAttempts = 2;
        timeouts.retryBackoff = 50ms;
        runner.setTimeouts(timeouts);
        auto applied = runner.apply(*plan);
        shell.write("ROLLBACK;\n.quit\n");
        shell.closeWriteChannel();
        shell.waitForFinished(5000);
        QVERIFY(holding);
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, ExitCode::Locked);
        QCOMPARE(script.waits.size(), 2);
        const QString who = QStringLiteral("pid %1 (sqlite3").arg(shellPid);
        QVERIFY2(script.waits.first().holdersText().contains(who),
                 qPrintable(script.waits.first().describe()));
        QVERIFY2(applied.error().toText().contains(who), qPrintable(applied.error().toText()));
        QVERIFY2(applied.error().toText().contains(QStringLiteral("nothing is half-applied")),
                 qPrintable(applied.error().toText()));
        QVERIFY(!hasColumn(*db, QStringLiteral("book"), QStringLiteral("note")));
        QCOMPARE(firstValue(*db, QStringLiteral("SELECT count(*) FROM book")), QStringLiteral("3"));
    }

    // A rollback script waits, is rolled back and tried again the same way.
    void rollbackBehindALockRetriesAndSucceeds()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder files;
        bookSet(files, "ALTER TABLE book ADD COLUMN note TEXT;\n");
        files.file(QStringLiteral("002_notes/01_notes.down.sql"), "ALTER TABLE book DROP COLUMN note;\n");
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        auto set = MigrationHarness::load(files.path());
        QVERIFY2(set, qPrintable(set ? QString() : set.error().toText()));
        QVERIFY(MigrationHarness::migrate(*db, *set));
        QVERIFY(hasColumn(*db, QStringLiteral("book"), QStringLiteral("note")));
        auto plan = MigrationHarness::planDown(*db, *set, 1);
        QVERIFY(plan);
        QCOMPARE(plan->steps.size(), 1);

        PlatformSession daemon;
        RunScript script;
        script.onStart = [&](const MigrationStep&) {
            QVERIFY(daemon.open(scratch.url(), QStringLiteral("risk-daemon")) &&
                    daemon.hold(QStringLiteral("book"), QStringLiteral("ACCESS SHARE")));
        };
        script.onWait = [&](const LockWait&) { daemon.release(); };
        MigrationRunner runner(*db, *set, RunIdentity::current(), &script);
        StepTimeouts timeouts;
        timeouts.lockTimeout = 400ms;
        timeouts.retryBackoff = 50ms;
        runner.setTimeouts(timeouts);
        auto rolledBack = runner.rollback(*plan);
        QVERIFY2(rolledBack, qPrintable(rolledBack ? QString() : rolledBack.error().toText()));
        QCOMPARE(script.waits.size(), 1);
        QCOMPARE(script.waits.first().holders.size(), 1);
        QCOMPARE(script.waits.first().holders.first().pid, daemon.pid);
        QVERIFY(!hasColumn(*db, QStringLiteral("book"), QStringLiteral("note")));
        QVERIFY(!MigrationHarness::stepStatuses(*db).contains(QStringLiteral("2.1=applied")));
    }

    // strata-cli migrate with the operator config's timeouts: the platform's session takes its lock while the
    // step sleeps; both tries wait 400 ms, the printout and --json's lock_waits name the session, exit 4.
    void migrateTakesItsTimeoutsFromTheOperatorConfig()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder files;
        bookSet(files, "SELECT pg_sleep(1);\nALTER TABLE book ADD COLUMN note TEXT;\n");
        {
            auto db = openUrl(scratch.url());
            QVERIFY(db);
            auto set = MigrationHarness::load(files.path());
            QVERIFY(set);
            QVERIFY(MigrationHarness::migrate(*db, *set, 1));
        }
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("database.yaml"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "database:\n  backup:\n    directory: \"" + dir.path().toUtf8() +
            "\"\n  migration:\n    create_backup: false\n    lock_timeout: 400ms\n    lock_attempts: 2\n"
            "    lock_retry_backoff: 100ms\n");
        file.close();
        auto process =
            CliProcess::start({QStringLiteral("--config"), config, QStringLiteral("--db"), scratch.url(),
                               QStringLiteral("--migrations"), files.path(), QStringLiteral("--json"),
                               QStringLiteral("--yes"), QStringLiteral("migrate")});
        // The pre-flight is over once the step sleeps: only then does the platform's session connect.
        auto server = openUrl(postgresServerUrl());
        QVERIFY(server);
        QElapsedTimer timer;
        timer.start();
        bool sleeping = false;
        while (!sleeping && timer.elapsed() < 30000) {
            auto rows =
                server->query(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND "
                                             "query LIKE 'SELECT pg_sleep(1)%' AND state = 'active'"),
                              {scratch.name()});
            sleeping = rows && rows->value(0, 0).toInt() > 0;
            if (!sleeping)
                QThread::msleep(10);
        }
        QVERIFY(sleeping);
        PlatformSession daemon;
        QVERIFY(daemon.open(scratch.url(), QStringLiteral("risk-daemon")));
        QVERIFY(daemon.hold(QStringLiteral("book"), QStringLiteral("ACCESS SHARE")));
        const auto outcome = CliProcess::finish(*process, 60000);
        daemon.release();
        QCOMPARE(outcome.exitCode, 4);
        QVERIFY2(outcome.err.contains(
                     QStringLiteral("[waited]  step 2.1: try 1 waited 400ms for AccessExclusiveLock "
                                    "on book, held by pid %1 (risk-daemon")
                         .arg(daemon.pid)),
                 qPrintable(outcome.err));
        QVERIFY2(outcome.err.contains(QStringLiteral("trying again in 100 ms")), qPrintable(outcome.err));
        const QJsonArray tries = outcome.json()
                                     .value(QStringLiteral("lock_waits"))
                                     .toObject()
                                     .value(QStringLiteral("2.1"))
                                     .toArray();
        QCOMPARE(tries.size(), 2);
        for (const auto& attempt : tries) {
            QCOMPARE(attempt.toObject().value(QStringLiteral("timeout_ms")).toInt(), 400);
            QCOMPARE(attempt.toObject()
                         .value(QStringLiteral("holders"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("pid"))
                         .toInt(),
                     daemon.pid);
        }
        auto db = openUrl(scratch.url());
        QVERIFY(db);
        QVERIFY(!hasColumn(*db, QStringLiteral("book"), QStringLiteral("note")));
    }

    // The migration lock waits by trying again, never inside a transaction: while a run waits for it, its
    // session holds no snapshot (backend_xmin) and no open transaction.
    void runLockWaitHoldsNoSnapshot()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder files;
        bookSet(files, "ALTER TABLE book ADD COLUMN note TEXT;\n");
        PlatformSession otherRun;
        QVERIFY(otherRun.open(scratch.url(), QStringLiteral("strata-other-run")));
        QVERIFY(otherRun.db->execute(QStringLiteral("SELECT pg_advisory_lock(1398034497, 1)")));
        auto process = CliProcess::start(
            {QStringLiteral("--db"), scratch.url(), QStringLiteral("--migrations"), files.path(),
             QStringLiteral("--yes"), QStringLiteral("--lock-timeout"), QStringLiteral("20"),
             QStringLiteral("migrate"), QStringLiteral("--no-backup")});
        // Watch from the server's own database, so that the run's pre-flight sees no session here.
        auto watcher = openUrl(postgresServerUrl());
        QVERIFY(watcher);
        // Between its tries the waiting session is idle: no transaction, no snapshot. (While one try runs it
        // is active for a moment, inside the statement's own implicit transaction.)
        int idleSamples = 0;
        QStringList bad;
        // Sample for 1.5 s from the moment the run's session shows (a loaded machine may start it late).
        QElapsedTimer timer;
        timer.start();
        QElapsedTimer sampling;
        while (timer.elapsed() < 30000 && !(sampling.isValid() && sampling.elapsed() > 1500)) {
            auto rows = watcher->query(
                QStringLiteral(
                    "SELECT pid, state, backend_xmin IS NULL AND xact_start IS NULL FROM pg_stat_activity "
                    "WHERE datname = ? AND pid <> ? AND backend_type = 'client backend'"),
                {scratch.name(), otherRun.pid});
            QVERIFY(rows);
            if (!rows->isEmpty() && !sampling.isValid())
                sampling.start();
            for (const auto& row : rows->rows) {
                const QString state = row.value(1).toString();
                if (state.startsWith(QLatin1String("idle in transaction")))
                    bad << row.value(0).toString() + QLatin1Char(' ') + state;
                if (state == QLatin1String("idle")) {
                    ++idleSamples;
                    if (row.value(2).toString() != QLatin1String("t"))
                        bad << row.value(0).toString() + QStringLiteral(" idle with a snapshot");
                }
            }
            QThread::msleep(20);
        }
        QVERIFY2(idleSamples > 10, qPrintable(QString::number(idleSamples)));
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char(','))));
        otherRun.db.reset(); // the session ends, and its advisory lock with it
        const auto outcome = CliProcess::finish(*process, 60000);
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QVERIFY2(outcome.err.contains(QStringLiteral("strata-other-run")), qPrintable(outcome.err));
    }
};

QTEST_GUILESS_MAIN(TestStepTimeouts)
#include "tst_step_timeouts.moc"
