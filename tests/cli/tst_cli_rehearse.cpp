// strata-cli rehearse and migrate --rehearse: the real binary on both engines, with the real pg_dump and
// pg_restore. The demo's risk_state v1 -> v2 run is rehearsed on a copy of a verified backup: every step is
// timed, its locks and the tables it names are there, its rollback and the step again run (up, down, up),
// the live database is not changed and no copy is left, and a copy a killed rehearsal left is dropped. A
// rewrite and the rows a step touched are measured; a step without a rollback script is reported, not
// failed. A rehearsal that fails stops migrate --rehearse before the live database is touched. Bad targets
// and a disk without room for the copy are refused before anything starts.

#include <QScopeGuard>
#include <QtTest>

#include <sys/statvfs.h>
#include <unistd.h>

#include "CliTestKit.h"
#include "demo/RiskStateDemo.h"
#include "rehearsal/RehearsedStep.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

bool underCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

QString sourcePath(const QString& relative)
{
    return QDir(QStringLiteral(STRATA_SOURCE_DIR)).filePath(relative);
}

/// The risk_state set of an engine: the bundled one (SQLite), its PostgreSQL copy for the tests.
QString riskStateSet(Engine engine)
{
    return engine == Engine::Sqlite ? sourcePath(QStringLiteral("migrations/risk_state"))
                                    : sourcePath(QStringLiteral("tests/support/risk_state_postgresql"));
}

/// A v1 risk-state database with `rows` rows of enforcement_log history (and orders, positions after it).
QString makeRiskState(const TestDatabase& db, qint64 rows)
{
    if (db.engine() == Engine::Sqlite) {
        QFile::remove(db.path());
        const Status made = RiskStateDemo::create(db.path(), rows);
        return made ? QString() : made.error().toText();
    }
    QString error;
    auto live = openDatabase(db.url(), &error);
    if (!live)
        return error;
    QFile tables(riskStateSet(Engine::Postgres) + QStringLiteral("/001_baseline/01_tables.sql"));
    QFile fill(riskStateSet(Engine::Postgres) + QStringLiteral("/fill.sql"));
    if (!tables.open(QIODevice::ReadOnly) || !fill.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the PostgreSQL risk_state set");
    if (auto ran = live->runScript({tables.fileName(), tables.readAll(), 1}, false); !ran)
        return ran.error().toText();
    QByteArray sql = fill.readAll();
    sql.replace(":rows", QByteArray::number(rows));
    if (auto ran = live->runScript({fill.fileName(), sql, 1}, false); !ran)
        return ran.error().toText();
    return {};
}

/// The copies rehearsals left: scratch databases on the test server, or files beside the backups.
QStringList rehearsalCopies(const TestDatabase& db, const QString& backupFolder)
{
    if (db.engine() == Engine::Sqlite)
        return QDir(backupFolder).entryList({QStringLiteral("*_strata_rehearsal_*")}, QDir::AllEntries);
    auto server = openDatabase(postgresServerUrl());
    if (!server)
        return {QStringLiteral("ERROR no server")};
    const QString name = ConnectionUrl::parse(db.url())->postgresParameter(QStringLiteral("dbname"));
    return queryLines(*server, QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE "
                                              "'%1\\_strata\\_rehearsal\\_%'")
                                   .arg(QString(name).replace(QLatin1Char('_'), QLatin1String("\\_"))));
}

QString sqliteBackupFolder(const TestDatabase& db)
{
    return QDir(db.folder()).filePath(QStringLiteral("backups"));
}

QStringList stepSlots(const QJsonArray& steps)
{
    QStringList out;
    for (const auto& value : steps) {
        const QJsonObject step = value.toObject();
        out << step.value(QStringLiteral("step")).toString() +
                   (step.value(QStringLiteral("ok")).toBool() ? QString() : QStringLiteral(" FAILED"));
    }
    return out;
}

QJsonObject stepOf(const QJsonArray& steps, const QString& slot)
{
    for (const auto& value : steps)
        if (value.toObject().value(QStringLiteral("step")).toString() == slot)
            return value.toObject();
    return {};
}

/// "relation MODE" for each lock of a step.
QStringList locksOf(const QJsonObject& step)
{
    QStringList out;
    for (const auto& value : step.value(QStringLiteral("locks")).toArray())
        out << value.toObject().value(QStringLiteral("relation")).toString() + QLatin1Char(' ') +
                   value.toObject().value(QStringLiteral("mode")).toString();
    out.sort();
    return out;
}

qint64 countRows(Database& db, const QStringList& tables)
{
    qint64 total = 0;
    for (const QString& table : tables)
        total += queryLines(db, QStringLiteral("SELECT count(*) FROM %1").arg(table)).value(0).toLongLong();
    return total;
}

