// strata-cli restore on both engines: a backup must prove what it is before it replaces a database. A damaged
// copy, a file without manifest, a backup of another database or set, and a restore under a live writer are
// refused with the documented exit code and leave the database exactly as it was; the operator's explicit
// switches (--unverified, --different-database) restore and say so; a moved backup with its manifest is
// still checked and restored.

#include <QtTest>

#include <libpq-fe.h>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

const QByteArray kContracts = "-- Migration: 001_contracts\n"
                              "CREATE TABLE contracts (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL);\n";
const QByteArray kLedgers = "-- Migration: 001_ledgers\n"
                            "CREATE TABLE ledgers (id INTEGER PRIMARY KEY, title TEXT NOT NULL);\n";
const QString kSymbol = QStringLiteral("CON.F.US.CLE.F27");

/// A migration set named `name` with one step, `step`.
void writeSet(SetBuilder& set, const QByteArray& name, const QString& stepFile, const QByteArray& step)
{
    set.file(QStringLiteral("strata.yaml"), "name: " + name + "\n");
    set.file(stepFile, step);
}

QStringList yes(QStringList command)
{
    return command << QStringLiteral("--yes");
}

QString manifestOf(const QString& backupPath)
{
    return backupPath + QStringLiteral(".manifest.json");
}

/// Copies a backup (a file, or a pg_dump folder) to `target`.
bool copyBackup(const QString& from, const QString& target)
{
    if (!QFileInfo(from).isDir())
        return QFile::copy(from, target);
    if (!QDir().mkpath(target))
        return false;
    for (const QString& name : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(QDir(from).filePath(name), QDir(target).filePath(name)))
            return false;
    return true;
}

/// Flips one bit inside the backup's data: the symbol's "S" of a SQLite row (it reads "CON.F.UR..." after),
/// or one byte in the middle of the largest data file of a pg_dump folder.
bool flipOneBit(const QString& backupPath)
{
    QString path = backupPath;
    qint64 offset = -1;
    if (QFileInfo(backupPath).isDir()) {
        qint64 largest = 0;
        for (const QFileInfo& info : QDir(backupPath).entryInfoList({QStringLiteral("*.dat*")}, QDir::Files))
            if (info.size() > largest) {
                largest = info.size();
                path = info.absoluteFilePath();
            }
        offset = largest / 2;
    } else {
        const qint64 at = fileBytes(path).indexOf(kSymbol.toLatin1());
        offset = at < 0 ? -1 : at + 7;
    }
    QFile file(path);
    if (offset < 0 || !file.open(QIODevice::ReadWrite) || !file.seek(offset))
        return false;
    char byte = 0;
    if (!file.getChar(&byte) || !file.seek(offset))
        return false;
    return file.putChar(static_cast<char>(byte ^ 0x01));
}

/// PostgreSQL databases whose name starts with `prefix` (the copies a restore keeps aside).
QStringList databasesNamed(const QString& prefix)
{
    auto server = openDatabase(postgresServerUrl());
    if (!server)
        return {QStringLiteral("ERROR cannot reach the server")};
    return queryLines(*server,
                      QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE ? ORDER BY 1"),
                      {prefix + QLatin1Char('%')});
}

void dropDatabase(const QString& name)
{
    if (name.isEmpty())
        return;
    if (auto server = openDatabase(postgresServerUrl()))
        (void)server->execute(QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(name));
}

QString databaseName(const QString& url)
{
    auto parsed = ConnectionUrl::parse(url);
    return parsed ? parsed->postgresParameter(QStringLiteral("dbname")) : QString();
}

/// What restores leave beside a database: `.failed_` files (SQLite) or `_failed_` databases (PostgreSQL).
QStringList keptAside(const TestDatabase& db)
{
    if (db.engine() == Engine::Sqlite)
        return QDir(db.folder()).entryList({QStringLiteral("*.failed_*")});
    return databasesNamed(databaseName(db.url()) + QStringLiteral("_failed_"));
}

} // namespace

