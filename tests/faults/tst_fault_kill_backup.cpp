// strata-cli killed with SIGKILL while it takes a backup (the OOM killer, a deploy job's timeout): no
// password is left in a file, no pg_dump or hook goes on running, and the next run removes the partial
// backup, says so, and takes and lists a good one, while every earlier backup stays.

#include <csignal>

#include <QRandomGenerator>
#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

/// One process as /proc shows it.
struct ProcessInfo
{
    qint64 pid = 0;
    qint64 parent = 0;
    char state = '?';
    QString name;
    QByteArray commandLine; ///< arguments joined by spaces
};

std::optional<ProcessInfo> processInfo(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = stat.readAll();
    const qsizetype open = line.indexOf('(');
    const qsizetype close = line.lastIndexOf(')');
    if (open < 0 || close < open)
        return std::nullopt;
    const QList<QByteArray> rest = line.mid(close + 2).split(' ');
    if (rest.size() < 2)
        return std::nullopt;
    ProcessInfo info;
    info.pid = pid;
    info.name = QString::fromUtf8(line.mid(open + 1, close - open - 1));
    info.state = rest.at(0).isEmpty() ? '?' : rest.at(0).at(0);
    info.parent = rest.at(1).toLongLong();
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (cmdline.open(QIODevice::ReadOnly))
        info.commandLine = cmdline.readAll().replace('\0', ' ');
    return info;
}

QList<ProcessInfo> allProcesses()
{
    QList<ProcessInfo> found;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (numeric)
            if (auto info = processInfo(pid))
                found << *info;
    }
    return found;
}

/// Whether the process runs: it exists and is neither a zombie nor dead (a killed child stays a zombie until
/// someone reaps it, which in a container may be never).
bool running(const ProcessInfo& info)
{
    return info.state != 'Z' && info.state != 'X';
}

/// Every running process below `root` (children, their children, ...).
QList<ProcessInfo> descendants(qint64 root)
{
    const QList<ProcessInfo> all = allProcesses();
    QList<ProcessInfo> found;
    QList<qint64> frontier{root};
    while (!frontier.isEmpty()) {
        const qint64 parent = frontier.takeFirst();
        for (const auto& p : all)
            if (p.parent == parent && running(p)) {
                found << p;
                frontier << p.pid;
            }
    }
    return found;
}

/// The processes of `pids` still running, and every running process whose command line holds `marker`.
QStringList survivors(const QList<qint64>& pids, const QByteArray& marker)
{
    QStringList alive;
    for (qint64 pid : pids)
        if (auto info = processInfo(pid); info && running(*info))
            alive << QStringLiteral("pid %1 (%2) %3").arg(pid).arg(info->name, info->commandLine.left(200));
    if (!marker.isEmpty())
        for (const auto& p : allProcesses())
            if (running(p) && p.commandLine.contains(marker) && !pids.contains(p.pid))
                alive << QStringLiteral("pid %1 (%2) %3").arg(p.pid).arg(p.name, p.commandLine.left(200));
    return alive;
}

/// Waits up to `timeoutMs` for all of them to be gone; returns those that are not.
QStringList waitForSurvivors(const QList<qint64>& pids, const QByteArray& marker, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QStringList alive = survivors(pids, marker);
    while (!alive.isEmpty() && !deadline.hasExpired()) {
        QThread::msleep(20);
        alive = survivors(pids, marker);
    }
    return alive;
}

/// Files below `folder` that hold `secret`.
QStringList filesHolding(const QString& folder, const QByteArray& secret)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
            found << path;
    }
    return found;
}