/// A tmpfs of a given size on a folder of its own, unmounted when it goes away.
class SmallDisk
{
public:
    bool mount(qint64 bytes, QString* error)
    {
        QProcess mount;
        mount.setProcessChannelMode(QProcess::MergedChannels);
        mount.start(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                     QStringLiteral("size=%1k").arg(bytes / 1024), QStringLiteral("tmpfs"), m_point.path()});
        m_mounted = mount.waitForFinished(30000) && mount.exitCode() == 0;
        if (!m_mounted)
            *error = QStringLiteral("mount -t tmpfs failed: %1").arg(QString::fromUtf8(mount.readAll()));
        return m_mounted;
    }
    ~SmallDisk()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_point.path()});
    }
    QString path() const { return m_point.path(); }
    /// Shrinks (or grows) the mounted disk to `bytes`.
    bool resize(qint64 bytes)
    {
        return QProcess::execute(QStringLiteral("mount"),
                                 {QStringLiteral("-o"), QStringLiteral("remount,size=%1k").arg(bytes / 1024),
                                  m_point.path()}) == 0;
    }
    qint64 freeBytes() const
    {
        struct statvfs info;
        return ::statvfs(QFile::encodeName(m_point.path()).constData(), &info) == 0
                   ? static_cast<qint64>(info.f_bavail) * static_cast<qint64>(info.f_frsize)
                   : -1;
    }

private:
    QTemporaryDir m_point;
    bool m_mounted = false;
};

#define STRATA_MOUNT_SMALL_DISK(disk, bytes)                                                                 \
    if (::geteuid() != 0) {                                                                                  \
        if (underCi())                                                                                       \
            QFAIL("mounting a small tmpfs needs root, and CI must run this test");                           \
        QSKIP("mounting a small tmpfs needs root (run as root or under CI)");                                \
    }                                                                                                        \
    {                                                                                                        \
        QString mountError;                                                                                  \
        if (!(disk).mount((bytes), &mountError))                                                             \
            QFAIL(qPrintable(mountError));                                                                   \
    }

} // namespace

class TestCliRehearse : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data; ///< XDG_DATA_HOME: PostgreSQL's backups and rehearsal logs

    static void engines()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    QString backupFolder(const TestDatabase& db) const
    {
        if (db.engine() == Engine::Sqlite)
            return sqliteBackupFolder(db);
        auto parsed = ConnectionUrl::parse(db.url());
        return QDir(m_data.path())
            .filePath(QStringLiteral("strata/backups/") +
                      parsed->postgresParameter(QStringLiteral("dbname")));
    }