class TestCliRestore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_backups;

    /// A database of `engine` migrated with `set`, holding two contracts, and a backup of it taken by
    /// strata-cli; afterwards the first contract's symbol is changed, so a restore shows.
    struct Fixture
    {
        std::unique_ptr<TestDatabase> db;
        QString backupPath;
        QString error;
    };

    Fixture backedUp(Engine engine, const SetBuilder& set, const QString& table = QStringLiteral("contracts"))
    {
        Fixture f;
        f.db = std::make_unique<TestDatabase>(engine);
        if (!f.db->ok()) {
            f.error = f.db->error();
            return f;
        }
        const auto migrated =
            CliProcess::run(cliArgs(f.db->url(), set.path(), yes({QStringLiteral("migrate")})));
        if (migrated.exitCode != 0) {
            f.error = describe(migrated);
            return f;
        }
        {
            auto db = openDatabase(f.db->url(), &f.error);
            if (!db)
                return f;
            const QString column =
                table == QLatin1String("contracts") ? QStringLiteral("symbol") : QStringLiteral("title");
            if (auto filled = db->execute(QStringLiteral("INSERT INTO %1 (id, %2) VALUES (1, '%3'), (2, "
                                                         "'CON.F.US.MES.H27')")
                                              .arg(table, column, kSymbol));
                !filled) {
                f.error = filled.error().toText();
                return f;
            }
        }
        const auto backup = CliProcess::run(
            cliArgs(f.db->url(), set.path(), {QStringLiteral("--json"), QStringLiteral("backup")}));
        if (backup.exitCode != 0) {
            f.error = describe(backup);
            return f;
        }
        f.backupPath = backup.json().value(QStringLiteral("path")).toString();
        if (!QFileInfo::exists(f.backupPath) || !QFileInfo::exists(manifestOf(f.backupPath))) {
            f.error = QStringLiteral("the backup or its manifest is missing: ") + describe(backup);
            return f;
        }
        auto db = openDatabase(f.db->url(), &f.error);
        if (!db)
            return f;
        if (auto changed =
                db->execute(QStringLiteral("UPDATE %1 SET %2 = 'CHANGED AFTER THE BACKUP' WHERE id = 1")
                                .arg(table, table == QLatin1String("contracts") ? QStringLiteral("symbol")
                                                                                : QStringLiteral("title")));
            !changed)
            f.error = changed.error().toText();
        return f;
    }

    static QString firstSymbol(const TestDatabase& db)
    {
        auto open = openDatabase(db.url());
        if (!open)
            return QStringLiteral("ERROR");
        return queryLines(*open, QStringLiteral("SELECT symbol FROM contracts WHERE id = 1"))
            .join(QLatin1Char(','));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_backups.isValid());
        keepBackupsInside(m_backups);
    }

    void engines_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void aFlippedBitInACopiedBackupIsRefused_data() { engines_data(); }
    void aFlippedBitInACopiedBackupIsRefused()
    {
        QFETCH(Engine, engine);
        SetBuilder set;
        writeSet(set, "desk_state", QStringLiteral("001_contracts.sql"), kContracts);
        Fixture f = backedUp(engine, set);
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));

        // Copied elsewhere with its manifest, outside any catalog, then one bit flipped inside a row.
        QTemporaryDir elsewhere;
        const QString copy = elsewhere.filePath(QFileInfo(f.backupPath).fileName());
        QVERIFY(copyBackup(f.backupPath, copy));
        QVERIFY(QFile::copy(manifestOf(f.backupPath), manifestOf(copy)));
        QVERIFY(flipOneBit(copy));
        const QStringList before = stateOf(f.db->url());

        const auto run =
            CliProcess::run(cliArgs(f.db->url(), set.path(), yes({QStringLiteral("restore"), copy})));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(copy), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("sha256")) &&
                     run.err.contains(QStringLiteral("its manifest says")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Nothing was changed")), qPrintable(describe(run)));
        QCOMPARE(stateOf(f.db->url()), before);
        QCOMPARE(firstSymbol(*f.db), QStringLiteral("CHANGED AFTER THE BACKUP"));
        QCOMPARE(keptAside(*f.db), QStringList());
    }

    void aBackupWithoutManifestNeedsUnverified_data() { engines_data(); }
    void aBackupWithoutManifestNeedsUnverified()
    {
        QFETCH(Engine, engine);
        SetBuilder set;
        writeSet(set, "desk_state", QStringLiteral("001_contracts.sql"), kContracts);
        Fixture f = backedUp(engine, set);
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        QTemporaryDir elsewhere;
        const QString copy = elsewhere.filePath(QFileInfo(f.backupPath).fileName());
        QVERIFY(copyBackup(f.backupPath, copy)); // without its manifest
        const QStringList before = stateOf(f.db->url());

        const auto refused =
            CliProcess::run(cliArgs(f.db->url(), set.path(), yes({QStringLiteral("restore"), copy})));
        QVERIFY2(!refused.crashed, qPrintable(describe(refused)));
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains(QStringLiteral("neither a manifest")), qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains(QStringLiteral("--unverified")), qPrintable(describe(refused)));
        QCOMPARE(stateOf(f.db->url()), before);
        QCOMPARE(keptAside(*f.db), QStringList());

        const auto restored = CliProcess::run(cliArgs(
            f.db->url(), set.path(), yes({QStringLiteral("restore"), copy, QStringLiteral("--unverified")})));
        QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
        QVERIFY2(restored.out.contains(QStringLiteral("Restored UNVERIFIED")),
                 qPrintable(describe(restored)));
        QCOMPARE(firstSymbol(*f.db), kSymbol);
        const QString log =
            restored.out.section(QStringLiteral("Restore log: "), 1).section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(QString::fromUtf8(fileBytes(log)).contains(QStringLiteral("Restored UNVERIFIED")),
                 qPrintable(log));
        const QStringList aside = keptAside(*f.db);
        QCOMPARE(aside.size(), 1);
        if (engine == Engine::Postgres)
            dropDatabase(aside.first());
    }

    void aBackupOfAnotherDatabaseAndSetIsRefused_data() { engines_data(); }
    void aBackupOfAnotherDatabaseAndSetIsRefused()
    {
        QFETCH(Engine, engine);
        SetBuilder deskSet;
        writeSet(deskSet, "desk_state", QStringLiteral("001_contracts.sql"), kContracts);
        SetBuilder ledgerSet;
        writeSet(ledgerSet, "ledger_book", QStringLiteral("001_ledgers.sql"), kLedgers);
        Fixture desk = backedUp(engine, deskSet);
        QVERIFY2(desk.error.isEmpty(), qPrintable(desk.error));
        Fixture ledger = backedUp(engine, ledgerSet, QStringLiteral("ledgers"));
        QVERIFY2(ledger.error.isEmpty(), qPrintable(ledger.error));
        const QStringList before = stateOf(desk.db->url());

        const auto refused = CliProcess::run(
            cliArgs(desk.db->url(), deskSet.path(), yes({QStringLiteral("restore"), ledger.backupPath})));
        QVERIFY2(!refused.crashed, qPrintable(describe(refused)));
        QCOMPARE(refused.exitCode, 5);
        const QString deskIdentity = ConnectionUrl::parse(desk.db->url())->display();
        const QString ledgerIdentity = ConnectionUrl::parse(ledger.db->url())->display();
        for (const QString& named : {deskIdentity, ledgerIdentity, QStringLiteral("desk_state"),
                                     QStringLiteral("ledger_book"), QStringLiteral("--different-database")})
            QVERIFY2(refused.err.contains(named),
                     qPrintable(named + QStringLiteral(" not named: ") + describe(refused)));
        QCOMPARE(stateOf(desk.db->url()), before);
        QCOMPARE(keptAside(*desk.db), QStringList());

        const auto restored = CliProcess::run(cliArgs(
            desk.db->url(), deskSet.path(),
            yes({QStringLiteral("restore"), ledger.backupPath, QStringLiteral("--different-database")})));
        QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
        QVERIFY2(restored.out.contains(QStringLiteral("different database")), qPrintable(describe(restored)));
        auto db = openDatabase(desk.db->url());
        QVERIFY(db);
        QVERIFY(userTables(*db).contains(QStringLiteral("ledgers")));
        QVERIFY(!userTables(*db).contains(QStringLiteral("contracts")));
        db.reset();
        const QStringList aside = keptAside(*desk.db);
        QCOMPARE(aside.size(), 1);
        if (engine == Engine::Postgres)
            dropDatabase(aside.first());
    }

    void anotherSetsFileWithoutManifestIsRefusedEvenUnverified_data() { engines_data(); }
    void anotherSetsFileWithoutManifestIsRefusedEvenUnverified()
    {
        // The case: `restore other_set.db` on a risk-state database. A plain database file of another
        // set (on PostgreSQL, another set's archive), with no manifest: even --unverified refuses, because
        // the history it holds is another set's.
        QFETCH(Engine, engine);
        SetBuilder deskSet;
        writeSet(deskSet, "desk_state", QStringLiteral("001_contracts.sql"), kContracts);
        SetBuilder ledgerSet;
        writeSet(ledgerSet, "ledger_book", QStringLiteral("001_ledgers.sql"), kLedgers);
        Fixture desk = backedUp(engine, deskSet);
        QVERIFY2(desk.error.isEmpty(), qPrintable(desk.error));
        Fixture ledger = backedUp(engine, ledgerSet, QStringLiteral("ledgers"));
        QVERIFY2(ledger.error.isEmpty(), qPrintable(ledger.error));
        QTemporaryDir elsewhere;
        const QString otherSet = elsewhere.filePath(QStringLiteral("other_set.db"));
        QVERIFY(engine == Engine::Sqlite ? QFile::copy(ledger.db->path(), otherSet)
                                         : copyBackup(ledger.backupPath, otherSet));
        const QStringList before = stateOf(desk.db->url());

        const auto refused = CliProcess::run(
            cliArgs(desk.db->url(), deskSet.path(),
                    yes({QStringLiteral("restore"), otherSet, QStringLiteral("--unverified")})));
        QVERIFY2(!refused.crashed, qPrintable(describe(refused)));
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains(QStringLiteral("another database or migration set")),
                 qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains(QStringLiteral("ledgers")) &&
                     refused.err.contains(QStringLiteral("contracts")),
                 qPrintable(describe(refused)));
        QCOMPARE(stateOf(desk.db->url()), before);
        QCOMPARE(keptAside(*desk.db), QStringList());
        if (engine == Engine::Postgres)
            QCOMPARE(databasesNamed(databaseName(desk.db->url()) + QStringLiteral("_strata_restore")),
                     QStringList());

        const auto restored =
            CliProcess::run(cliArgs(desk.db->url(), deskSet.path(),
                                    yes({QStringLiteral("restore"), otherSet, QStringLiteral("--unverified"),
                                         QStringLiteral("--different-database")})));
        QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
        QVERIFY2(restored.out.contains(QStringLiteral("Restored UNVERIFIED")),
                 qPrintable(describe(restored)));
        auto db = openDatabase(desk.db->url());
        QVERIFY(db);
        QVERIFY(userTables(*db).contains(QStringLiteral("ledgers")));
        db.reset();
        if (engine == Engine::Postgres)
            for (const QString& aside : keptAside(*desk.db))
                dropDatabase(aside);
    }

    void aRestoreUnderALiveWriterIsRefused()
    {
        SetBuilder set;
        writeSet(set, "desk_state", QStringLiteral("001_contracts.sql"), kContracts);
        Fixture f = backedUp(Engine::Sqlite, set);
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));

        QProcess writer;
        writer.start(QStringLiteral(STRATA_STEADY_WRITER_PATH), {f.db->path(), QStringLiteral("60")});
        QVERIFY(writer.waitForReadyRead(10000));
        QCOMPARE(writer.readLine().trimmed(), QByteArray("ready"));
        QTest::qWait(100);
        const auto run =
            CliProcess::run(cliArgs(f.db->url(), set.path(), yes({QStringLiteral("restore"), f.backupPath})));
        QTest::qWait(100);
        writer.write("stop\n");
        writer.closeWriteChannel();
        QVERIFY2(writer.waitForFinished(20000),
                 qPrintable(describe(run) + QString::fromUtf8(writer.readAllStandardError())));
        const QString report = QString::fromUtf8(writer.readAllStandardOutput()).trimmed();
        QVERIFY2(report.startsWith(QStringLiteral("commits=")), qPrintable(report));
        const int commits = report.section(QLatin1Char('='), 1).section(QLatin1Char(' '), 0, 0).toInt();

        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QVERIFY2(run.exitCode == 1 || run.exitCode == 4, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("steady_writer")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("restore did not start")), qPrintable(describe(run)));
        // The set has no hooks: the advice speaks of the programs that use the database and where a pre hook
        // that stops them goes, not of a daemon.
        QVERIFY2(!run.err.contains(QStringLiteral("daemon")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("a pre hook")), qPrintable(describe(run)));
        // Nothing the writer committed was overwritten, and nothing was kept aside: the restore never began.
        auto db = openDatabase(f.db->url());
        QVERIFY(db);
        QCOMPARE(queryLines(*db, QStringLiteral("SELECT count(*) FROM ticks")),
                 QStringList{QString::number(commits)});
        QCOMPARE(firstSymbol(*f.db), QStringLiteral("CHANGED AFTER THE BACKUP"));
        QCOMPARE(keptAside(*f.db), QStringList());
    }

    void theHooksRunAroundARestoreAndNotForARefusal()
    {
        SetBuilder set;
        writeSet(set, "desk_state", QStringLiteral("001_contracts.sql"), kContracts);
        Fixture f = backedUp(Engine::Sqlite, set);
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        const QString hooks = QDir(f.db->folder()).filePath(QStringLiteral("hooks.txt"));
        const QString config = QDir(f.db->folder()).filePath(QStringLiteral("database.yaml"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral(
                "database:\n  path: \"%1\"\n  migration:\n    pre_hook: \"echo \\\"pre $STRATA_PHASE\\\" "
                ">> %2\"\n    post_hook: \"echo \\\"post $STRATA_PHASE\\\" >> %2\"\n")
                .arg(f.db->path(), hooks)
                .toUtf8());
        file.close();
        const QStringList withConfig{QStringLiteral("--config"), config};

        // A refusal comes before the pre hook: the daemon is never stopped for a backup that cannot be used.
        QTemporaryDir elsewhere;
        const QString damaged = elsewhere.filePath(QFileInfo(f.backupPath).fileName());
        QVERIFY(copyBackup(f.backupPath, damaged));
        QVERIFY(QFile::copy(manifestOf(f.backupPath), manifestOf(damaged)));
        QVERIFY(flipOneBit(damaged));
        const auto refused = CliProcess::run(
            withConfig + cliArgs(f.db->url(), set.path(), yes({QStringLiteral("restore"), damaged})));
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(!QFile::exists(hooks), fileBytes(hooks).constData());

        const auto restored = CliProcess::run(
            withConfig + cliArgs(f.db->url(), set.path(), yes({QStringLiteral("restore"), f.backupPath})));
        QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
        QCOMPARE(QString::fromUtf8(fileBytes(hooks)), QStringLiteral("pre preflight\npost post\n"));
        QCOMPARE(firstSymbol(*f.db), kSymbol);
    }

    void aRestoreWhileAnotherSessionIsConnectedIsRefused()
    {
        SetBuilder set;
        writeSet(set, "desk_state", QStringLiteral("001_contracts.sql"), kContracts);
        Fixture f = backedUp(Engine::Postgres, set);
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        // The daemon: a session of its own on the database, as pg_stat_activity shows it.
        const QString conninfo = ConnectionUrl::parse(f.db->url())->postgresConnInfo() +
                                 QStringLiteral(" application_name=risk-daemon");
        PGconn* daemon = PQconnectdb(conninfo.toUtf8().constData());
        auto closeDaemon = qScopeGuard([daemon] { PQfinish(daemon); });
        QVERIFY2(PQstatus(daemon) == CONNECTION_OK, PQerrorMessage(daemon));
        const QStringList before = stateOf(f.db->url());

        const auto run =
            CliProcess::run(cliArgs(f.db->url(), set.path(), yes({QStringLiteral("restore"), f.backupPath})));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("risk-daemon")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("restore did not start")), qPrintable(describe(run)));
        QCOMPARE(stateOf(f.db->url()), before);
        QCOMPARE(keptAside(*f.db), QStringList());
        QCOMPARE(databasesNamed(databaseName(f.db->url()) + QStringLiteral("_strata_restore")),
                 QStringList());
    }

    void tooLittleDiskBesideTheDatabaseIsRefusedBeforeAnythingIsWritten()
    {
        // The database on a 1 MB tmpfs, its backup elsewhere: there is room for the database, not for the
        // copy kept aside and the restore on top of it.
        QTemporaryDir mountPoint;
        QVERIFY(mountPoint.isValid());
        QProcess mount;
        mount.setProcessChannelMode(QProcess::MergedChannels);
        mount.start(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                     QStringLiteral("size=1m"), QStringLiteral("tmpfs"), mountPoint.path()});
        QVERIFY(mount.waitForFinished(30000));
        if (mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(QStringLiteral("mounting a small tmpfs failed (CI runs as root): ") +
                                 QString::fromUtf8(mount.readAll())));
            QSKIP("mounting a small tmpfs needs root (run as root or under CI)");
        }
        auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {mountPoint.path()}); });
        SetBuilder set;
        writeSet(set, "desk_state", QStringLiteral("001_contracts.sql"), kContracts);
        const QString path = QDir(mountPoint.path()).filePath(QStringLiteral("state.db"));
        const QString url = QStringLiteral("sqlite:") + path;
        QVERIFY(QFile(path).open(QIODevice::WriteOnly));
        const auto migrated = CliProcess::run(cliArgs(url, set.path(), yes({QStringLiteral("migrate")})));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
        {
            auto db = openDatabase(url);
            QVERIFY(db);
            QVERIFY(
                db->execute(QStringLiteral("CREATE TABLE ticks AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                           "SELECT x + 1 FROM c WHERE x < 1400) SELECT x, randomblob(300) AS "
                                           "pad FROM c"))
                    .ok());
        }
        QTemporaryDir backups;
        const QString backupPath = backups.filePath(QStringLiteral("state.db"));
        const auto backup = CliProcess::run(
            cliArgs(url, set.path(), {QStringLiteral("backup"), QStringLiteral("--out"), backupPath}));
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
        const QStringList before = stateOf(url);

        const auto run =
            CliProcess::run(cliArgs(url, set.path(), yes({QStringLiteral("restore"), backupPath})));
        QVERIFY2(!run.crashed, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Not enough free disk beside the database")),
                 qPrintable(describe(run)));
        QVERIFY2(run.err.contains(mountPoint.path()), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("restore did not start")), qPrintable(describe(run)));
        QCOMPARE(stateOf(url), before);
    }

    void aCopyAsideThatCannotBeWrittenLeavesNothingAndNamesTheDatabasesFolder()
    {
        SetBuilder set;
        writeSet(set, "desk_state", QStringLiteral("001_contracts.sql"), kContracts);
        Fixture f = backedUp(Engine::Sqlite, set);
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        {
            // About 1.5 MB, so that the copy kept aside cannot be written under a 600 KiB file-size limit.
            auto db = openDatabase(f.db->url());
            QVERIFY(db);
            QVERIFY(
                db->execute(QStringLiteral("CREATE TABLE ticks AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                           "SELECT x + 1 FROM c WHERE x < 5000) SELECT x, randomblob(300) AS "
                                           "pad FROM c"))
                    .ok());
        }
        const QStringList before = stateOf(f.db->url());
        QProcess shell;
        shell.setStandardInputFile(QProcess::nullDevice());
        shell.start(QStringLiteral("/bin/bash"),
                    QStringList{QStringLiteral("-c"), QStringLiteral("ulimit -f 600; exec \"$0\" \"$@\""),
                                QStringLiteral(STRATA_CLI_PATH)} +
                        cliArgs(f.db->url(), set.path(), yes({QStringLiteral("restore"), f.backupPath})));
        QVERIFY(shell.waitForFinished(60000));
        const QString err = QString::fromUtf8(shell.readAllStandardError());
        QCOMPARE(shell.exitStatus(), QProcess::NormalExit);
        QVERIFY2(shell.exitCode() == 1, qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("Could not keep the current database aside")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("free disk space in %1").arg(f.db->folder())), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("backup folder")), qPrintable(err));
        // No copy and no journal of it beside the database; the database is as it was.
        QCOMPARE(stateOf(f.db->url()), before);
        QCOMPARE(QDir(f.db->folder()).entryList({QStringLiteral("*.failed_*")}), QStringList());
    }

    void aMovedBackupWithItsManifestIsVerifiedAndRestored_data() { engines_data(); }
    void aMovedBackupWithItsManifestIsVerifiedAndRestored()
    {
        QFETCH(Engine, engine);
        SetBuilder set;
        writeSet(set, "desk_state", QStringLiteral("001_contracts.sql"), kContracts);
        Fixture f = backedUp(engine, set);
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        QTemporaryDir elsewhere;
        const QString moved =
            elsewhere.filePath(QStringLiteral("moved-") + QFileInfo(f.backupPath).fileName());
        QVERIFY(QDir().rename(f.backupPath, moved));
        QVERIFY(QDir().rename(manifestOf(f.backupPath), manifestOf(moved)));

        const auto run = CliProcess::run(cliArgs(
            f.db->url(), set.path(), yes({QStringLiteral("--json"), QStringLiteral("restore"), moved})));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject doc = run.json();
        QCOMPARE(doc.value(QStringLiteral("verified")).toBool(), true);
        QStringList sha;
        for (const auto& value : doc.value(QStringLiteral("checks_before")).toArray())
            if (value.toObject().value(QStringLiteral("name")).toString() == QLatin1String("sha256"))
                sha << value.toObject().value(QStringLiteral("result")).toString();
        QCOMPARE(sha, QStringList{QStringLiteral("passed")});
        QCOMPARE(doc.value(QStringLiteral("warnings")).toArray().size(), 0);
        QCOMPARE(firstSymbol(*f.db), kSymbol);
        if (engine == Engine::Postgres)
            dropDatabase(doc.value(QStringLiteral("kept_aside")).toString());
    }
};

QTEST_GUILESS_MAIN(TestCliRestore)
#include "tst_cli_restore.moc"