/// `*.partial` entries (files and folders) and their lock files in a backup folder.
QStringList partialsIn(const QString& folder)
{
    return QDir(folder).entryList({QStringLiteral("*.partial"), QStringLiteral("*.partial.lock")},
                                  QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
}

qint64 sizeOf(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return info.size();
    qint64 total = 0;
    QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

/// A strata-cli run the test watches and kills.
struct WatchedRun
{
    std::unique_ptr<QProcess> process;

    bool finished() const { return process->state() == QProcess::NotRunning; }

    /// SIGKILL; true when it was still running and died of it.
    bool kill()
    {
        if (finished() || process->waitForFinished(0))
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

/// A migration set of one quick step, with `manifest` as its strata.yaml when given.
void writeSet(SetBuilder& set, const QByteArray& manifest = {})
{
    if (!manifest.isEmpty())
        set.file(QStringLiteral("strata.yaml"), manifest);
    set.file(QStringLiteral("001_book/01_book.sql"),
             "CREATE TABLE book (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL);\n"
             "INSERT INTO book (id, symbol) VALUES (1, 'ESZ6'), (2, 'NQZ6');\n");
}

QString shellQuoted(const QString& text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QLatin1String("'\\''")) +
           QLatin1Char('\'');
}

/// The ids of the backups `strata-cli backups --json` lists, and their files.
std::optional<QJsonArray> listedBackups(const QStringList& global, const QProcessEnvironment& environment)
{
    const auto run = CliProcess::run(
        global + QStringList{QStringLiteral("--json"), QStringLiteral("backups")}, environment, 60000);
    if (run.exitCode != 0)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8());
    if (!doc.isArray())
        return std::nullopt;
    return doc.array();
}

QStringList fieldOf(const QJsonArray& array, const QString& key)
{
    QStringList values;
    for (const auto& value : array)
        values << value.toObject().value(key).toString();
    return values;
}

} // namespace

class TestFaultKillBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // PostgreSQL: kill -9 of migrate while pg_dump (two parallel workers) writes the backup.
    void postgresKilledDuringBackup()
    {
        const QByteArray password = qgetenv("PGPASSWORD");
        QVERIFY2(!password.isEmpty(), "the test server's password must be in PGPASSWORD");
        TestDatabase db(Engine::Postgres);
        STRATA_REQUIRE_DATABASE(db);
        QTemporaryDir home; // the backups (XDG_DATA_HOME) and the temporary folder (TMPDIR) of strata-cli
        QVERIFY(home.isValid());
        const QString tmp = home.filePath(QStringLiteral("tmp"));
        QVERIFY(QDir().mkpath(tmp));
        QProcessEnvironment environment = CliProcess::defaultEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("TMPDIR"), tmp);
        const QString folder = home.filePath(QStringLiteral("data/strata/backups"));
        SetBuilder set;
        writeSet(set);
        const QStringList global{QStringLiteral("--db"), db.url(), QStringLiteral("--migrations"),
                                 set.path()};

        // An earlier backup, of the small database: it must survive everything below.
        const auto earlier = CliProcess::run(
            global + QStringList{QStringLiteral("--json"), QStringLiteral("backup")}, environment);
        QVERIFY2(earlier.exitCode == 0, qPrintable(describe(earlier)));
        const QString earlierId = earlier.json().value(QStringLiteral("id")).toString();
        const QString earlierPath = earlier.json().value(QStringLiteral("path")).toString();
        QVERIFY(!earlierId.isEmpty());
        const QString earlierSha = earlier.json().value(QStringLiteral("sha256")).toString();

        // Enough rows that each pg_dump worker spends a few seconds on its table.
        {
            auto writer = openDatabase(db.url());
            QVERIFY(writer);
            for (const QString& table : {QStringLiteral("fills_a"), QStringLiteral("fills_b")}) {
                QVERIFY(writer->execute(QStringLiteral("CREATE TABLE %1 (id bigint, note text)").arg(table)));
                QVERIFY(writer->execute(QStringLiteral("INSERT INTO %1 SELECT g, md5(g::text) FROM "
                                                       "generate_series(1, 2500000) g")
                                            .arg(table)));
            }
        }

        WatchedRun run{CliProcess::start(
            global + QStringList{QStringLiteral("migrate"), QStringLiteral("--yes")}, environment)};
        QVERIFY(run.process->waitForStarted(30000));
        const qint64 strataPid = run.process->processId();
        // Mid-dump: the .dumpdir.partial holds table data and pg_dump's workers are at work.
        QString partial;
        QList<qint64> children;
        QDeadlineTimer deadline(120000);
        bool midDump = false;
        while (!midDump && !deadline.hasExpired() && !run.finished()) {
            const QStringList found = QDir(folder).entryList({QStringLiteral("*.dumpdir.partial")},
                                                             QDir::Dirs | QDir::NoDotAndDotDot);
            const QList<ProcessInfo> below = descendants(strataPid);
            for (const auto& p : below)
                if (!children.contains(p.pid))
                    children << p.pid;
            int dumps = 0;
            for (const auto& p : below)
                dumps += p.name == QLatin1String("pg_dump") ? 1 : 0;
            if (found.size() == 1) {
                partial = QDir(folder).filePath(found.first());
                bool data = false;
                for (const QFileInfo& f :
                     QDir(partial).entryInfoList({QStringLiteral("*.dat.gz")}, QDir::Files))
                    data = data || f.size() > 0;
                midDump = data && dumps >= 2;
            }
            if (!midDump)
                QThread::msleep(5);
        }
        QVERIFY2(midDump, qPrintable(QStringLiteral("the run never got into its backup:\n") + run.output()));
        QVERIFY2(run.kill(), qPrintable(QStringLiteral("the run ended before the kill:\n") + run.output()));

        // No file holds the password: not in the temporary folder, not beside the backups.
        QCOMPARE(filesHolding(tmp, password), QStringList());
        QCOMPARE(filesHolding(home.filePath(QStringLiteral("data")), password), QStringList());
        // No pg_dump (leader or worker) and nothing else strata-cli started goes on running.
        const QStringList alive = waitForSurvivors(children, QFile::encodeName(partial), 1000);
        QVERIFY2(alive.isEmpty(), qPrintable(QStringLiteral("still running 1 s after the kill:\n") +
                                             alive.join(QLatin1Char('\n'))));
        QVERIFY2(QFileInfo(partial).isDir(), "the kill left no partial backup: it was not mid-backup");
        QVERIFY(sizeOf(partial) > 0);

        // What older runs left too: the password file an older Strata gave pg_dump (QTemporaryFile's name)
        // and a restore's scratch database on the server.
        const QString passfile = QDir(tmp).filePath(QStringLiteral("strata-cli.Xq7Lp2"));
        {
            QFile file(passfile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("*:*:*:*:" + password + "\n");
        }
        const QString scratch = ConnectionUrl::parse(db.url())->postgresParameter(QStringLiteral("dbname")) +
                                QStringLiteral("_strata_restore");
        auto server = openDatabase(db.url());
        QVERIFY(server);
        QVERIFY(server->execute(QStringLiteral("CREATE DATABASE \"%1\"").arg(scratch)));
        auto dropScratch = qScopeGuard(
            [&] { (void)server->execute(QStringLiteral("DROP DATABASE IF EXISTS \"%1\"").arg(scratch)); });

        // status names what the killed run left (and removes nothing but the password file).
        const auto status = CliProcess::run(
            global + QStringList{QStringLiteral("--json"), QStringLiteral("status")}, environment);
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        QStringList listed;
        for (const auto& value : status.json().value(QStringLiteral("leftovers")).toArray()) {
            const QJsonObject item = value.toObject();
            listed << QStringLiteral("%1 %2 %3")
                          .arg(item.value(QStringLiteral("kind")).toString(),
                               item.value(QStringLiteral("where")).toString(),
                               item.value(QStringLiteral("removed")).toBool() ? QStringLiteral("removed")
                                                                              : QStringLiteral("listed"));
        }
        QVERIFY2(listed.contains(QStringLiteral("partial_backup %1 listed").arg(partial)),
                 qPrintable(describe(status)));
        QVERIFY2(listed.contains(QStringLiteral("scratch_database %1 listed").arg(scratch)),
                 qPrintable(describe(status)));
        QVERIFY2(listed.contains(QStringLiteral("password_file %1 removed").arg(passfile)),
                 qPrintable(describe(status)));
        QVERIFY(QFileInfo(partial).isDir());
        QVERIFY(!QFileInfo::exists(passfile));

        // The server ends the killed sessions on its own time; then the rerun passes its pre-flight.
        QVERIFY2(waitForOtherSessionsToEnd(*server, 10000), "sessions of the killed run stay on the server");
        const auto rerun = CliProcess::run(
            global + QStringList{QStringLiteral("--json"), QStringLiteral("--lock-timeout"),
                                 QStringLiteral("30"), QStringLiteral("migrate"), QStringLiteral("--yes")},
            environment, 180000);
        QVERIFY2(rerun.exitCode == 0, qPrintable(describe(rerun)));
        const QString said = QStringLiteral("Removed a partial backup a killed run left: %1 (").arg(partial);
        QVERIFY2(rerun.err.contains(said), qPrintable(said + QStringLiteral("\n") + describe(rerun)));
        QVERIFY(!QFileInfo::exists(partial));
        QCOMPARE(partialsIn(folder), QStringList());
        // The scratch database is listed with the command that drops it: another restore may be about to use
        // it.
        const QString drop = QStringLiteral("DROP DATABASE \"%1\";").arg(scratch);
        QVERIFY2(rerun.err.contains(drop), qPrintable(drop + QStringLiteral("\n") + describe(rerun)));

        // Both backups are listed and verified; the earlier one is unchanged.
        const auto backups = listedBackups(global, environment);
        QVERIFY(backups);
        const QStringList ids = fieldOf(*backups, QStringLiteral("id"));
        QCOMPARE(ids.size(), 2);
        QVERIFY(ids.contains(earlierId));
        for (const QString& file : fieldOf(*backups, QStringLiteral("file")))
            QVERIFY2(!file.contains(QLatin1String(".partial")), qPrintable(file));
        for (const QString& id : ids) {
            const auto verify =
                CliProcess::run(global + QStringList{QStringLiteral("verify"), id}, environment);
            QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));
        }
        QVERIFY(QFileInfo::exists(earlierPath));
        for (const auto& value : *backups)
            if (value.toObject().value(QStringLiteral("id")).toString() == earlierId)
                QCOMPARE(value.toObject().value(QStringLiteral("sha256")).toString(), earlierSha);
        QCOMPARE(filesHolding(tmp, password), QStringList());
    }

    // SQLite: kill -9 of backup while the copy of a database of tens of MB is written or checked.
    void sqliteKilledDuringBackup()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        {
            auto writer = openDatabase(db.url());
            QVERIFY(writer);
            QVERIFY(
                writer->execute(QStringLiteral("CREATE TABLE ticks (id INTEGER PRIMARY KEY, payload BLOB)")));
            QVERIFY(writer->execute(QStringLiteral(
                "INSERT INTO ticks (payload) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
                "WHERE n < 40000) SELECT randomblob(1000) FROM c")));
            QVERIFY(writer->execute(QStringLiteral("CREATE INDEX ticks_payload ON ticks (payload)")));
        }
        QVERIFY(QFileInfo(db.path()).size() > 40'000'000);
        const QString folder = QDir(db.folder()).filePath(QStringLiteral("backups"));
        const QStringList global{QStringLiteral("--db"), db.url()};

        QString partial;
        qint64 partialSize = 0;
        for (int attempt = 0; attempt < 3 && partial.isEmpty(); ++attempt) {
            WatchedRun run{CliProcess::start(global + QStringList{QStringLiteral("backup")})};
            QVERIFY(run.process->waitForStarted(30000));
            QDeadlineTimer deadline(60000);
            QString seen;
            while (seen.isEmpty() && !deadline.hasExpired() && !run.finished()) {
                const QFileInfoList found =
                    QDir(folder).entryInfoList({QStringLiteral("*.partial")}, QDir::Files);
                if (!found.isEmpty() && found.first().size() > 0)
                    seen = found.first().absoluteFilePath();
                else
                    QThread::msleep(1);
            }
            if (seen.isEmpty() || !run.kill() || !QFileInfo::exists(seen)) {
                // The backup finished between two looks: take the next one.
                run.process->waitForFinished(60000);
                continue;
            }
            partial = seen;
            partialSize = QFileInfo(seen).size();
        }
        QVERIFY2(!partial.isEmpty(), "three backups in a row finished before they could be killed");
        QVERIFY(partialSize > 0);

        const auto rerun =
            CliProcess::run(global + QStringList{QStringLiteral("--json"), QStringLiteral("backup")});
        QVERIFY2(rerun.exitCode == 0, qPrintable(describe(rerun)));
        const QString said = QStringLiteral("Removed a partial backup a killed run left: %1 (").arg(partial);
        QVERIFY2(rerun.err.contains(said), qPrintable(said + QStringLiteral("\n") + describe(rerun)));
        bool reported = false;
        for (const auto& value : rerun.json().value(QStringLiteral("leftovers")).toArray())
            reported = reported || (value.toObject().value(QStringLiteral("where")).toString() == partial &&
                                    value.toObject().value(QStringLiteral("removed")).toBool());
        QVERIFY2(reported, qPrintable(rerun.out));
        QCOMPARE(partialsIn(folder), QStringList());

        // The catalog lists the rerun's backup, verified, and no partial one.
        const auto backups = listedBackups(global, CliProcess::defaultEnvironment());
        QVERIFY(backups);
        const QStringList files = fieldOf(*backups, QStringLiteral("file"));
        for (const QString& file : files)
            QVERIFY2(!file.contains(QLatin1String(".partial")), qPrintable(file));
        QVERIFY(fieldOf(*backups, QStringLiteral("id"))
                    .contains(rerun.json().value(QStringLiteral("id")).toString()));
        const auto verify =
            CliProcess::run(global + QStringList{QStringLiteral("verify"),
                                                 rerun.json().value(QStringLiteral("id")).toString()});
        QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));
    }

    // A restore killed while it kept the database aside leaves `<file>.failed_<time>.partial` beside it:
    // status lists it, backup (which does not hold the run lock) lists it, migrate removes it.
    void partialCopyOfAKilledRestoreGoesUnderTheRunLock()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        const QString copy = db.path() + QStringLiteral(".failed_20261206-101500.partial");
        QVERIFY(QFile::copy(db.path(), copy));
        SetBuilder set;
        writeSet(set);
        const auto status = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("status")}));
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        QVERIFY2(status.out.contains(copy), qPrintable(describe(status)));
        const auto backup = CliProcess::run(cliArgs(db.url(), set.path(), {QStringLiteral("backup")}));
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
        QVERIFY2(backup.err.contains(
                     QStringLiteral("A killed restore left a partial copy of the database: ") + copy),
                 qPrintable(describe(backup)));
        QVERIFY(QFileInfo::exists(copy));
        const auto migrate = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrate.exitCode == 0, qPrintable(describe(migrate)));
        QVERIFY2(
            migrate.err.contains(QStringLiteral("Removed the partial copy a killed restore left: ") + copy),
            qPrintable(describe(migrate)));
        QVERIFY(!QFileInfo::exists(copy));
    }

    // A hook is the operator's script: the password Strata logs in with is never in its environment.
    void hookNeverSeesThePassword()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        QTemporaryDir dir;
        const QString seen = dir.filePath(QStringLiteral("hook-env.txt"));
        SetBuilder set;
        writeSet(set, QStringLiteral(
                          "name: desk\ndialects: [sqlite, postgres]\nhooks:\n  pre: \"env > %1; env\"\n")
                          .arg(shellQuoted(seen))
                          .toUtf8());
        const QByteArray secret =
            "hook-must-not-see-" + QByteArray::number(QRandomGenerator::global()->generate());
        QProcessEnvironment environment = CliProcess::defaultEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), QString::fromLatin1(secret));
        const auto run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}), environment);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QByteArray hookEnvironment = fileBytes(seen);
        QVERIFY2(hookEnvironment.contains("STRATA_RUN_ID="), hookEnvironment.constData()); // the hook did run
        QVERIFY2(!hookEnvironment.contains("PGPASSWORD"), hookEnvironment.constData());
        QVERIFY(!hookEnvironment.contains(secret));
        QVERIFY2(!run.err.contains(QString::fromLatin1(secret)), qPrintable(run.err)); // nor what it printed
    }

    // While strata-cli lives, what a hook started and left running (the daemon the post hook starts) stays.
    void daemonThePostHookStartedKeepsRunning()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        QTemporaryDir dir;
        const QString daemonPid = dir.filePath(QStringLiteral("daemon.pid"));
        SetBuilder set;
        writeSet(set,
                 QStringLiteral("name: desk\ndialects: [sqlite, postgres]\nhooks:\n  post: \"sleep 300 > "
                                "/dev/null 2>&1 & echo $! > %1\"\n")
                     .arg(shellQuoted(daemonPid))
                     .toUtf8());
        const auto run = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const qint64 pid = fileBytes(daemonPid).trimmed().toLongLong();
        QVERIFY(pid > 0);
        QThread::msleep(500);
        const QStringList alive = survivors({pid}, {});
        if (!alive.isEmpty())
            ::kill(static_cast<pid_t>(pid), SIGKILL);
        QCOMPARE(alive.size(), 1);
    }

    // A hook, and what it started, die with strata-cli.
    void hookDiesWithStrata()
    {
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        QTemporaryDir dir;
        const QString hookPid = dir.filePath(QStringLiteral("hook.pid"));
        const QString childPid = dir.filePath(QStringLiteral("child.pid"));
        const QString script = dir.filePath(QStringLiteral("stop-daemon.sh"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral("echo $$ > %1.tmp && mv %1.tmp %1\nsleep 300 &\necho $! > %2.tmp && mv %2.tmp "
                           "%2\nwait\n")
                .arg(shellQuoted(hookPid), shellQuoted(childPid))
                .toUtf8());
        file.close();
        SetBuilder set;
        writeSet(set, QStringLiteral("name: desk\ndialects: [sqlite, postgres]\nhooks:\n  pre: \"sh %1\"\n")
                          .arg(shellQuoted(script))
                          .toUtf8());
        WatchedRun run{CliProcess::start(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}))};
        QVERIFY(run.process->waitForStarted(30000));
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired() && !run.finished() &&
               !(QFileInfo::exists(hookPid) && QFileInfo::exists(childPid)))
            QThread::msleep(5);
        QVERIFY2(QFileInfo::exists(childPid),
                 qPrintable(QStringLiteral("the hook never ran:\n") + run.output()));
        const QList<qint64> pids{fileBytes(hookPid).trimmed().toLongLong(),
                                 fileBytes(childPid).trimmed().toLongLong()};
        QCOMPARE(survivors(pids, {}).size(), 2);
        QVERIFY2(run.kill(), qPrintable(QStringLiteral("the run ended before the kill:\n") + run.output()));
        const QStringList alive = waitForSurvivors(pids, {}, 1000);
        for (qint64 pid : pids) // a test that fails leaves nothing running either
            if (auto info = processInfo(pid); info && running(*info))
                ::kill(static_cast<pid_t>(pid), SIGKILL);
        QVERIFY2(alive.isEmpty(), qPrintable(QStringLiteral("still running 1 s after the kill:\n") +
                                             alive.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestFaultKillBackup)
#include "tst_fault_kill_backup.moc"
