// strata-cli killed with SIGKILL in the middle of a restore (a deploy job's timeout, the OOM killer), on
// both engines: the database is either as it was before the restore or as the backup, never a mix; no
// backup is lost or changed; no pg_restore goes on running; and the restore run again succeeds.

#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

constexpr int kSqliteRows = 400000;   // about 60 MB: each phase of the restore takes a while
constexpr int kPostgresRows = 300000; // pg_restore loads and indexes it for a second or more

void writeSet(SetBuilder& set)
{
    set.file(QStringLiteral("001_limits/01_limits.sql"),
             "CREATE TABLE limits (id INTEGER PRIMARY KEY, desk_id INTEGER NOT NULL, notional NUMERIC);\n"
             "INSERT INTO limits (id, desk_id, notional) VALUES (1, 1, 5000000);\n");
}

/// The positions the daemon wrote before the backup: many rows, and an index to rebuild.
QString fillPositions(Engine engine, const QString& url)
{
    QString error;
    auto db = openDatabase(url, &error);
    if (!db)
        return error;
    const QString sql =
        engine == Engine::Sqlite
            ? QStringLiteral(
                  "CREATE TABLE positions (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, qty INTEGER "
                  "NOT NULL, note TEXT NOT NULL);\n"
                  "INSERT INTO positions (symbol, qty, note) WITH RECURSIVE c(n) AS (SELECT 1 UNION "
                  "ALL SELECT n + 1 FROM c WHERE n < %1) SELECT 'CON.F.US.CLE.F' || (n % 97), n, "
                  "hex(randomblob(50)) FROM c;\n"
                  "CREATE INDEX idx_positions_symbol ON positions (symbol, qty);")
                  .arg(kSqliteRows)
            : QStringLiteral(
                  "CREATE TABLE positions (id BIGSERIAL PRIMARY KEY, symbol TEXT NOT NULL, qty BIGINT "
                  "NOT NULL, note TEXT NOT NULL);\n"
                  "INSERT INTO positions (symbol, qty, note) SELECT 'CON.F.US.CLE.F' || (n % 97), n, "
                  "md5(n::text) || md5((n * 7)::text) FROM generate_series(1, %1) AS n;\n"
                  "CREATE INDEX idx_positions_symbol ON positions (symbol, qty);")
                  .arg(kPostgresRows);
    if (auto done = db->runScript(SqlScript{QStringLiteral("positions"), sql.toUtf8(), 1}, false); !done)
        return done.error().toText();
    return {};
}

/// What must come back whole: the tables, their row counts and Strata's history (no file bytes: a SQLite
/// file's pages may move while its content stays the same).
QStringList contentOf(const QString& url)
{
    QString error;
    auto db = openDatabase(url, &error);
    if (!db)
        return {QStringLiteral("ERROR ") + error};
    QStringList lines = snapshot(*db);
    lines << queryLines(*db, QStringLiteral("SELECT count(*), sum(qty), max(note) FROM positions"));
    return lines;
}

struct BackupFile
{
    QString id;
    QString path;
    QString sha256;
};

/// SHA-256 of a backup file, or of every file of a pg_dump directory in name order.
QString digestOf(const QString& path)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (QFileInfo(path).isDir()) {
        for (const QString& name : QDir(path).entryList(QDir::Files, QDir::Name))
            hash.addData(fileBytes(QDir(path).filePath(name)));
    } else {
        hash.addData(fileBytes(path));
    }
    return QString::fromLatin1(hash.result().toHex());
}

bool databaseExists(const QString& url, const QString& name)
{
    auto db = openDatabase(url);
    return db && queryLines(*db, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?"), {name})
                         .value(0) == QLatin1String("1");
}

QString databaseNameOf(const QString& url)
{
    return QUrl(url).path().mid(1);
}

/// Waits until no session is connected to the database of `url` (the killed run's, or one this test just
/// closed, which the server ends a moment later), watching from the server's `postgres` database so that the
/// watcher is no such session itself.
bool waitForNoSessionsOn(const QString& url)
{
    QUrl maintenance(url);
    maintenance.setPath(QStringLiteral("/postgres"));
    auto server = openDatabase(maintenance.toString());
    if (!server)
        return false;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (queryLines(*server, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = ?"),
                       {databaseNameOf(url)})
                .value(0) == QLatin1String("0"))
            return true;
        QThread::msleep(50);
    }
    return false;
}

/// The running processes whose command line holds `marker` (zombies and the dead do not count).
QStringList processesWith(const QByteArray& marker)
{
    QStringList found;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        const QByteArray stat = fileBytes(QStringLiteral("/proc/%1/stat").arg(entry));
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.size() || stat.at(close + 2) == 'Z' || stat.at(close + 2) == 'X')
            continue;
        QByteArray cmdline = fileBytes(QStringLiteral("/proc/%1/cmdline").arg(entry));
        cmdline.replace('\0', ' ');
        if (cmdline.contains(marker))
            found << QStringLiteral("pid %1: %2").arg(entry, QString::fromUtf8(cmdline.left(200)));
    }
    return found;
}

} // namespace

