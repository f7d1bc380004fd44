// strata-cli on full disks, each a small tmpfs: the backup folder already full (backup and migrate refuse
// before they write anything), the disk filling up while a backup is written (SQLite's copy and pg_dump's
// directory) or once it is written (its manifest, the catalog's lock file, the catalog), and too little room
// beside a SQLite database for the copy a restore keeps aside. Each is followed by a rerun once there is
// room, and a check that no row, backup or history row was lost.

#include <csignal>

#include <QRandomGenerator>
#include <QScopeGuard>
#include <QStorageInfo>
#include <QtTest>

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

bool underCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

struct Command
{
    int exitCode = -1;
    QString output;
};

/// A helper program run to its end (mount, umount), with both streams.
Command runProgram(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    Command result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.output = QStringLiteral("%1 did not finish in time. ").arg(program);
    }
    result.output += QString::fromUtf8(process.readAll());
    if (process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    return result;
}

/// A tmpfs of a given size on a folder of its own; unmounted by the test's scope guard.
class Tmpfs
{
public:
    bool mount(const QString& size, QString* error)
    {
        if (!m_point.isValid()) {
            *error = QStringLiteral("no temporary folder to mount on");
            return false;
        }
        const Command mounted = runProgram(
            QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                      QStringLiteral("size=") + size, QStringLiteral("tmpfs"), path()});
        m_mounted = mounted.exitCode == 0;
        if (!m_mounted)
            *error = QStringLiteral("mount -t tmpfs -o size=%1 failed: %2").arg(size, mounted.output);
        return m_mounted;
    }

    /// Makes the filesystem larger (or smaller) in place, with everything on it.
    QString resize(const QString& size)
    {
        const Command remounted = runProgram(
            QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,size=") + size, path()});
        return remounted.exitCode == 0 ? QString() : remounted.output;
    }

    void unmount()
    {
        if (!m_mounted)
            return;
        if (runProgram(QStringLiteral("umount"), {path()}).exitCode != 0)
            runProgram(QStringLiteral("umount"), {QStringLiteral("-l"), path()});
        m_mounted = false;
    }

    QString path() const { return m_point.path(); }
    QString filePath(const QString& name) const { return QDir(path()).filePath(name); }

private:
    QTemporaryDir m_point;
    bool m_mounted = false;
};

/// Mounts `tmpfs` with `size` and unmounts it when the test function ends, however it ends. Needs root: CI
/// runs as root and must run these tests, so there a missing mount fails the test instead of skipping it.
#define STRATA_MOUNT_TMPFS(tmpfs, size)                                                                      \
    if (::geteuid() != 0) {                                                                                  \
        if (underCi())                                                                                       \
            QFAIL("mounting a small tmpfs needs root, and CI must run this test");                           \
        QSKIP("mounting a small tmpfs needs root (run as root or under CI)");                                \
    }                                                                                                        \
    {                                                                                                        \
        QString mountError;                                                                                  \
        if (!(tmpfs).mount((size), &mountError)) {                                                           \
            if (underCi())                                                                                   \
                QFAIL(qPrintable(mountError));                                                               \
            QSKIP(qPrintable(mountError));                                                                   \
        }                                                                                                    \
    }                                                                                                        \
    auto unmountTmpfs = qScopeGuard([&] { (tmpfs).unmount(); })

qint64 freeBytes(const QString& folder)
{
    return QStorageInfo(folder).bytesAvailable();
}

/// Takes every free byte of the filesystem `filler` is on with that file (preallocated, so it is quick enough
/// to land while a backup is being written). Returns the bytes still free afterwards.
qint64 fillUp(const QString& filler)
{
    const int fd = ::open(QFile::encodeName(filler).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    off_t offset = 0;
    const qint64 free = freeBytes(QFileInfo(filler).absolutePath());
    if (free > 0 && ::posix_fallocate(fd, 0, static_cast<off_t>(free)) == 0)
        offset = static_cast<off_t>(free);
    for (off_t chunk = 1 << 20; chunk >= 4096;) {
        if (::posix_fallocate(fd, offset, chunk) == 0)
            offset += chunk;
        else
            chunk /= 2;
    }
    ::close(fd);
    return freeBytes(QFileInfo(filler).absolutePath());
}

/// Every running process below `root` (children, their children, ...): strata-cli's pg_dump and its workers.
QList<qint64> descendantsOf(qint64 root)
{
    QHash<qint64, qint64> parents;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        const QByteArray stat = fileBytes(QStringLiteral("/proc/%1/stat").arg(pid));
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> rest = stat.mid(close + 2).split(' ');
        if (rest.size() > 1)
            parents.insert(pid, rest.at(1).toLongLong());
    }
    QList<qint64> found;
    QList<qint64> frontier{root};
    while (!frontier.isEmpty()) {
        const qint64 parent = frontier.takeFirst();
        for (auto it = parents.cbegin(); it != parents.cend(); ++it)
            if (it.value() == parent && !found.contains(it.key())) {
                found << it.key();
                frontier << it.key();
            }
    }
    return found;
}

/// When the test fills the disk under a run: as soon as an entry matching `pattern` is in `folder` (the
/// `.partial` a backup or a restore writes), or as soon as the run prints `said` on stderr.
struct FillWhen
{
    QString folder;
    QString pattern;
    QString said;
};