private Q_SLOTS:
    void initTestCase() { keepBackupsInside(m_data); }

    void rehearsalOfTheRiskStateRun_data() { engines(); }

    void rehearsalOfTheRiskStateRun()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        const qint64 history = engine == Engine::Sqlite ? 20000 : 60000;
        const QString made = makeRiskState(db, history);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString set = riskStateSet(engine);
        QStringList options;
        if (engine == Engine::Sqlite)
            options << QStringLiteral("--enable") << QStringLiteral("track_unrealized_pnl");
        const QStringList expectedSlots =
            engine == Engine::Sqlite
                ? QStringList{QStringLiteral("2.1"), QStringLiteral("2.2"), QStringLiteral("2.3")}
                : QStringList{QStringLiteral("2.1"), QStringLiteral("2.2")};

        // What a killed rehearsal left: found and dropped by the next one.
        const QString leftover =
            engine == Engine::Sqlite
                ? QStringLiteral("state_strata_rehearsal_20200101000000.db")
                : ConnectionUrl::parse(db.url())->postgresParameter(QStringLiteral("dbname")) +
                      QStringLiteral("_strata_rehearsal_20200101000000");
        if (engine == Engine::Sqlite) {
            QVERIFY(QDir().mkpath(sqliteBackupFolder(db)));
            QVERIFY(QFile::copy(db.path(), QDir(sqliteBackupFolder(db)).filePath(leftover)));
        } else {
            auto server = openDatabase(postgresServerUrl());
            QVERIFY(server);
            QVERIFY(server->execute(QStringLiteral("CREATE DATABASE %1").arg(leftover)).ok());
        }
        // However the test ends, the server keeps nothing of it.
        struct DropLeftover
        {
            QString name;
            ~DropLeftover()
            {
                if (name.isEmpty())
                    return;
                if (auto server = openDatabase(postgresServerUrl()))
                    (void)server->execute(
                        QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
            }
        } dropLeftover{engine == Engine::Postgres ? leftover : QString()};
        QCOMPARE(rehearsalCopies(db, backupFolder(db)), QStringList{leftover});
        if (engine == Engine::Postgres) { // status lists it meanwhile, with the command that drops it
            auto status =
                CliProcess::run(cliArgs(db.url(), set, {QStringLiteral("--json"), QStringLiteral("status")}));
            QStringList listed;
            for (const auto& value : singleJsonObject(status.out)
                                         .value_or(QJsonObject())
                                         .value(QStringLiteral("leftovers"))
                                         .toArray())
                listed << value.toObject().value(QStringLiteral("where")).toString();
            QVERIFY2(listed.contains(leftover), qPrintable(describe(status)));
        }

        const QStringList before = databaseStateOf(db.url());
        auto run = CliProcess::run(cliArgs(
            db.url(), set, QStringList{QStringLiteral("--json"), QStringLiteral("rehearse")} + options));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString error;
        auto doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("command")).toString(), QStringLiteral("rehearse"));
        QCOMPARE(doc->value(QStringLiteral("ok")).toBool(), true);
        const QJsonObject rehearsal = doc->value(QStringLiteral("rehearsal")).toObject();

        // The live database is as it was, and no copy is left (the killed run's neither).
        QCOMPARE(databaseStateOf(db.url()), before);
        QCOMPARE(rehearsalCopies(db, backupFolder(db)), QStringList());
        QCOMPARE(rehearsal.value(QStringLiteral("leftovers_dropped")).toArray().size(), 1);
        QVERIFY(rehearsal.value(QStringLiteral("leftovers_dropped"))
                    .toArray()
                    .at(0)
                    .toString()
                    .endsWith(leftover));
        QCOMPARE(rehearsal.value(QStringLiteral("copy_dropped")).toBool(), true);

        // Up, down, up: every step, every rollback, every step again.
        const QJsonArray up = rehearsal.value(QStringLiteral("up")).toArray();
        QCOMPARE(stepSlots(up), expectedSlots);
        QStringList reversed = expectedSlots;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(stepSlots(rehearsal.value(QStringLiteral("down")).toArray()), reversed);
        QCOMPARE(stepSlots(rehearsal.value(QStringLiteral("up_again")).toArray()), expectedSlots);
        QVERIFY(rehearsal.value(QStringLiteral("without_rollback")).toArray().isEmpty());

        // Each step timed: the up pass is at least its steps, each transaction at least its step.
        qint64 steps = 0;
        for (const auto& value : up) {
            const QJsonObject step = value.toObject();
            QVERIFY(step.value(QStringLiteral("ran")).toBool());
            QVERIFY(step.value(QStringLiteral("transaction_ms")).toInteger() >=
                    step.value(QStringLiteral("duration_ms")).toInteger());
            steps += step.value(QStringLiteral("duration_ms")).toInteger();
        }
        QCOMPARE(rehearsal.value(QStringLiteral("steps_ms")).toInteger(), steps);
        QVERIFY(rehearsal.value(QStringLiteral("up_pass_ms")).toInteger() >= steps);

        // 2.2 builds three indexes: it names their tables, measured on the copy's rows of them.
        auto live = openDatabase(db.url());
        QVERIFY(live);
        const QStringList indexed{QStringLiteral("enforcement_log"), QStringLiteral("orders"),
                                  QStringLiteral("positions")};
        const QJsonObject indexes = stepOf(up, QStringLiteral("2.2"));
        QCOMPARE(indexes.value(QStringLiteral("tables")).toVariant().toStringList(), indexed);
        QCOMPARE(indexes.value(QStringLiteral("rows_in_tables")).toInteger(), countRows(*live, indexed));
        QCOMPARE(indexes.value(QStringLiteral("rows_touched")).toInteger(), 0);
        QVERIFY(indexes.value(QStringLiteral("rewritten_tables")).toArray().isEmpty());
        if (engine == Engine::Sqlite) {
            // One write lock on the whole file, for the step's transaction.
            QCOMPARE(locksOf(indexes), QStringList{QStringLiteral("database WRITE")});
            QCOMPARE(indexes.value(QStringLiteral("locks"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("held_ms")),
                     indexes.value(QStringLiteral("transaction_ms")));
        } else {
            // CREATE INDEX takes SHARE on its table: the sampler saw the biggest one's, held while it built.
            QVERIFY2(locksOf(indexes).contains(QStringLiteral("enforcement_log SHARE")),
                     qPrintable(locksOf(indexes).join(QStringLiteral(", "))));
            for (const QString& lock : locksOf(indexes))
                QVERIFY2(lock.endsWith(QLatin1String(" SHARE")), qPrintable(lock));
        }
        QCOMPARE(stepOf(up, QStringLiteral("2.1")).value(QStringLiteral("tables")).toVariant().toStringList(),
                 QStringList{QStringLiteral("enforcement_log")});
        // ADD COLUMN holds ACCESS EXCLUSIVE for a millisecond or two: read at the end of its statements.
        if (engine == Engine::Postgres)
            QCOMPARE(locksOf(stepOf(up, QStringLiteral("2.1"))),
                     QStringList{QStringLiteral("enforcement_log ACCESS EXCLUSIVE")});

        // The run log beside the backups keeps the rehearsal.
        const QString log = doc->value(QStringLiteral("log")).toString();
        QVERIFY2(QFileInfo::exists(log), qPrintable(log));
        auto logged = singleJsonObject(QString::fromUtf8(fileBytes(log)), &error);
        QVERIFY2(logged, qPrintable(error));
        QCOMPARE(logged->value(QStringLiteral("up")).toArray(), up);

        // The operator's text: one line per step, as the plan page shows it.
        run = CliProcess::run(cliArgs(db.url(), set, QStringList{QStringLiteral("rehearse")} + options));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QString copyRows = QStringLiteral("measured on a copy of %1 rows");
        // The report goes to stdout without --json.
        QVERIFY2(run.out.contains(engine == Engine::Sqlite
                                      ? QStringLiteral("2.2 indexes: holds the write lock ")
                                      : QStringLiteral("2.2 indexes: locks enforcement_log (SHARE) ")),
                 qPrintable(describe(run)));
        QVERIFY2(run.out.contains(copyRows.arg(RehearsedStep::rowCount(countRows(*live, indexed)))),
                 qPrintable(describe(run)));
        QCOMPARE(databaseStateOf(db.url()), before);
        QCOMPARE(rehearsalCopies(db, backupFolder(db)), QStringList());
    }

    void rewritesRowsAndMissingRollbacks_data() { engines(); }

    void rewritesRowsAndMissingRollbacks()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        const bool sqlite = engine == Engine::Sqlite;
        SetBuilder set;
        set.file(QStringLiteral("001_ticks/01_ticks.sql"),
                 sqlite ? "CREATE TABLE ticks (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL);\n"
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)\n"
                          "INSERT INTO ticks SELECT i, i % 100 FROM n;\n"
                        : "CREATE TABLE ticks (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL);\n"
                          "INSERT INTO ticks SELECT i, i % 100 FROM generate_series(1, 100000) AS i;\n")
            // No rollback script: the down pass stops before it, and says so.
            .file(QStringLiteral("002_wide/01_audit.sql"), "CREATE TABLE audit (id INTEGER PRIMARY KEY);\n")
            // A rewrite: PostgreSQL's type change, SQLite's rebuild of the table.
            .file(QStringLiteral("002_wide/02_widen.sql"),
                  sqlite ? "CREATE TABLE ticks_new (id INTEGER PRIMARY KEY, qty BIGINT NOT NULL);\n"
                           "INSERT INTO ticks_new SELECT id, qty FROM ticks;\n"
                           "DROP TABLE ticks;\n"
                           "ALTER TABLE ticks_new RENAME TO ticks;\n"
                         : "ALTER TABLE ticks ALTER COLUMN qty TYPE BIGINT;\n")
            .file(QStringLiteral("002_wide/02_widen.down.sql"),
                  sqlite ? "CREATE TABLE ticks_old (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL);\n"
                           "INSERT INTO ticks_old SELECT id, qty FROM ticks;\n"
                           "DROP TABLE ticks;\n"
                           "ALTER TABLE ticks_old RENAME TO ticks;\n"
                         : "ALTER TABLE ticks ALTER COLUMN qty TYPE INTEGER;\n")
            .file(QStringLiteral("002_wide/03_touch.sql"),
                  "UPDATE ticks SET qty = qty + 1 WHERE id <= 1234;\n")
            .file(QStringLiteral("002_wide/03_touch.down.sql"),
                  "UPDATE ticks SET qty = qty - 1 WHERE id <= 1234;\n");
        auto migrated = CliProcess::run(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("migrate"), QStringLiteral("--yes"), QStringLiteral("--no-backup"),
                     QStringLiteral("--to"), QStringLiteral("1")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        const QStringList before = databaseStateOf(db.url());

        auto run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("rehearse")}));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString error;
        auto doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        const QJsonObject rehearsal = doc->value(QStringLiteral("rehearsal")).toObject();
        const QJsonArray up = rehearsal.value(QStringLiteral("up")).toArray();
        QCOMPARE(stepSlots(up),
                 (QStringList{QStringLiteral("2.1"), QStringLiteral("2.2"), QStringLiteral("2.3")}));

        const QJsonObject widen = stepOf(up, QStringLiteral("2.2"));
        QCOMPARE(widen.value(QStringLiteral("rewritten_tables")).toVariant().toStringList(),
                 QStringList{QStringLiteral("ticks")});
        QCOMPARE(widen.value(QStringLiteral("rows_touched")).toInteger(), sqlite ? 100000 : 0);
        QCOMPARE(widen.value(QStringLiteral("rows_in_tables")).toInteger(), 100000);
        if (!sqlite) // the type change rewrites the table under ACCESS EXCLUSIVE
            QCOMPARE(locksOf(widen), QStringList{QStringLiteral("ticks ACCESS EXCLUSIVE")});
        QVERIFY2(widen.value(QStringLiteral("summary")).toString().contains(QStringLiteral("rewrote ticks")),
                 qPrintable(widen.value(QStringLiteral("summary")).toString()));

        const QJsonObject touch = stepOf(up, QStringLiteral("2.3"));
        QCOMPARE(touch.value(QStringLiteral("rows_touched")).toInteger(), 1234);
        QVERIFY(touch.value(QStringLiteral("rewritten_tables")).toArray().isEmpty());
        QCOMPARE(stepOf(up, QStringLiteral("2.1")).value(QStringLiteral("rows_touched")).toInteger(), 0);

        // 2.1 has no rollback script: the rollbacks after it ran, it is reported, and that is no failure.
        QCOMPARE(doc->value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(rehearsal.value(QStringLiteral("without_rollback")).toVariant().toStringList(),
                 QStringList{QStringLiteral("2.1")});
        QCOMPARE(stepSlots(rehearsal.value(QStringLiteral("down")).toArray()),
                 (QStringList{QStringLiteral("2.3"), QStringLiteral("2.2")}));
        const QJsonObject unwiden =
            stepOf(rehearsal.value(QStringLiteral("down")).toArray(), QStringLiteral("2.2"));
        QCOMPARE(unwiden.value(QStringLiteral("rewritten_tables")).toVariant().toStringList(),
                 QStringList{QStringLiteral("ticks")});
        QCOMPARE(stepOf(rehearsal.value(QStringLiteral("down")).toArray(), QStringLiteral("2.3"))
                     .value(QStringLiteral("rows_touched"))
                     .toInteger(),
                 1234);
        QCOMPARE(stepSlots(rehearsal.value(QStringLiteral("up_again")).toArray()),
                 (QStringList{QStringLiteral("2.2"), QStringLiteral("2.3")}));
        QVERIFY2(run.err.contains(
                     QStringLiteral("without a rollback script (not rolled back, reported only): 2.1")),
                 qPrintable(describe(run)));
        QCOMPARE(databaseStateOf(db.url()), before);
    }

    void failedRehearsalStopsMigrate_data() { engines(); }

    void failedRehearsalStopsMigrate()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        // Two accounts share a desk: the unique index of 2.2 cannot be built on the production data.
        SetBuilder set;
        set.file(QStringLiteral("001_accounts/01_accounts.sql"),
                 "CREATE TABLE accounts (id INTEGER PRIMARY KEY, desk TEXT NOT NULL);\n"
                 "INSERT INTO accounts VALUES (1, 'rates'), (2, 'fx'), (3, 'rates');\n")
            .file(QStringLiteral("002_desks/01_note.sql"), "ALTER TABLE accounts ADD COLUMN note TEXT;\n")
            .file(QStringLiteral("002_desks/01_note.down.sql"), "ALTER TABLE accounts DROP COLUMN note;\n")
            .file(QStringLiteral("002_desks/02_unique.sql"),
                  "CREATE UNIQUE INDEX idx_accounts_desk ON accounts (desk);\n");
        auto migrated = CliProcess::run(
            cliArgs(db.url(), set.path(),
                    {QStringLiteral("migrate"), QStringLiteral("--yes"), QStringLiteral("--no-backup"),
                     QStringLiteral("--to"), QStringLiteral("1")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        const QStringList before = databaseStateOf(db.url());

        auto run = CliProcess::run(cliArgs(db.url(), set.path(),
                                           {QStringLiteral("--json"), QStringLiteral("--yes"),
                                            QStringLiteral("migrate"), QStringLiteral("--rehearse")}));
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QString error;
        auto doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->value(QStringLiteral("ok")).toBool(), false);
        const QString message =
            doc->value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("rehearsal failed in its up pass")) &&
                     message.contains(QStringLiteral("2.2")),
                 qPrintable(message));
        QVERIFY2(doc->value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("unchanged"))
                     .toString()
                     .contains(QStringLiteral("live database was not touched")),
                 qPrintable(describe(run)));
        QVERIFY(doc->value(QStringLiteral("applied")).toArray().isEmpty());
        const QJsonObject rehearsal = doc->value(QStringLiteral("rehearsal")).toObject();
        QCOMPARE(stepSlots(rehearsal.value(QStringLiteral("up")).toArray()),
                 (QStringList{QStringLiteral("2.1"), QStringLiteral("2.2 FAILED")}));
        QCOMPARE(rehearsal.value(QStringLiteral("copy_dropped")).toBool(), true);

        // Not one byte of the live database changed: no step, no history row, no run journal.
        QCOMPARE(databaseStateOf(db.url()), before);
        QCOMPARE(rehearsalCopies(db, backupFolder(db)), QStringList());

        // The same run with the data fixed rehearses, then migrates.
        {
            auto live = openDatabase(db.url());
            QVERIFY(live);
            QVERIFY(live->execute(QStringLiteral("UPDATE accounts SET desk = 'credit' WHERE id = 3")).ok());
        }
        run = CliProcess::run(cliArgs(db.url(), set.path(),
                                      {QStringLiteral("--json"), QStringLiteral("--yes"),
                                       QStringLiteral("migrate"), QStringLiteral("--rehearse")}));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        doc = singleJsonObject(run.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(slotsOf(doc->value(QStringLiteral("applied")).toArray()),
                 (QStringList{QStringLiteral("2.1"), QStringLiteral("2.2")}));
        QCOMPARE(
            stepSlots(
                doc->value(QStringLiteral("rehearsal")).toObject().value(QStringLiteral("up")).toArray()),
            (QStringList{QStringLiteral("2.1"), QStringLiteral("2.2")}));
        // 2.2 has no rollback: reported by the rehearsal, which succeeded all the same.
        QCOMPARE(doc->value(QStringLiteral("rehearsal"))
                     .toObject()
                     .value(QStringLiteral("without_rollback"))
                     .toVariant()
                     .toStringList(),
                 QStringList{QStringLiteral("2.2")});
        auto live = openDatabase(db.url());
        QVERIFY(live);
        QCOMPARE(stepStatuses(*live).size(), 3);
        QCOMPARE(rehearsalCopies(db, backupFolder(db)), QStringList());
    }

    void badTargetsAreRefusedBeforeAnythingStarts()
    {
        TestDatabase sqlite(Engine::Sqlite, Content::Empty);
        STRATA_REQUIRE_DATABASE(sqlite);
        QVERIFY(makeRiskState(sqlite, 100).isEmpty());
        const QString set = riskStateSet(Engine::Sqlite);
        struct Case
        {
            QStringList command;
            int exitCode;
            QString says;
        };
        const QString existing = QDir(sqlite.folder()).filePath(QStringLiteral("taken.db"));
        QFile taken(existing);
        QVERIFY(taken.open(QIODevice::WriteOnly));
        taken.close();
        const QStringList before = stateOf(sqlite.url());
        const QList<Case> cases{
            {{QStringLiteral("rehearse"), QStringLiteral("--rehearse-on"), QStringLiteral("nonsense://x")},
             2,
             QStringLiteral("--rehearse-on \"nonsense://x\" is not a database URL")},
            {{QStringLiteral("rehearse"), QStringLiteral("--rehearse-on"), postgresServerUrl()},
             2,
             QStringLiteral("names a postgresql database")},
            {{QStringLiteral("rehearse"), QStringLiteral("--rehearse-on"),
              QStringLiteral("sqlite:") + existing},
             2,
             QStringLiteral("already exists")},
            {{QStringLiteral("--yes"), QStringLiteral("migrate"), QStringLiteral("--rehearse-on"),
              QStringLiteral("sqlite:") + existing},
             2,
             QStringLiteral("this migrate rehearses nothing")},
        };
        for (const Case& c : cases) {
            auto run = CliProcess::run(cliArgs(sqlite.url(), set, c.command));
            QVERIFY2(run.exitCode == c.exitCode, qPrintable(describe(run)));
            QVERIFY2(run.err.contains(c.says), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("Nothing was changed")), qPrintable(describe(run)));
            QCOMPARE(stateOf(sqlite.url()), before);
        }

        // A PostgreSQL server that is not there: said, and nothing was made.
        TestDatabase postgres(Engine::Postgres, Content::Empty);
        STRATA_REQUIRE_DATABASE(postgres);
        QVERIFY(makeRiskState(postgres, 100).isEmpty());
        const QStringList pgBefore = databaseStateOf(postgres.url());
        const QString nowhere =
            QStringLiteral("postgresql://strata@127.0.0.1:%1/postgres").arg(unusedLocalPort());
        auto run =
            CliProcess::run(cliArgs(postgres.url(), riskStateSet(Engine::Postgres),
                                    {QStringLiteral("rehearse"), QStringLiteral("--rehearse-on"), nowhere}));
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Cannot connect to the server named by --rehearse-on")),
                 qPrintable(describe(run)));
        QCOMPARE(databaseStateOf(postgres.url()), pgBefore);
        QCOMPARE(rehearsalCopies(postgres, backupFolder(postgres)), QStringList());
        QVERIFY(QDir(backupFolder(postgres)).entryList({QStringLiteral("*_strata_rehearsal_*")}).isEmpty());

        // The server the operator names: the copy is made and dropped there.
        run = CliProcess::run(cliArgs(postgres.url(), riskStateSet(Engine::Postgres),
                                      {QStringLiteral("--json"), QStringLiteral("rehearse"),
                                       QStringLiteral("--rehearse-on"), postgresServerUrl()}));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        auto doc = singleJsonObject(run.out);
        QVERIFY(doc);
        QVERIFY2(doc->value(QStringLiteral("rehearsal"))
                     .toObject()
                     .value(QStringLiteral("copy"))
                     .toString()
                     .startsWith(QStringLiteral("the scratch database ")),
                 qPrintable(describe(run)));
        QCOMPARE(databaseStateOf(postgres.url()), pgBefore);
        QCOMPARE(rehearsalCopies(postgres, backupFolder(postgres)), QStringList());
    }

    void aRoleWithoutCreatedbIsToldWhatToDo()
    {
        // A database of a role that may not create databases: its own tables, backed up with its rights.
        auto server = openDatabase(postgresServerUrl());
        QVERIFY(server);
        const QString role = QStringLiteral("strata_rehearsal_nocreatedb");
        const QString name = QStringLiteral("strata_rehearsal_nocreatedb_live");
        struct Cleanup
        {
            Database& server;
            QString role, name;
            ~Cleanup()
            {
                (void)server.execute(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
                (void)server.execute(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
            }
        } cleanup{*server, role, name};
        (void)server->execute(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
        (void)server->execute(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
        QVERIFY(server
                    ->execute(QStringLiteral("CREATE ROLE %1 LOGIN NOCREATEDB PASSWORD '%2'")
                                  .arg(role, qEnvironmentVariable("PGPASSWORD")))
                    .ok());
        QVERIFY(server->execute(QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(name, role)).ok());
        auto parsed = ConnectionUrl::parse(postgresServerUrl());
        QVERIFY(parsed);
        const QString url = QStringLiteral("postgresql://%1@%2:%3/%4")
                                .arg(role, parsed->postgresParameter(QStringLiteral("host")),
                                     parsed->postgresParameter(QStringLiteral("port")), name);
        {
            auto live = openDatabase(url);
            QVERIFY(live);
            QVERIFY(live->execute(QStringLiteral("CREATE TABLE accounts (id INTEGER PRIMARY KEY, desk TEXT)"))
                        .ok());
        }
        SetBuilder set;
        set.file(QStringLiteral("001_accounts/01_accounts.sql"),
                 "CREATE TABLE accounts (id INTEGER PRIMARY KEY, desk TEXT);\n")
            .file(QStringLiteral("002_note/01_note.sql"), "ALTER TABLE accounts ADD COLUMN note TEXT;\n");
        auto baseline = CliProcess::run(cliArgs(url, set.path(),
                                                {QStringLiteral("--yes"), QStringLiteral("baseline"),
                                                 QStringLiteral("--version"), QStringLiteral("1")}));
        QVERIFY2(baseline.exitCode == 0, qPrintable(describe(baseline)));
        const QStringList before = databaseStateOf(url);
        auto run = CliProcess::run(cliArgs(url, set.path(), {QStringLiteral("rehearse")}));
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("This role may not create databases")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("--rehearse-on")), qPrintable(describe(run)));
        QCOMPARE(databaseStateOf(url), before);
    }

    void noRoomForTheCopyIsSaidBeforeStarting()
    {
        // The database on a small disk, its backups beside it.
        TestDatabase scratch(Engine::Sqlite, Content::Empty);
        STRATA_REQUIRE_DATABASE(scratch);
        QVERIFY(makeRiskState(scratch, 10000).isEmpty());
        const qint64 size = QFileInfo(scratch.path()).size();
        SmallDisk disk;
        // Room for the database and its backup, not for the rehearsal's copy as well.
        STRATA_MOUNT_SMALL_DISK(disk, size * 27 / 10)
        const QString path = QDir(disk.path()).filePath(QStringLiteral("state.db"));
        QVERIFY(QFile::copy(scratch.path(), path));
        const QString url = QStringLiteral("sqlite:") + path;
        const QString set = riskStateSet(Engine::Sqlite);
        QVERIFY(disk.freeBytes() > size * 11 / 10);
        QVERIFY(disk.freeBytes() < size * 11 / 10 + size * 6 / 5);
        const QStringList before = databaseStateOf(url);

        auto run = CliProcess::run(cliArgs(url, set, {QStringLiteral("rehearse")}));
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Not enough free disk for the rehearsal")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("the rehearsal did not start")), qPrintable(describe(run)));
        QCOMPARE(databaseStateOf(url), before);

        run = CliProcess::run(cliArgs(
            url, set, {QStringLiteral("--yes"), QStringLiteral("migrate"), QStringLiteral("--rehearse")}));
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("the backup and the rehearsal's copy")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("the migration did not start")), qPrintable(describe(run)));
        QCOMPARE(databaseStateOf(url), before);
        QVERIFY(QDir(disk.path() + QStringLiteral("/backups"))
                    .entryList({QStringLiteral("*.db"), QStringLiteral("*.db*")}, QDir::Files)
                    .isEmpty());
    }

    void noRoomOnTheServerForTheCopyIsSaidBeforeStarting()
    {
        // A PostgreSQL server of its own whose data directory is on a small disk: the copy of the database
        // that the rehearsal restores there would not fit.
        SmallDisk disk;
        STRATA_MOUNT_SMALL_DISK(disk, qint64(160) << 20)
        const QString folder = disk.path() + QStringLiteral("/pg");
        const QString script = QStringLiteral(STRATA_SOURCE_DIR "/tests/support/pg-test-server.sh");
        QCOMPARE(QProcess::execute(QStringLiteral("bash"), {script, QStringLiteral("start"), folder}), 0);
        auto stop = qScopeGuard([&] {
            QProcess::execute(QStringLiteral("bash"), {script, QStringLiteral("stop"), folder});
        });
        QFile envFile(folder + QStringLiteral("/env"));
        QVERIFY(envFile.open(QIODevice::ReadOnly));
        QString serverUrl;
        QString password;
        for (const QByteArray& line : envFile.readAll().split('\n')) {
            const QString text = QString::fromUtf8(line).remove(QStringLiteral("export ")).trimmed();
            if (text.startsWith(QStringLiteral("STRATA_TEST_PG_URL=")))
                serverUrl = text.section(QLatin1Char('='), 1);
            else if (text.startsWith(QStringLiteral("PGPASSWORD=")))
                password = text.section(QLatin1Char('='), 1);
        }
        QVERIFY(!serverUrl.isEmpty() && !password.isEmpty());
        QProcessEnvironment env = CliProcess::defaultEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), password);
        auto psql = [&](const QString& url, const QString& sql) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                                             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), url,
                                             QStringLiteral("-c"), sql});
            return p.waitForFinished(120000) && p.exitCode() == 0;
        };
        QVERIFY(psql(serverUrl, QStringLiteral("CREATE DATABASE book")));
        const QString url = serverUrl.section(QLatin1Char('/'), 0, -2) + QStringLiteral("/book");
        QVERIFY(psql(url, QStringLiteral("CREATE TABLE fills AS SELECT g AS id, repeat('x', 200) AS note "
                                         "FROM generate_series(1, 120000) AS g; CHECKPOINT")));
        // Leave the disk 12 MB free: less than the 35 MB database and its room for the steps.
        const qint64 used = disk.freeBytes() >= 0 ? (qint64(160) << 20) - disk.freeBytes() : -1;
        QVERIFY(used > 0);
        QVERIFY(disk.resize(used + (qint64(12) << 20)));
        QVERIFY(disk.freeBytes() < (qint64(20) << 20));

        SetBuilder set;
        set.file(QStringLiteral("001_fills_by_id.sql"), "CREATE INDEX fills_by_id ON fills (id);\n");
        const auto run = CliProcess::run(cliArgs(url, set.path(), {QStringLiteral("rehearse")}), env);
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QVERIFY2(
            run.err.contains(QStringLiteral("Not enough free disk on the server for the rehearsal's copy")),
            qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("the rehearsal did not start")), qPrintable(describe(run)));
        // No copy was made on the server, and the database still has no index.
        QProcess list;
        list.setProcessEnvironment(env);
        list.start(QStringLiteral("psql"),
                   {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-d"), serverUrl,
                    QStringLiteral("-c"),
                    QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE 'book%rehearsal%'")});
        QVERIFY(list.waitForFinished(60000));
        QCOMPARE(QString::fromUtf8(list.readAllStandardOutput()).trimmed(), QStringLiteral("0"));
        QVERIFY(!psql(url, QStringLiteral("DO $$ BEGIN IF to_regclass('fills_by_id') IS NULL THEN RAISE "
                                          "EXCEPTION 'no index'; END IF; END $$")));
        QVERIFY(disk.resize(qint64(160) << 20)); // room for the server to stop cleanly
    }
};

QTEST_GUILESS_MAIN(TestCliRehearse)
#include "tst_cli_rehearse.moc"
