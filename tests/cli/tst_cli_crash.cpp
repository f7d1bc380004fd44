// strata-cli killed with SIGKILL in the middle of a migration (the OOM killer, a deploy job's timeout, a
// power cut of the client): afterwards the history and the schema agree, and migrate completes the run.

#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

/// Six steps over four versions; each creates its own table first and then takes a while.
const QStringList kSlots{QStringLiteral("1.1"), QStringLiteral("1.2"), QStringLiteral("2.1"),
                         QStringLiteral("3.1"), QStringLiteral("3.2"), QStringLiteral("4.1")};
const QStringList kFolders{QStringLiteral("001_book"),  QStringLiteral("001_book"),
                           QStringLiteral("002_fees"),  QStringLiteral("003_marks"),
                           QStringLiteral("003_marks"), QStringLiteral("004_limits")};
constexpr int kSqliteRows = 600000;
constexpr int kPostgresRows = 1000;

QString tableFor(const QString& slot)
{
    return QStringLiteral("crash_") + QString(slot).replace(QLatin1Char('.'), QLatin1Char('_'));
}

int rowsFor(Engine engine)
{
    return engine == Engine::Sqlite ? kSqliteRows : kPostgresRows;
}

QByteArray stepSql(Engine engine, const QString& table)
{
    if (engine == Engine::Sqlite)
        // The count keeps each step busy for a few hundred milliseconds whatever the disk's speed, so that
        // the whole run outlasts the fixed delays below (SQLite has no sleep of its own).
        return QStringLiteral(
                   "CREATE TABLE %1 (n INTEGER NOT NULL);\n"
                   "SELECT count(*) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
                   "WHERE n < 1500000) SELECT n FROM c);\n"
                   "INSERT INTO %1 (n) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
                   "WHERE n < %2) SELECT n FROM c;\n")
            .arg(table)
            .arg(kSqliteRows)
            .toUtf8();
    return QStringLiteral("CREATE TABLE %1 (n INTEGER NOT NULL);\n"
                          "SELECT pg_sleep(0.3);\n"
                          "INSERT INTO %1 (n) SELECT generate_series(1, %2);\n")
        .arg(table)
        .arg(kPostgresRows)
        .toUtf8();
}

void writeSet(SetBuilder& set, Engine engine)
{
    for (qsizetype i = 0; i < kSlots.size(); ++i)
        set.file(QStringLiteral("%1/0%2_step.sql").arg(kFolders[i], kSlots[i].section(QLatin1Char('.'), 1)),
                 stepSql(engine, tableFor(kSlots[i])));
}

/// A migrate run the test watches and kills.
struct WatchedRun
{
    std::unique_ptr<QProcess> process;
    qint64 pid = 0;

    bool finished() { return process->state() == QProcess::NotRunning || process->waitForFinished(0); }

    /// Polls the history as an operator would (strata-cli history --json) until `done` holds for the recorded
    /// steps ("V.S=status"); false when the run ends or the time is up first.
    template <typename Done>
    bool waitForHistory(const QString& url, const QString& set, Done done, int timeoutMs = 120000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired() && !finished()) {
            if (const auto steps = recordedSteps(url, set); steps && done(*steps))
                return true;
            QThread::msleep(10);
        }
        return false;
    }

    /// SIGKILL; true when the run was still going and died of it.
    bool kill()
    {
        if (finished())
            return false;
        process->kill();
        process->waitForFinished(30000);
        return process->exitStatus() == QProcess::CrashExit;
    }

    QString output() const
    {
        return QString::fromUtf8(process->readAllStandardError()) +
               QString::fromUtf8(process->readAllStandardOutput());
    }
};

WatchedRun startMigrate(const QString& url, const QString& set)
{
    WatchedRun run;
    run.process = CliProcess::start(cliArgs(url, set, {QStringLiteral("migrate"), QStringLiteral("--yes")}));
    if (run.process->waitForStarted(30000))
        run.pid = run.process->processId();
    return run;
}

int appliedCount(const QStringList& steps)
{
    int n = 0;
    for (const QString& s : steps)
        n += s.endsWith(QLatin1String("=applied")) ? 1 : 0;
    return n;
}