/// Starts strata-cli and, at the moment `when` says, holds the run and its children still (SIGSTOP), takes
/// every free byte of the disk and lets them go on: their next write meets a full disk, whatever the timing.
/// Returns the run's outcome and, in `seen`, what it saw (empty when the run ended before that moment).
CliProcess::Outcome runUntilTheDiskFills(const QStringList& arguments, const FillWhen& when,
                                         const QString& filler, QString* seen, qint64* freeAfterFill)
{
    auto process = CliProcess::start(arguments);
    if (!process->waitForStarted(30000))
        return CliProcess::finish(*process);
    const qint64 pid = process->processId();
    QString err;
    QDeadlineTimer deadline(60000);
    while (seen->isEmpty() && !deadline.hasExpired() && process->state() != QProcess::NotRunning) {
        if (!when.said.isEmpty()) {
            process->waitForReadyRead(1);
            err += QString::fromUtf8(process->readAllStandardError());
            if (err.contains(when.said))
                *seen = when.said;
        } else {
            const QStringList found =
                QDir(when.folder).entryList({when.pattern}, QDir::Files | QDir::Dirs | QDir::Hidden);
            if (!found.isEmpty())
                *seen = QDir(when.folder).filePath(found.first());
        }
        if (seen->isEmpty()) {
            QThread::usleep(200);
            continue;
        }
        QList<qint64> held{pid};
        ::kill(static_cast<pid_t>(pid), SIGSTOP);
        for (qint64 child : descendantsOf(pid)) {
            ::kill(static_cast<pid_t>(child), SIGSTOP);
            held << child;
        }
        *freeAfterFill = fillUp(filler);
        for (qint64 stopped : held)
            ::kill(static_cast<pid_t>(stopped), SIGCONT);
    }
    auto outcome = CliProcess::finish(*process, 120000);
    outcome.err.prepend(err);
    return outcome;
}

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

/// `*.partial` entries (files and folders) and their lock files in a folder.
QStringList partialsIn(const QString& folder)
{
    return QDir(folder).entryList({QStringLiteral("*.partial"), QStringLiteral("*.partial.lock")},
                                  QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
}

/// An operator config whose backup.directory is `folder`.
QString writeConfig(const QTemporaryDir& dir, const QString& folder)
{
    const QString path = dir.filePath(QStringLiteral("database.yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QStringLiteral("database:\n  backup:\n    directory: \"%1\"\n").arg(folder).toUtf8());
    return path;
}

/// A backup as the test remembers it: its id, its file and the SHA-256 of what is on disk.
struct Taken
{
    QString id;
    QString path;
    QString sha256;
};

std::optional<Taken> takenBy(const CliProcess::Outcome& run)
{
    QJsonObject record = run.json();
    if (record.contains(QStringLiteral("backup")))
        record = record.value(QStringLiteral("backup")).toObject();
    Taken taken{
        record.value(QStringLiteral("id")).toString(), record.value(QStringLiteral("path")).toString(), {}};
    if (run.exitCode != 0 || taken.id.isEmpty() || !QFileInfo::exists(taken.path))
        return std::nullopt;
    taken.sha256 = digestOf(taken.path);
    return taken;
}

/// What `strata-cli backups --json` lists: id -> path.
QMap<QString, QString> listed(const QStringList& global)
{
    const auto run =
        CliProcess::run(global + QStringList{QStringLiteral("--json"), QStringLiteral("backups")});
    QMap<QString, QString> backups;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8());
    for (const auto& value : doc.array())
        backups.insert(value.toObject().value(QStringLiteral("id")).toString(),
                       value.toObject().value(QStringLiteral("path")).toString());
    if (run.exitCode != 0 || !doc.isArray())
        backups.insert(QStringLiteral("ERROR"), describe(run));
    return backups;
}

/// Each earlier backup is still listed, at its place, with the bytes it had.
QString lostBackups(const QStringList& global, const QList<Taken>& earlier)
{
    const auto now = listed(global);
    QStringList lost;
    for (const Taken& t : earlier) {
        if (now.value(t.id) != t.path)
            lost << QStringLiteral("%1 is no longer listed at %2 (listed: %3)")
                        .arg(t.id, t.path, QStringList(now.keys()).join(QLatin1Char(',')));
        else if (digestOf(t.path) != t.sha256)
            lost << QStringLiteral("%1 changed on disk").arg(t.path);
    }
    return lost.join(QLatin1Char('\n'));
}

/// Strata's history rows (what a rerun must keep): schema_version and schema_version_steps.
QStringList historyOf(const QString& url)
{
    QStringList history;
    for (const QString& line : databaseStateOf(url))
        if (line.startsWith(QLatin1String("schema_version")))
            history << line;
    return history;
}

/// A table of `rows` rows of 1000 random bytes (SQLite): a database of rows * ~1 KB.
QString fillTicks(const QString& url, int rows)
{
    QString error;
    auto db = openDatabase(url, &error);
    if (!db)
        return error;
    const QString sql =
        QStringLiteral("CREATE TABLE ticks (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);\n"
                       "INSERT INTO ticks (payload) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                       "FROM c WHERE n < %1) SELECT randomblob(1000) FROM c;\n")
            .arg(rows);
    if (auto done = db->runScript(SqlScript{QStringLiteral("ticks"), sql.toUtf8(), 1}, false); !done)
        return done.error().toText();
    return {};
}