class TestFaultRestore : public QObject
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

    void killedDuringRestore_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::addColumn<QString>("killWhen");
        // SQLite keeps the current database aside first, then loads the backup in one write transaction.
        QTest::newRow("sqlite, keeping the current database aside")
            << Engine::Sqlite << QStringLiteral("restore: copy of the current database");
        QTest::newRow("sqlite, loading the backup") << Engine::Sqlite << QStringLiteral("restore: restore ");
        // PostgreSQL restores into a database of its own, then swaps the names.
        QTest::newRow("postgresql, pg_restore running")
            << Engine::Postgres << QStringLiteral("_strata_restore");
    }

    void killedDuringRestore()
    {
        QFETCH(Engine, engine);
        QFETCH(QString, killWhen);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        const QString filled = fillPositions(engine, db.url());
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
        SetBuilder set;
        writeSet(set);

        // The backup of the database as the daemon left it, then a migration and more rows after it.
        const auto backup = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("backup")}));
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
        const QJsonObject record = backup.json().value(QStringLiteral("backup")).toObject().isEmpty()
                                       ? backup.json()
                                       : backup.json().value(QStringLiteral("backup")).toObject();
        BackupFile taken{record.value(QStringLiteral("id")).toString(),
                         record.value(QStringLiteral("path")).toString(),
                         {}};
        QVERIFY2(!taken.id.isEmpty() && QFileInfo::exists(taken.path), qPrintable(backup.out));
        taken.sha256 = digestOf(taken.path);
        const QStringList backupContent = contentOf(db.url());

        const auto migrated = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        {
            auto open = openDatabase(db.url());
            QVERIFY(open);
            QVERIFY(
                open->execute(QStringLiteral("INSERT INTO desks (id, name) VALUES (7, 'after the backup')"))
                    .ok());
        }
        const QStringList before = contentOf(db.url());
        QVERIFY(before != backupContent);

        // The restore, killed in the middle.
        auto process = CliProcess::start(
            cliArgs(db.url(), set.path(), {QStringLiteral("restore"), taken.id, QStringLiteral("--yes")}));
        QVERIFY(process->waitForStarted(30000));
        QString seen;
        QDeadlineTimer deadline(120000);
        bool reached = false;
        while (!deadline.hasExpired() && process->state() != QProcess::NotRunning) {
            process->waitForReadyRead(20);
            seen += QString::fromUtf8(process->readAllStandardError());
            reached =
                engine == Engine::Sqlite
                    ? seen.contains(killWhen)
                    : databaseExists(db.url(), databaseNameOf(db.url()) + QStringLiteral("_strata_restore"));
            if (reached)
                break;
        }
        QVERIFY2(reached, qPrintable(QStringLiteral("the restore never got there:\n") + seen));
        if (engine == Engine::Postgres)
            QThread::msleep(300); // pg_restore is loading rows now
        process->kill();
        QVERIFY(process->waitForFinished(30000));
        QVERIFY2(process->exitStatus() == QProcess::CrashExit,
                 qPrintable(QStringLiteral("the restore ended before the kill:\n") + seen +
                            QString::fromUtf8(process->readAllStandardError())));

        // Never a mix: the database is as it was before the restore began (the restore changes the live
        // database in one transaction, or by one rename at its very end).
        QCOMPARE(contentOf(db.url()), before);
        // No pg_restore (nor pg_dump) outlives the killed run.
        QDeadlineTimer gone(10000);
        QStringList children = processesWith(taken.path.toUtf8());
        while (!children.isEmpty() && !gone.hasExpired()) {
            QThread::msleep(50);
            children = processesWith(taken.path.toUtf8());
        }
        QVERIFY2(children.isEmpty(), qPrintable(children.join(QLatin1Char('\n'))));
        // The backup is untouched.
        QCOMPARE(digestOf(taken.path), taken.sha256);

        // Run again once the server has ended the killed run's session (the re-run's pre-flight rightly
        // refuses while another session is on the database): it restores, and the database is the backup's.
        if (engine == Engine::Postgres)
            QVERIFY2(waitForNoSessionsOn(db.url()), "the killed restore's session never ended");
        const auto again = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("restore"), taken.id, QStringLiteral("--yes")}));
        QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
        QCOMPARE(contentOf(db.url()), backupContent);
        if (engine == Engine::Sqlite) {
            // A copy aside that the killed run never finished is removed by the next run, which says so.
            const QStringList partials =
                QDir(db.folder()).entryList({QStringLiteral("*.partial")}, QDir::Files);
            QVERIFY2(partials.isEmpty(), qPrintable(partials.join(QLatin1Char(','))));
            if (killWhen.contains(QLatin1String("copy of the current")))
                QVERIFY2(again.err.contains(QStringLiteral(".partial")), qPrintable(again.err));
        }
        QCOMPARE(digestOf(taken.path), taken.sha256);
        if (engine == Engine::Postgres)
            QVERIFY2(!databaseExists(db.url(), databaseNameOf(db.url()) + QStringLiteral("_strata_restore")),
                     "the killed restore's database is still on the server");
        // The backups listed before are all still listed.
        const auto listed = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("--json"), QStringLiteral("backups")}));
        QVERIFY2(listed.out.contains(taken.id), qPrintable(listed.out));
    }
};

QTEST_GUILESS_MAIN(TestFaultRestore)
#include "tst_fault_restore.moc"