/// A copy of a SQLite file together with its hot journal, so that the test can read the state a crash left
/// without rolling back the journal of the original: recovering it stays strata-cli's job.
struct SqliteCopy
{
    QTemporaryDir dir;
    QString url;

    explicit SqliteCopy(const QString& path)
    {
        const QString copy = dir.filePath(QStringLiteral("copy.db"));
        QFile::copy(path, copy);
        if (QFileInfo::exists(path + QStringLiteral("-journal")))
            QFile::copy(path + QStringLiteral("-journal"), copy + QStringLiteral("-journal"));
        url = QStringLiteral("sqlite:") + copy;
    }
};

/// History and schema agree: a step has an applied row if and only if its table exists (with all its rows);
/// a version is complete if and only if all its steps are applied. Returns the applied slots.
QStringList checkConsistent(Database& db, Engine engine)
{
    QStringList applied;
    const QStringList tables = userTables(db);
    const QStringList statuses = stepStatuses(db);
    const QString context = QStringLiteral("tables: %1\nhistory: %2")
                                .arg(tables.join(QLatin1Char(',')), statuses.join(QLatin1Char(',')));
    for (const QString& row : statuses) {
        const QString slot = row.section(QLatin1Char('='), 0, 0);
        const QString status = row.section(QLatin1Char('='), 1);
        [&] {
            QVERIFY2(kSlots.contains(slot),
                     qPrintable(QStringLiteral("unknown step %1\n").arg(slot) + context));
        }();
        // Every step is transactional: nothing may be left "started" (dirty).
        [&] {
            QVERIFY2(status == QLatin1String("applied"),
                     qPrintable(QStringLiteral("step %1 is %2\n").arg(slot, status) + context));
        }();
        if (status == QLatin1String("applied"))
            applied << slot;
    }
    for (const QString& slot : kSlots) {
        const bool exists = tables.contains(tableFor(slot));
        [&] {
            QVERIFY2(exists == applied.contains(slot),
                     qPrintable(QStringLiteral("step %1: table %2, history row %3\n")
                                    .arg(slot, exists ? QStringLiteral("exists") : QStringLiteral("absent"),
                                         applied.contains(slot) ? QStringLiteral("applied")
                                                                : QStringLiteral("absent")) +
                                context));
        }();
        if (exists)
            [&] {
                QCOMPARE(queryLines(db, QStringLiteral("SELECT count(*) FROM %1").arg(tableFor(slot))),
                         QStringList{QString::number(rowsFor(engine))});
            }();
    }
    QStringList complete;
    if (tables.contains(QStringLiteral("schema_version")))
        for (const QString& row : queryLines(
                 db, QStringLiteral("SELECT version FROM schema_version WHERE success = 1 ORDER BY version")))
            complete << row;
    QStringList expectedComplete;
    for (const QString& version :
         {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}) {
        bool all = true;
        for (const QString& slot : kSlots)
            if (slot.section(QLatin1Char('.'), 0, 0) == version && !applied.contains(slot))
                all = false;
        if (all)
            expectedComplete << version;
    }
    [&] {
        QVERIFY2(complete == expectedComplete,
                 qPrintable(QStringLiteral("complete versions: %1\n").arg(complete.join(QLatin1Char(','))) +
                            context));
    }();
    return applied;
}

QStringList allApplied()
{
    QStringList lines;
    for (const QString& slot : kSlots)
        lines << slot + QStringLiteral("=applied");
    return lines;
}

/// A CPU-bound query of a few seconds that writes nothing.
const QByteArray kSlowSqliteQuery =
    "SELECT count(*) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
    "FROM c WHERE n < 6000000) SELECT n FROM c);\n";

/// Version 1 and 3 are quick; version 2 is the given step.
void writeThreeVersions(SetBuilder& set, const QByteArray& secondStep)
{
    set.file(QStringLiteral("001_book/01_book.sql"),
             "CREATE TABLE book (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL);\n"
             "INSERT INTO book (id, symbol) VALUES (1, 'ESZ6'), (2, 'NQZ6');\n");
    set.file(QStringLiteral("002_fills/01_fills.sql"), secondStep);
    set.file(QStringLiteral("003_marks/01_marks.sql"),
             "CREATE TABLE marks (symbol TEXT PRIMARY KEY, price REAL);\n");
}