/// Two tables of `rows` rows each (PostgreSQL), for pg_dump's two workers.
QString fillFills(const QString& url, int rows)
{
    QString error;
    auto db = openDatabase(url, &error);
    if (!db)
        return error;
    for (const QString& table : {QStringLiteral("fills_a"), QStringLiteral("fills_b")}) {
        const QString sql = QStringLiteral("CREATE TABLE %1 (id bigint NOT NULL, note text NOT NULL);\n"
                                           "INSERT INTO %1 SELECT g, md5(g::text) FROM generate_series(1, "
                                           "%2) g;\n")
                                .arg(table)
                                .arg(rows);
        if (auto done = db->runScript(SqlScript{table, sql.toUtf8(), 1}, false); !done)
            return done.error().toText();
    }
    return {};
}

const QByteArray kBook = "CREATE TABLE book (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL);\n"
                         "INSERT INTO book (id, symbol) VALUES (1, 'ESZ6'), (2, 'NQZ6');\n";
const QByteArray kLimits = "CREATE TABLE limits (id INTEGER PRIMARY KEY, notional NUMERIC NOT NULL);\n"
                           "INSERT INTO limits (id, notional) VALUES (1, 5000000);\n";

} // namespace

class TestFaultFullDisk : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        keepBackupsInside(m_home);
    }

    void backupFolderAlreadyFull_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("larger");
        QTest::addColumn<QString>("suffix");
        // A small SQLite file needs a few KB; PostgreSQL's estimate is the database's size on the server
        // (about 8 MB for an almost empty one).
        QTest::newRow("sqlite") << Engine::Sqlite << QStringLiteral("1m") << QStringLiteral("2m")
                                << QStringLiteral(".db");
        QTest::newRow("postgresql") << Engine::Postgres << QStringLiteral("16m") << QStringLiteral("32m")
                                    << QStringLiteral(".dumpdir");
    }

    // The backup folder (backup.directory, and --out) on a filesystem with no room: backup and migrate
    // refuse before they write anything; once there is room the reruns succeed and nothing is lost.
    void backupFolderAlreadyFull()
    {
        QFETCH(Engine, engine);
        QFETCH(QString, size);
        QFETCH(QString, larger);
        QFETCH(QString, suffix);
        Tmpfs tmpfs;
        STRATA_MOUNT_TMPFS(tmpfs, size);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        const QString folder = tmpfs.filePath(QStringLiteral("backups"));
        QTemporaryDir configDir;
        const QString config = writeConfig(configDir, folder);
        QVERIFY(!config.isEmpty());
        SetBuilder set;
        set.file(QStringLiteral("001_book/01_book.sql"), kBook);
        const QStringList global{QStringLiteral("--db"),         db.url(),
                                 QStringLiteral("--migrations"), set.path(),
                                 QStringLiteral("--config"),     config};

        // Version 1, with its backup in the folder, while there is room.
        const auto first =
            CliProcess::run(global + QStringList{QStringLiteral("--json"), QStringLiteral("migrate"),
                                                 QStringLiteral("--yes")});
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        const QMap<QString, QString> before = listed(global);
        QCOMPARE(before.size(), 1);
        const QList<Taken> earlier{{before.firstKey(), before.first(), digestOf(before.first())}};
        QVERIFY(earlier.first().path.startsWith(folder));

        // Then the disk fills up (another program's files); version 2 comes.
        const QString filler = tmpfs.filePath(QStringLiteral("filler"));
        QVERIFY(fillUp(filler) < 4096);
        set.file(QStringLiteral("002_limits/01_limits.sql"), kLimits);
        const QStringList state = databaseStateOf(db.url());
        const QStringList history = historyOf(db.url());
        QVERIFY2(history.size() >= 2, qPrintable(history.join(QLatin1Char('\n'))));

        // backup --out into the full folder: refused, nothing written, nothing listed.
        const QString out = QDir(folder).filePath(QStringLiteral("before_v2") + suffix);
        const auto refusedBackup =
            CliProcess::run(global + QStringList{QStringLiteral("backup"), QStringLiteral("--out"), out});
        QVERIFY2(!refusedBackup.crashed, qPrintable(describe(refusedBackup)));
        QCOMPARE(refusedBackup.exitCode, 1); // failed, the database as it was (README: exit codes)
        QVERIFY2(refusedBackup.err.contains(
                     QStringLiteral("Not enough free disk for the backup in %1").arg(folder)),
                 qPrintable(describe(refusedBackup)));
        QVERIFY2(refusedBackup.err.contains(QStringLiteral("no backup was listed")),
                 qPrintable(describe(refusedBackup)));
        QVERIFY(!QFileInfo::exists(out));
        QCOMPARE(partialsIn(folder), QStringList());

        // migrate with the operator config's backup.directory there: refused in its pre-flight.
        const auto refusedMigrate =
            CliProcess::run(global + QStringList{QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(!refusedMigrate.crashed, qPrintable(describe(refusedMigrate)));
        QCOMPARE(refusedMigrate.exitCode, 1);
        QVERIFY2(refusedMigrate.err.contains(QStringLiteral("Not enough free disk for the backup")),
                 qPrintable(describe(refusedMigrate)));
        QVERIFY2(refusedMigrate.err.contains(folder), qPrintable(describe(refusedMigrate)));
        QVERIFY2(refusedMigrate.err.contains(QStringLiteral("the migration did not start")),
                 qPrintable(describe(refusedMigrate)));
        // The run log it names is whole (the disk had no room for it), or it says the log could not be
        // written.
        static const QRegularExpression logLine(QStringLiteral("The run log is (.+\\.json)\\."));
        const auto log = logLine.match(refusedMigrate.err);
        if (log.hasMatch())
            QVERIFY2(singleJsonObject(QString::fromUtf8(fileBytes(log.captured(1)))),
                     qPrintable(log.captured(1) + QStringLiteral(" is not a whole run log")));
        else
            QVERIFY2(refusedMigrate.err.contains(
                         QStringLiteral("The run log could not be written in %1").arg(folder)),
                     qPrintable(describe(refusedMigrate)));
        QCOMPARE(partialsIn(folder), QStringList());
        QCOMPARE(databaseStateOf(db.url()), state);
        QCOMPARE(listed(global).keys(), before.keys());
        QCOMPARE(lostBackups(global, earlier), QString());

        // The filesystem made larger: migrate runs again and applies version 2 after its backup.
        const QString resized = tmpfs.resize(larger);
        QVERIFY2(resized.isEmpty(), qPrintable(resized));
        const auto migrated =
            CliProcess::run(global + QStringList{QStringLiteral("--json"), QStringLiteral("migrate"),
                                                 QStringLiteral("--yes")});
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        const QStringList after = historyOf(db.url());
        for (const QString& row : history)
            QVERIFY2(after.contains(row), qPrintable(row + QStringLiteral(" is gone:\n") + after.join('\n')));
        QVERIFY2(after.size() > history.size(), qPrintable(after.join(QLatin1Char('\n'))));
        {
            auto open = openDatabase(db.url());
            QVERIFY(open);
            QCOMPARE(queryLines(*open, QStringLiteral("SELECT id, name FROM desks")),
                     QStringList{QStringLiteral("1|rates")});
            QCOMPARE(queryLines(*open, QStringLiteral("SELECT count(*) FROM book")),
                     QStringList{QStringLiteral("2")});
        }

        // The filler removed: backup --out to the same path now succeeds.
        QVERIFY(QFile::remove(filler));
        const auto backedUp =
            CliProcess::run(global + QStringList{QStringLiteral("--json"), QStringLiteral("backup"),
                                                 QStringLiteral("--out"), out});
        const auto taken = takenBy(backedUp);
        QVERIFY2(taken, qPrintable(describe(backedUp)));
        QCOMPARE(taken->path, out);
        const auto now = listed(global);
        QCOMPARE(now.size(), 3); // version 1's, version 2's and the one taken by hand
        QCOMPARE(lostBackups(global, earlier + QList<Taken>{*taken}), QString());
        for (const QString& id : now.keys()) {
            const auto verified = CliProcess::run(global + QStringList{QStringLiteral("verify"), id});
            QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
        }
        QCOMPARE(partialsIn(folder), QStringList());
    }

    void diskFillsUpDuringTheBackup_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("said");
        // SQLite: a 24 MB database, its copy written page by page into `<name>.db.partial`.
        QTest::newRow("sqlite, copying the pages")
            << Engine::Sqlite << QStringLiteral("64m") << QStringLiteral("*.partial") << QString();
        // PostgreSQL: pg_dump's directory format, its workers writing into `<name>.dumpdir.partial/`.
        QTest::newRow("postgresql, pg_dump writing")
            << Engine::Postgres << QStringLiteral("80m") << QStringLiteral("*.dumpdir.partial") << QString();
        // The whole backup written, the disk full as its SHA-256 is taken: the manifest cannot be written.
        QTest::newRow("sqlite, copy written")
            << Engine::Sqlite << QStringLiteral("64m") << QString() << QStringLiteral("backup: checksum");
        QTest::newRow("postgresql, pg_dump done")
            << Engine::Postgres << QStringLiteral("80m") << QString() << QStringLiteral("backup: checksum");
    }

    // The pre-check passed and the disk fills up while the backup is written (another program's files): a
    // real ENOSPC in the middle of the copy or of pg_dump, or when the manifest is written. The run fails
    // naming the full disk and the folder, removes its partial backup and lists nothing; the database and the
    // earlier backup are as they were; with the filler gone, the rerun succeeds.
    void diskFillsUpDuringTheBackup()
    {
        QFETCH(Engine, engine);
        QFETCH(QString, size);
        QFETCH(QString, pattern);
        QFETCH(QString, said);
        Tmpfs tmpfs;
        STRATA_MOUNT_TMPFS(tmpfs, size);
        TestDatabase db(engine);
        STRATA_REQUIRE_DATABASE(db);
        const QString folder = tmpfs.filePath(QStringLiteral("backups"));
        QTemporaryDir configDir;
        const QString config = writeConfig(configDir, folder);
        QVERIFY(!config.isEmpty());
        SetBuilder set;
        set.file(QStringLiteral("001_book/01_book.sql"), kBook);
        const QStringList global{QStringLiteral("--db"),         db.url(),
                                 QStringLiteral("--migrations"), set.path(),
                                 QStringLiteral("--config"),     config};

        // An earlier backup, small, then the rows that make the next one take a while.
        const auto first =
            CliProcess::run(global + QStringList{QStringLiteral("--json"), QStringLiteral("backup")});
        const auto earlier = takenBy(first);
        QVERIFY2(earlier, qPrintable(describe(first)));
        const QString filled =
            engine == Engine::Sqlite ? fillTicks(db.url(), 24000) : fillFills(db.url(), 300000);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
        const QStringList state = databaseStateOf(db.url());

        const QString filler = tmpfs.filePath(QStringLiteral("filler"));
        QString partial;
        qint64 freeAfterFill = -1;
        const auto run =
            runUntilTheDiskFills(global + QStringList{QStringLiteral("backup")},
                                 FillWhen{folder, pattern, said}, filler, &partial, &freeAfterFill);
        QVERIFY2(!partial.isEmpty(),
                 qPrintable(QStringLiteral("the backup never wrote a partial:\n") + describe(run)));
        QVERIFY2(freeAfterFill < 4096, qPrintable(QString::number(freeAfterFill)));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 1);
        // The message names the full disk and the folder, with what to do; not the database or the role.
        QVERIFY2(run.err.contains(QStringLiteral("The disk of the backup folder %1 is full").arg(folder)),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("df -h %1").arg(folder)), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("The partial file was removed")), qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(QStringLiteral("SELECT on all")), qPrintable(describe(run)));
        QVERIFY(!QFileInfo::exists(partial));
        QCOMPARE(partialsIn(folder), QStringList());
        // No backup under its final name either, with or without a manifest: only the earlier one is there.
        QCOMPARE(QDir(folder).entryList({QStringLiteral("*.manifest.json")}, QDir::Files),
                 QStringList{QFileInfo(earlier->path).fileName() + QStringLiteral(".manifest.json")});
        QCOMPARE(listed(global).keys(), QStringList{earlier->id});
        QCOMPARE(lostBackups(global, {*earlier}), QString());
        QCOMPARE(databaseStateOf(db.url()), state);

        // The filler removed: the rerun takes, checks and lists the backup; the earlier one stays.
        QVERIFY(QFile::remove(filler));
        const auto rerun =
            CliProcess::run(global + QStringList{QStringLiteral("--json"), QStringLiteral("backup")});
        const auto taken = takenBy(rerun);
        QVERIFY2(taken, qPrintable(describe(rerun)));
        QCOMPARE(listed(global).size(), 2);
        QCOMPARE(lostBackups(global, {*earlier, *taken}), QString());
        QCOMPARE(partialsIn(folder), QStringList());
        const auto verified = CliProcess::run(global + QStringList{QStringLiteral("verify"), taken->id});
        QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
        QCOMPARE(databaseStateOf(db.url()), state);
    }

    // The backup folder with only a few pages free, one more on each run: the disk runs out at every one of
    // the backup's last writes (the copy, its manifest, the catalog's lock file, the catalog). Whatever the
    // point, the run ends done (0) or failed (1) naming the folder, never "locked"; the catalog is never
    // emptied; no manifest is left empty and no `.partial` stays; the earlier backups stay listed and intact.
    void diskRunsOutAtEachOfTheBackupsLastWrites()
    {
        Tmpfs tmpfs;
        STRATA_MOUNT_TMPFS(tmpfs, QStringLiteral("1m"));
        TestDatabase db(Engine::Sqlite);
        STRATA_REQUIRE_DATABASE(db);
        const QString folder = tmpfs.filePath(QStringLiteral("backups"));
        QTemporaryDir configDir;
        const QString config = writeConfig(configDir, folder);
        QVERIFY(!config.isEmpty());
        const QStringList global{QStringLiteral("--db"), db.url(), QStringLiteral("--config"), config};
        const auto first =
            CliProcess::run(global + QStringList{QStringLiteral("--json"), QStringLiteral("backup")});
        const auto earlier = takenBy(first);
        QVERIFY2(earlier, qPrintable(describe(first)));
        QList<Taken> kept{*earlier};
        const QStringList state = databaseStateOf(db.url());
        const QString filler = tmpfs.filePath(QStringLiteral("filler"));
        const QString reserve = tmpfs.filePath(QStringLiteral("reserve"));
        QStringList outcomes;
        for (int pages = 0; pages <= 8; ++pages) {
            QFile::remove(filler);
            {
                const int fd =
                    ::open(QFile::encodeName(reserve).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
                QVERIFY(fd >= 0);
                const bool reserved = pages == 0 || ::posix_fallocate(fd, 0, pages * 4096) == 0;
                ::close(fd);
                QVERIFY(reserved);
            }
            QVERIFY(fillUp(filler) == 0);
            QVERIFY(QFile::remove(reserve));
            QCOMPARE(freeBytes(folder), qint64(pages) * 4096);

            const auto run =
                CliProcess::run(global + QStringList{QStringLiteral("--json"), QStringLiteral("backup")});
            outcomes << QStringLiteral("%1 pages: exit %2").arg(pages).arg(run.exitCode);
            QVERIFY2(!run.crashed, qPrintable(describe(run)));
            QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(describe(run)));
            if (run.exitCode == 0) {
                const auto taken = takenBy(run);
                QVERIFY2(taken, qPrintable(describe(run)));
                kept << *taken;
            } else {
                QVERIFY2(run.err.contains(folder), qPrintable(describe(run)));
                QVERIFY2(run.err.contains(QStringLiteral("disk")), qPrintable(describe(run)));
            }
            QCOMPARE(lostBackups(global, kept), QString());
            QCOMPARE(partialsIn(folder), QStringList());
            for (const QString& name :
                 QDir(folder).entryList({QStringLiteral("*.manifest.json")}, QDir::Files))
                QVERIFY2(
                    singleJsonObject(QString::fromUtf8(fileBytes(QDir(folder).filePath(name)))),
                    qPrintable(name + QStringLiteral(" is not a whole manifest after ") + outcomes.last()));
            QCOMPARE(databaseStateOf(db.url()), state);
        }
        qInfo().noquote() << outcomes.join(QStringLiteral("; "));

        // With room again, a backup is taken and listed beside every one kept so far.
        QVERIFY(QFile::remove(filler));
        const auto rerun =
            CliProcess::run(global + QStringList{QStringLiteral("--json"), QStringLiteral("backup")});
        const auto taken = takenBy(rerun);
        QVERIFY2(taken, qPrintable(describe(rerun)));
        kept << *taken;
        QCOMPARE(lostBackups(global, kept), QString());
    }

    // SQLite keeps the current database aside beside it before a restore: with too little room there the
    // restore is refused in its pre-flight; with room, it succeeds.
    void tooLittleRoomBesideTheDatabaseForARestore()
    {
        Tmpfs tmpfs;
        STRATA_MOUNT_TMPFS(tmpfs, QStringLiteral("4m"));
        const QString path = tmpfs.filePath(QStringLiteral("state.db"));
        const QString url = QStringLiteral("sqlite:") + path;
        QVERIFY(QFile(path).open(QIODevice::WriteOnly));
        const QString filled =
            fillTicks(url, 2000); // about 2 MB: the copy and the restore do not fit beside it
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
        SetBuilder set;
        set.file(QStringLiteral("001_book/01_book.sql"), kBook);
        QTemporaryDir backups;
        const QString backupPath = backups.filePath(QStringLiteral("state.db"));
        const auto backup = CliProcess::run(cliArgs(
            url, set.path(),
            {QStringLiteral("--json"), QStringLiteral("backup"), QStringLiteral("--out"), backupPath}));
        const auto taken = takenBy(backup);
        QVERIFY2(taken, qPrintable(describe(backup)));
        const QStringList backupContent = databaseStateOf(QStringLiteral("sqlite:") + backupPath).mid(1);
        {
            auto open = openDatabase(url);
            QVERIFY(open);
            QVERIFY(open->execute(QStringLiteral("DELETE FROM ticks WHERE id > 1000")).ok());
        }
        const QStringList before = databaseStateOf(url);
        QVERIFY(freeBytes(tmpfs.path()) < 2 * QFileInfo(path).size());

        const auto refused = CliProcess::run(
            cliArgs(url, set.path(), {QStringLiteral("restore"), backupPath, QStringLiteral("--yes")}));
        QVERIFY2(!refused.crashed, qPrintable(describe(refused)));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("Not enough free disk beside the database")),
                 qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains(tmpfs.path()), qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains(QStringLiteral("restore did not start")),
                 qPrintable(describe(refused)));
        // The file is as it was, and nothing was written beside it (the refusal's run log goes to the
        // backup folder).
        QCOMPARE(databaseStateOf(url), before);
        QCOMPARE(QDir(tmpfs.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("state.db")});
        QCOMPARE(digestOf(backupPath), taken->sha256);

        const QString resized = tmpfs.resize(QStringLiteral("16m"));
        QVERIFY2(resized.isEmpty(), qPrintable(resized));
        const auto restored = CliProcess::run(
            cliArgs(url, set.path(), {QStringLiteral("restore"), backupPath, QStringLiteral("--yes")}));
        QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
        QCOMPARE(databaseStateOf(url).mid(1), backupContent);
        QCOMPARE(partialsIn(tmpfs.path()), QStringList());
        QCOMPARE(digestOf(backupPath), taken->sha256);
    }

    // A PostgreSQL database whose tables go to a tablespace on a small disk (`default_tablespace`), and a
    // step that loads more than fits: PostgreSQL cannot extend the table's file. The step fails as a full
    // disk of the server, not as the statement's fault, and rolls back; once the disk is larger the rerun
    // applies it and nothing of version 1, its history or its backup is lost.
    void postgresTablespaceFillsUpDuringAStep()
    {
        Tmpfs tmpfs;
        STRATA_MOUNT_TMPFS(tmpfs, QStringLiteral("16m"));
        const QString serverUrl = qEnvironmentVariable("STRATA_TEST_PG_URL");
        if (serverUrl.isEmpty())
            QFAIL("STRATA_TEST_PG_URL is not set: this test needs the test PostgreSQL server");
        QString error;
        auto admin = openDatabase(serverUrl, &error);
        QVERIFY2(admin, qPrintable(error));
        // The tablespace's folder belongs to the server's own user, as the data directory does.
        const QString dataDirectory = queryLines(*admin, QStringLiteral("SHOW data_directory")).value(0);
        const QFileInfo data(dataDirectory);
        if (!data.exists()) {
            const QString why = QStringLiteral("the server's data directory %1 is not on this machine: a "
                                               "tablespace on a local tmpfs needs a local server")
                                    .arg(dataDirectory);
            if (underCi())
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        const QString location = tmpfs.filePath(QStringLiteral("tablespace"));
        QVERIFY(QDir().mkpath(location));
        QCOMPARE(::chown(QFile::encodeName(location).constData(), data.ownerId(), data.groupId()), 0);
        const QString tablespace = QStringLiteral("strata_small_%1")
                                       .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        QVERIFY2(
            admin->execute(QStringLiteral("CREATE TABLESPACE %1 LOCATION '%2'").arg(tablespace, location)),
            qPrintable(tablespace));
        auto dropTablespace = qScopeGuard(
            [&] { (void)admin->execute(QStringLiteral("DROP TABLESPACE IF EXISTS %1").arg(tablespace)); });
        TestDatabase db(Engine::Postgres); // dropped before the tablespace, which must be empty by then
        STRATA_REQUIRE_DATABASE(db);
        const QString name = QUrl(db.url()).path().mid(1);
        QVERIFY(admin->execute(
            QStringLiteral("ALTER DATABASE \"%1\" SET default_tablespace = %2").arg(name, tablespace)));

        SetBuilder set;
        set.file(QStringLiteral("001_book/01_book.sql"), kBook);
        const QStringList global{QStringLiteral("--db"), db.url(), QStringLiteral("--migrations"),
                                 set.path()};
        const auto first =
            CliProcess::run(global + QStringList{QStringLiteral("--json"), QStringLiteral("migrate"),
                                                 QStringLiteral("--yes")});
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        const auto before = listed(global);
        QCOMPARE(before.size(), 1);
        const QList<Taken> earlier{{before.firstKey(), before.first(), digestOf(before.first())}};
        const QStringList history = historyOf(db.url());
        QVERIFY2(history.size() >= 2, qPrintable(history.join(QLatin1Char('\n'))));

        // About 45 MB of fills into a tablespace with about 16 MB.
        set.file(QStringLiteral("002_fills/01_fills.sql"),
                 "-- Description: the day's fills\n"
                 "CREATE TABLE fills (id bigint NOT NULL, note text NOT NULL);\n"
                 "INSERT INTO fills SELECT g, md5(g::text) FROM generate_series(1, 600000) g;\n");
        const auto run =
            CliProcess::run(global + QStringList{QStringLiteral("migrate"), QStringLiteral("--yes"),
                                                 QStringLiteral("--no-backup")});
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Step 2.1")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("the disk of the server of")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("No space left on device")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("The statement is not at fault")),
                 qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(QStringLiteral("Fix the statement")), qPrintable(describe(run)));
        {
            auto open = openDatabase(db.url());
            QVERIFY(open);
            QVERIFY(!userTables(*open).contains(QStringLiteral("fills")));
            QCOMPARE(queryLines(*open, QStringLiteral("SELECT count(*) FROM book")),
                     QStringList{QStringLiteral("2")});
            QVERIFY2(!stepStatuses(*open).contains(QStringLiteral("2.1=applied")),
                     qPrintable(stepStatuses(*open).join(QLatin1Char(','))));
        }
        const QStringList afterFailure = historyOf(db.url());
        for (const QString& row : history)
            QVERIFY2(afterFailure.contains(row), qPrintable(row + QStringLiteral(" is gone")));

        // The disk made larger: the rerun applies version 2, and version 1 and its backup are all there.
        const QString resized = tmpfs.resize(QStringLiteral("128m"));
        QVERIFY2(resized.isEmpty(), qPrintable(resized));
        const auto rerun =
            CliProcess::run(global + QStringList{QStringLiteral("migrate"), QStringLiteral("--yes"),
                                                 QStringLiteral("--no-backup")});
        QVERIFY2(rerun.exitCode == 0, qPrintable(describe(rerun)));
        {
            auto open = openDatabase(db.url());
            QVERIFY(open);
            QCOMPARE(queryLines(*open, QStringLiteral("SELECT count(*) FROM fills")),
                     QStringList{QStringLiteral("600000")});
            QCOMPARE(queryLines(*open, QStringLiteral("SELECT id, name FROM desks")),
                     QStringList{QStringLiteral("1|rates")});
            QVERIFY2(stepStatuses(*open).contains(QStringLiteral("2.1=applied")),
                     qPrintable(stepStatuses(*open).join(QLatin1Char(','))));
        }
        const QStringList after = historyOf(db.url());
        for (const QString& row : history)
            QVERIFY2(after.contains(row), qPrintable(row + QStringLiteral(" is gone")));
        QCOMPARE(lostBackups(global, earlier), QString());
    }

    void diskFillsUpDuringARestore_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("said");
        // The copy of the current database written beside it, as `<db>.failed_<time>.partial`.
        QTest::newRow("keeping the database aside")
            << QStringLiteral("state.db.failed_*.partial") << QString();
        // The copy kept aside, the backup's pages loaded into the live file in one transaction.
        QTest::newRow("loading the backup") << QString() << QStringLiteral("restore: restore ");
    }

    // The pre-flight passed and the disk beside the database fills up while the restore writes the copy it
    // keeps aside, or while it loads the backup's pages into the live file: the restore fails cleanly, the
    // live database as it was; with the filler gone, the rerun restores.
    void diskFillsUpDuringARestore()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, said);
        Tmpfs tmpfs;
        STRATA_MOUNT_TMPFS(tmpfs, QStringLiteral("128m"));
        const QString path = tmpfs.filePath(QStringLiteral("state.db"));
        const QString url = QStringLiteral("sqlite:") + path;
        QVERIFY(QFile(path).open(QIODevice::WriteOnly));
        const QString filled = fillTicks(url, 24000);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
        SetBuilder set;
        set.file(QStringLiteral("001_book/01_book.sql"), kBook);
        const auto migrated = CliProcess::run(
            cliArgs(url, set.path(),
                    {QStringLiteral("migrate"), QStringLiteral("--yes"), QStringLiteral("--no-backup")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        QTemporaryDir backups;
        const QString backupPath = backups.filePath(QStringLiteral("state.db"));
        const auto backup = CliProcess::run(cliArgs(
            url, set.path(),
            {QStringLiteral("--json"), QStringLiteral("backup"), QStringLiteral("--out"), backupPath}));
        const auto taken = takenBy(backup);
        QVERIFY2(taken, qPrintable(describe(backup)));
        const QStringList backupContent = databaseStateOf(QStringLiteral("sqlite:") + backupPath).mid(1);
        {
            auto open = openDatabase(url);
            QVERIFY(open);
            QVERIFY(
                open->execute(QStringLiteral("INSERT INTO book (id, symbol) VALUES (3, 'after the backup')"))
                    .ok());
        }
        const QStringList before = databaseStateOf(url);
        QVERIFY(before != QStringList{before.first()} + backupContent);

        const QString filler = tmpfs.filePath(QStringLiteral("filler"));
        QString seen;
        qint64 freeAfterFill = -1;
        const auto run = runUntilTheDiskFills(
            cliArgs(url, set.path(), {QStringLiteral("restore"), backupPath, QStringLiteral("--yes")}),
            FillWhen{tmpfs.path(), pattern, said}, filler, &seen, &freeAfterFill);
        QVERIFY2(!seen.isEmpty(),
                 qPrintable(QStringLiteral("the restore never got there:\n") + describe(run)));
        QVERIFY2(freeAfterFill < 4096, qPrintable(QString::number(freeAfterFill)));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(tmpfs.path()), qPrintable(describe(run)));
        if (said.isEmpty()) {
            QVERIFY2(run.err.contains(QStringLiteral("Could not keep the current database aside")),
                     qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("full")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("the partial copy was removed")),
                     qPrintable(describe(run)));
            QVERIFY(!QFileInfo::exists(seen));
            QCOMPARE(QDir(tmpfs.path()).entryList({QStringLiteral("state.db.failed_*")}, QDir::Files),
                     QStringList());
        } else {
            // The restore's transaction rolled back; the copy kept aside is whole and holds the database.
            QVERIFY2(run.err.contains(QStringLiteral("rolled back")), qPrintable(describe(run)));
            QVERIFY2(run.err.contains(QStringLiteral("Free disk space in %1").arg(tmpfs.path())),
                     qPrintable(describe(run)));
            const QStringList aside =
                QDir(tmpfs.path()).entryList({QStringLiteral("state.db.failed_*")}, QDir::Files);
            QCOMPARE(aside.size(), 1);
            QVERIFY2(run.err.contains(QStringLiteral("A copy of it was kept as %1")
                                          .arg(QDir(tmpfs.path()).filePath(aside.first()))),
                     qPrintable(describe(run)));
            QCOMPARE(databaseStateOf(QStringLiteral("sqlite:") + QDir(tmpfs.path()).filePath(aside.first()))
                         .mid(1),
                     before.mid(1));
            QVERIFY(QFile::remove(QDir(tmpfs.path()).filePath(aside.first()))); // room for the rerun's own
        }
        QCOMPARE(partialsIn(tmpfs.path()), QStringList());
        QVERIFY2(!QFileInfo::exists(path + QStringLiteral("-journal")), "the restore left a hot journal");
        QCOMPARE(databaseStateOf(url), before);
        QCOMPARE(digestOf(backupPath), taken->sha256);

        QVERIFY(QFile::remove(filler));
        const auto rerun = CliProcess::run(
            cliArgs(url, set.path(), {QStringLiteral("restore"), backupPath, QStringLiteral("--yes")}));
        QVERIFY2(rerun.exitCode == 0, qPrintable(describe(rerun)));
        QCOMPARE(databaseStateOf(url).mid(1), backupContent);
        QCOMPARE(partialsIn(tmpfs.path()), QStringList());
        QCOMPARE(digestOf(backupPath), taken->sha256);
    }
};

QTEST_GUILESS_MAIN(TestFaultFullDisk)
#include "tst_fault_full_disk.moc"