/// Whether the rollback journal of a SQLite file starts with SQLite's journal magic: its header was synced,
/// the database file may have been written, and the next connection must roll it back (a hot journal).
bool journalIsHot(const QString& databasePath)
{
    static const QByteArray magic = QByteArray::fromHex("d9d505f920a163d7");
    QFile journal(databasePath + QStringLiteral("-journal"));
    return journal.open(QIODevice::ReadOnly) && journal.read(8) == magic;
}

/// Waits until the database has a rollback journal (with a synced header when `hot`).
bool waitForJournal(const QString& databasePath, bool hot, int timeoutMs = 60000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (QFileInfo(databasePath + QStringLiteral("-journal")).size() > 0 &&
            (!hot || journalIsHot(databasePath)))
            return true;
        QThread::msleep(2);
    }
    return false;
}

} // namespace

class TestCliCrash : public QObject
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

    void killedMidRun_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::addColumn<int>("afterApplied"); // wait until this many steps are recorded as applied
        QTest::addColumn<int>("delayMs");      // then this long before the kill

        for (Engine engine : {Engine::Sqlite, Engine::Postgres}) {
            const QByteArray e = engineName(engine).toLatin1();
            // Right after step k is recorded.
            QTest::addRow("%s, after step 1 is recorded", e.constData()) << engine << 1 << 0;
            QTest::addRow("%s, after step 3 is recorded", e.constData()) << engine << 3 << 0;
            QTest::addRow("%s, after step 5 is recorded", e.constData()) << engine << 5 << 0;
            // In the middle of the next step: its table is created, its rows are on their way.
            QTest::addRow("%s, into step 2", e.constData()) << engine << 1 << 150;
            QTest::addRow("%s, into step 4", e.constData()) << engine << 3 << 150;
            QTest::addRow("%s, into step 6", e.constData()) << engine << 5 << 100;
            // Fixed delays from the start, wherever the run happens to be (pre-flight, backup, steps).
            QTest::addRow("%s, at 150 ms", e.constData()) << engine << 0 << 150;
            QTest::addRow("%s, at 700 ms", e.constData()) << engine << 0 << 700;
            QTest::addRow("%s, at 1400 ms", e.constData()) << engine << 0 << 1400;
        }
    }

    void killedMidRun()
    {
        QFETCH(Engine, engine);
        QFETCH(int, afterApplied);
        QFETCH(int, delayMs);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeSet(set, engine);

        WatchedRun run = startMigrate(db.url(), set.path());
        QVERIFY(run.pid > 0);
        if (afterApplied > 0)
            QVERIFY2(
                run.waitForHistory(
                    db.url(), set.path(),
                    [&](const QStringList& steps) { return appliedCount(steps) >= afterApplied; }),
                qPrintable(QStringLiteral("step %1 was never recorded:\n").arg(afterApplied) + run.output()));
        if (delayMs > 0)
            QThread::msleep(static_cast<unsigned long>(delayMs));
        QVERIFY2(run.kill(), qPrintable(QStringLiteral("the run ended before the kill:\n") + run.output()));

        QStringList applied;
        if (engine == Engine::Postgres) {
            auto check = openDatabase(db.url());
            QVERIFY(check);
            // The server ends the killed run's session (rolling back its transaction) on its own time.
            QVERIFY2(waitForOtherSessionsToEnd(*check), "the killed run's server session did not end");
            applied = checkConsistent(*check, engine);
        } else {
            SqliteCopy copy(db.path());
            auto check = openDatabase(copy.url);
            QVERIFY(check);
            applied = checkConsistent(*check, engine);
        }
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(
            applied.size() >= afterApplied,
            qPrintable(QStringLiteral("only %1 applied after the kill").arg(applied.join(QLatin1Char(',')))));

        // migrate again: it takes over the lock of the dead run and applies exactly what is missing.
        const auto rerun = CliProcess::run(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("--json"), QStringLiteral("--lock-timeout"), QStringLiteral("60"),
                     QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(rerun.exitCode == 0, qPrintable(describe(rerun)));
        QString error;
        const auto doc = singleJsonObject(rerun.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QStringList missing = kSlots;
        for (const QString& slot : applied)
            missing.removeAll(slot);
        QCOMPARE(slotsOf(doc->value(QStringLiteral("applied")).toArray()), missing);

        auto final = openDatabase(db.url());
        QVERIFY(final);
        QCOMPARE(checkConsistent(*final, engine), kSlots);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(stepStatuses(*final), allApplied());
        if (engine == Engine::Sqlite) {
            QVERIFY(!QFileInfo::exists(db.path() + QStringLiteral("-journal")));
            QVERIFY(!QFileInfo::exists(db.path() + QStringLiteral(".strata-lock")));
        }
    }

    void readOnlyCommandsAfterKill_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    // An operator's first move after a crash is to look: status and history must work on what the killed run
    // left. On SQLite the kill comes after the step's transaction began writing the database file, so its
    // rollback journal is hot.
    void readOnlyCommandsAfterKill()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeThreeVersions(
            set, engine == Engine::Sqlite
                     ? QByteArray("CREATE TABLE fills (n INTEGER NOT NULL);\n"
                                  "INSERT INTO fills (n) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL "
                                  "SELECT n + 1 FROM c WHERE n < 1000000) SELECT n FROM c;\n") +
                           kSlowSqliteQuery
                     : QByteArray("CREATE TABLE fills (n INTEGER NOT NULL);\n"
                                  "INSERT INTO fills (n) SELECT generate_series(1, 1000);\n"
                                  "SELECT pg_sleep(1.5);\n"));

        WatchedRun run = startMigrate(db.url(), set.path());
        QVERIFY(run.pid > 0);
        QVERIFY2(run.waitForHistory(
                     db.url(), set.path(),
                     [](const QStringList& steps) { return steps.contains(QStringLiteral("1.1=applied")); }),
                 qPrintable(run.output()));
        if (engine == Engine::Sqlite)
            QVERIFY2(waitForJournal(db.path(), true), "step 2.1 never wrote to the database file");
        else
            QThread::msleep(300);
        QVERIFY2(run.kill(), qPrintable(QStringLiteral("the run ended before the kill:\n") + run.output()));
        if (engine == Engine::Postgres) {
            auto server = openDatabase(db.url());
            QVERIFY(server);
            QVERIFY(waitForOtherSessionsToEnd(*server));
        } else {
            QVERIFY2(journalIsHot(db.path()), "the kill did not leave a hot journal");
        }

        const auto status = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        QString error;
        auto doc = singleJsonObject(status.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("current_version")).toInt(), 1);
        QCOMPARE(slotsOf(doc->value(QStringLiteral("pending")).toArray()),
                 QStringList({QStringLiteral("2.1"), QStringLiteral("3.1")}));
        QCOMPARE(problemKinds(*doc), QStringList());

        const auto history = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("history")}));
        QVERIFY2(history.exitCode == 0, qPrintable(describe(history)));
        doc = singleJsonObject(history.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(slotsOf(doc->value(QStringLiteral("steps")).toArray()), QStringList{QStringLiteral("1.1")});

        const auto rerun = CliProcess::run(cliArgs(db.url(), set.path(),
                                                   {QStringLiteral("--lock-timeout"), QStringLiteral("60"),
                                                    QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(rerun.exitCode == 0, qPrintable(describe(rerun)));
        auto final = openDatabase(db.url());
        QVERIFY(final);
        QCOMPARE(stepStatuses(*final),
                 QStringList({QStringLiteral("1.1=applied"), QStringLiteral("2.1=applied"),
                              QStringLiteral("3.1=applied")}));
        QCOMPARE(queryLines(*final, QStringLiteral("SELECT count(*) FROM fills")),
                 QStringList{engine == Engine::Sqlite ? QStringLiteral("1000000") : QStringLiteral("1000")});
    }

    // Killed right after a step's transaction began: SQLite has created the rollback journal but not yet
    // synced its header (nothing of the database file was touched). Such a journal is not hot: SQLite ignores
    // it, and so must migrate.
    void killedBeforeTheJournalIsSynced()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeThreeVersions(set, QByteArray("CREATE TABLE fills (n INTEGER NOT NULL);\n") + kSlowSqliteQuery);

        WatchedRun run = startMigrate(db.url(), set.path());
        QVERIFY(run.pid > 0);
        QVERIFY2(run.waitForHistory(
                     db.url(), set.path(),
                     [](const QStringList& steps) { return steps.contains(QStringLiteral("1.1=applied")); }),
                 qPrintable(run.output()));
        QVERIFY2(waitForJournal(db.path(), false), "step 2.1 never began");
        QThread::msleep(300);
        QVERIFY2(run.kill(), qPrintable(QStringLiteral("the run ended before the kill:\n") + run.output()));
        QVERIFY2(QFileInfo(db.path() + QStringLiteral("-journal")).size() > 0 && !journalIsHot(db.path()),
                 "the kill did not leave an unsynced journal");
        const QByteArray bytes = fileBytes(db.path());

        const auto status = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        QString error;
        const auto doc = singleJsonObject(status.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("current_version")).toInt(), 1);
        QCOMPARE(fileBytes(db.path()), bytes);

        const auto rerun = CliProcess::run(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("--json"), QStringLiteral("--lock-timeout"), QStringLiteral("60"),
                     QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(rerun.exitCode == 0, qPrintable(describe(rerun)));
        const auto rerunDoc = singleJsonObject(rerun.out, &error);
        QVERIFY2(rerunDoc, qPrintable(error));
        QCOMPARE(slotsOf(rerunDoc->value(QStringLiteral("applied")).toArray()),
                 QStringList({QStringLiteral("2.1"), QStringLiteral("3.1")}));
        auto final = openDatabase(db.url());
        QVERIFY(final);
        QCOMPARE(stepStatuses(*final),
                 QStringList({QStringLiteral("1.1=applied"), QStringLiteral("2.1=applied"),
                              QStringLiteral("3.1=applied")}));
    }

    void killedInNoTransactionStep_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void killedInNoTransactionStep()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        set.file(QStringLiteral("001_book/01_book.sql"),
                 "CREATE TABLE book (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL);\n"
                 "INSERT INTO book (id, symbol) VALUES (1, 'ESZ6'), (2, 'NQZ6'), (3, 'CLF7');\n");
        // Outside a transaction, slow first (so the kill lands in it), then the change.
        set.file(
            QStringLiteral("002_book_index/01_symbol_index.sql"),
            engine == Engine::Postgres
                ? QByteArray("-- Description: index the book by symbol without blocking writers\n"
                             "-- strata:no-transaction\n"
                             "SELECT pg_sleep(2);\n"
                             "CREATE INDEX CONCURRENTLY idx_book_symbol ON book (symbol);\n")
                : QByteArray("-- Description: index the book by symbol\n"
                             "-- strata:no-transaction\n"
                             "SELECT count(*) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                             "FROM c WHERE n < 5000000) SELECT n FROM c);\n"
                             "CREATE INDEX idx_book_symbol ON book (symbol);\n"));
        set.file(QStringLiteral("003_book_stats/01_stats.sql"),
                 "CREATE TABLE book_stats (symbol TEXT PRIMARY KEY, orders INTEGER NOT NULL);\n");
        const QString indexQuery =
            engine == Engine::Postgres
                ? QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_book_symbol'")
                : QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'idx_book_symbol'");

        WatchedRun run = startMigrate(db.url(), set.path());
        QVERIFY(run.pid > 0);
        // The step is recorded as started (and committed so) before its statements run.
        QVERIFY2(run.waitForHistory(
                     db.url(), set.path(),
                     [](const QStringList& steps) { return steps.contains(QStringLiteral("2.1=started")); }),
                 qPrintable(run.output()));
        QThread::msleep(500);
        QVERIFY2(run.kill(), qPrintable(QStringLiteral("the run ended before the kill:\n") + run.output()));
        // At once, as an operator would: on PostgreSQL the dead run's server session may still be in its
        // pg_sleep and hold the migration lock.
        const auto status = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("status")}));
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        QString error;
        const auto doc = singleJsonObject(status.out, &error);
        QVERIFY2(doc, qPrintable(error));
        const QJsonArray problems = doc->value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 1);
        const QJsonObject dirty = problems.first().toObject();
        QCOMPARE(dirty.value(QStringLiteral("kind")).toString(), QStringLiteral("dirty"));
        QCOMPARE(dirty.value(QStringLiteral("slot")).toString(), QStringLiteral("2.1"));
        QVERIFY2(dirty.value(QStringLiteral("resolution"))
                     .toString()
                     .contains(QStringLiteral("strata-cli resolve 2.1 --mark-applied")),
                 qPrintable(describe(status)));
        QVERIFY2(dirty.value(QStringLiteral("resolution"))
                     .toString()
                     .contains(QStringLiteral("strata-cli resolve 2.1 --mark-rolled-back")),
                 qPrintable(describe(status)));

        const QStringList migrate = {QStringLiteral("--lock-timeout"), QStringLiteral("60"),
                                     QStringLiteral("migrate"), QStringLiteral("--yes")};
        const QStringList before = databaseStateOf(db.url());
        const auto refused = CliProcess::run(cliArgs(db.url(), set.path(), migrate));
        QVERIFY2(!refused.crashed, qPrintable(describe(refused)));
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains(QStringLiteral("dirty")), qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains(QStringLiteral("01_symbol_index.sql")), qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains(QStringLiteral("strata-cli resolve 2.1 --mark-applied")),
                 qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains(QStringLiteral("strata-cli resolve 2.1 --mark-rolled-back")),
                 qPrintable(describe(refused)));
        const bool refusedWaited =
            refused.err.contains(QStringLiteral("Waiting up to 60 s for the migration lock"));
        qInfo("the refused run %s for the killed run's lock", refusedWaited ? "waited" : "did not wait");
        if (refusedWaited)
            QVERIFY2(refused.err.contains(engine == Engine::Postgres
                                              ? QStringLiteral("(strata %1@").arg(run.pid)
                                              : QStringLiteral("pid %1 ").arg(run.pid)),
                     qPrintable(describe(refused)));

        {
            auto check = openDatabase(db.url());
            QVERIFY(check);
            if (engine == Engine::Postgres)
                QVERIFY2(waitForOtherSessionsToEnd(*check), "the killed run's server session did not end");
        }
        // The refused run changed nothing (the lock file a dead run leaves behind may be taken over).
        QCOMPARE(databaseStateOf(db.url()), before);
        // The step started and never finished: recorded as such, and its change is absent.
        {
            auto check = openDatabase(db.url());
            QVERIFY(check);
            QCOMPARE(stepStatuses(*check),
                     QStringList({QStringLiteral("1.1=applied"), QStringLiteral("2.1=started")}));
            QCOMPARE(queryLines(*check, indexQuery), QStringList{QStringLiteral("0")});
        }

        // The operator checked: the index is not there. The step is settled as rolled back and runs again.
        const auto resolved = CliProcess::run(cliArgs(
            db.url(), set.path(),
            {QStringLiteral("resolve"), QStringLiteral("2.1"), QStringLiteral("--mark-rolled-back")}));
        QVERIFY2(resolved.exitCode == 0, qPrintable(describe(resolved)));
        {
            auto check = openDatabase(db.url());
            QVERIFY(check);
            QCOMPARE(stepStatuses(*check),
                     QStringList({QStringLiteral("1.1=applied"), QStringLiteral("2.1=rolled_back")}));
        }

        const auto rerun =
            CliProcess::run(cliArgs(db.url(), set.path(), QStringList{QStringLiteral("--json")} + migrate));
        QVERIFY2(rerun.exitCode == 0, qPrintable(describe(rerun)));
        const auto rerunDoc = singleJsonObject(rerun.out, &error);
        QVERIFY2(rerunDoc, qPrintable(error));
        QCOMPARE(slotsOf(rerunDoc->value(QStringLiteral("applied")).toArray()),
                 QStringList({QStringLiteral("2.1"), QStringLiteral("3.1")}));
        auto check = openDatabase(db.url());
        QVERIFY(check);
        QCOMPARE(stepStatuses(*check),
                 QStringList({QStringLiteral("1.1=applied"), QStringLiteral("2.1=applied"),
                              QStringLiteral("3.1=applied")}));
        QCOMPARE(queryLines(*check, indexQuery), QStringList{QStringLiteral("1")});
        QVERIFY(userTables(*check).contains(QStringLiteral("book_stats")));
        QCOMPARE(queryLines(
                     *check,
                     QStringLiteral("SELECT version FROM schema_version WHERE success = 1 ORDER BY version")),
                 QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    }
};

QTEST_GUILESS_MAIN(TestCliCrash)
#include "tst_cli_crash.moc"
