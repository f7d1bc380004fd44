#include "dialects/postgres/PostgresBackupEngine.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "dialects/postgres/PgTool.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/postgres/PostgresRunLock.h"

namespace strata {

namespace {

int serverMajor(const PostgresDatabase& db)
{
    return db.serverVersion() / 10000;
}

QString quoted(const QString& identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QLatin1String("\"\"")) +
           QLatin1Char('"');
}

QString tail(const QString& text)
{
    QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    while (lines.size() > 6)
        lines.removeFirst();
    return lines.join(QStringLiteral(" / "));
}

} // namespace

QString PostgresBackupEngine::format() const
{
    return m_settings.directoryFormat ? QStringLiteral("pg_dump-directory")
                                      : QStringLiteral("pg_dump-custom");
}

QString PostgresBackupEngine::fileSuffix() const
{
    return m_settings.directoryFormat ? QStringLiteral(".dumpdir") : QStringLiteral(".dump");
}

QString PostgresBackupEngine::databaseIdentity() const
{
    return m_db.url().display();
}

QString PostgresBackupEngine::baseName() const
{
    return m_db.url().postgresParameter(QStringLiteral("dbname"));
}

qint64 PostgresBackupEngine::estimatedSize()
{
    auto size = m_db.query(QStringLiteral("SELECT pg_database_size(current_database())"));
    return size ? size->value(0, 0).toLongLong() : 0;
}

Status PostgresBackupEngine::write(const QString& path, const Progress& progress)
{
    auto tables = m_db.query(QStringLiteral(
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg_toast%'"));
    const qint64 total = tables ? tables->value(0, 0).toLongLong() : 0;
    QStringList args{QStringLiteral("--verbose"), QStringLiteral("--file=") + path,
                     QStringLiteral("--compress=%1").arg(m_settings.compression)};
    if (m_settings.directoryFormat)
        args << QStringLiteral("--format=directory") << QStringLiteral("--jobs=%1").arg(m_settings.jobs);
    else
        args << QStringLiteral("--format=custom");
    qint64 done = 0;
    PgTool dump(QStringLiteral("pg_dump"), serverMajor(m_db));
    auto outcome = dump.run(args, &m_db.url(), progress, [&](const QString& line) {
        if (line.contains(QLatin1String("dumping contents of table")) ||
            line.contains(QLatin1String("finished item")))
            progress.report(++done, std::max(total, done), QStringLiteral("backup"));
    });
    if (!outcome)
        return outcome.error();
    if (outcome->exitCode != 0)
        return Error::failed(
            QStringLiteral("pg_dump failed (exit %1): %2")
                .arg(outcome->exitCode)
                .arg(tail(outcome->standardError)),
            QStringLiteral("The database was not changed; the partial backup is discarded."),
            QStringLiteral("Check free disk space in the backup folder and that the role may read "
                           "every table (pg_dump needs SELECT on all of them)."));
    return {};
}

CheckResult PostgresBackupEngine::versionsFit(const QString& backupPath)
{
    PgTool restore(QStringLiteral("pg_restore"), serverMajor(m_db));
    auto listed = restore.run({QStringLiteral("--list"), backupPath}, nullptr, {});
    const int toolMajor = restore.majorVersion();
    if (!listed)
        return CheckResult::notRun(QStringLiteral("versions"), listed.error().what);
    const QString out = listed->standardOutput;
    if (listed->exitCode != 0) {
        if (listed->standardError.contains(QLatin1String("unsupported version")))
            return CheckResult::failed(
                QStringLiteral("versions"),
                QStringLiteral(
                    "the archive was written by a newer pg_dump than this pg_restore (%1) can read: %2. "
                    "Restore it with the pg_restore of that newer PostgreSQL.")
                    .arg(restore.versionText(), tail(listed->standardError)));
        return CheckResult::failed(QStringLiteral("versions"), tail(listed->standardError));
    }
    static const QRegularExpression dumpedBy(QStringLiteral("Dumped by pg_dump version: (\\d+)"));
    static const QRegularExpression dumpedFrom(QStringLiteral("Dumped from database version: (\\d+)"));
    const int archiveMajor = dumpedBy.match(out).captured(1).toInt();
    const int sourceMajor = dumpedFrom.match(out).captured(1).toInt();
    const int server = serverMajor(m_db);
    if (archiveMajor > toolMajor)
        return CheckResult::failed(
            QStringLiteral("versions"),
            QStringLiteral("the archive comes from pg_dump %1, newer than this pg_restore %2")
                .arg(archiveMajor)
                .arg(toolMajor));
    if (sourceMajor > server)
        return CheckResult::failed(
            QStringLiteral("versions"),
            QStringLiteral("the archive comes from a PostgreSQL %1 server, newer than this server "
                           "(%2): restore it into a %1 server or newer")
                .arg(sourceMajor)
                .arg(server));
    return CheckResult::passed(QStringLiteral("versions"),
                               QStringLiteral("archive from pg_dump %1 (server %2); pg_restore %3; server %4")
                                   .arg(archiveMajor)
                                   .arg(sourceMajor)
                                   .arg(toolMajor)
                                   .arg(server));
}

QList<CheckResult> PostgresBackupEngine::check(const QString& path, IntegrityMode mode,
                                               const Progress& progress)
{
    (void)mode;
    (void)progress;
    QList<CheckResult> checks;
    PgTool restore(QStringLiteral("pg_restore"), serverMajor(m_db));
    auto listed = restore.run({QStringLiteral("--list"), path}, nullptr, {});
    if (!listed) {
        checks << CheckResult::notRun(QStringLiteral("pg_restore --list"), listed.error().what);
    } else if (listed->exitCode != 0) {
        checks << CheckResult::failed(QStringLiteral("pg_restore --list"), tail(listed->standardError));
    } else {
        const qsizetype entries =
            listed->standardOutput.count(QRegularExpression(QStringLiteral("(?m)^\\d+;")));
        const bool header = listed->standardOutput.contains(QLatin1String("; Archive created at"));
        checks << (header
                       ? CheckResult::passed(QStringLiteral("pg_restore --list"),
                                             entries > 0 ? QStringLiteral("%1 entries").arg(entries)
                                                         : QStringLiteral("an empty database (no entries)"))
                       : CheckResult::failed(QStringLiteral("pg_restore --list"),
                                             QStringLiteral("pg_restore read no archive header")));
    }
    checks << versionsFit(path);
    return checks;
}

Status PostgresBackupEngine::dropDatabase(const QString& name)
{
    return m_db.execute(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted(name)));
}

Status PostgresBackupEngine::restoreInto(const QString& database, const QString& backupPath,
                                         const Progress& progress)
{
    if (auto created =
            m_db.execute(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(quoted(database)));
        !created)
        return created.error().prefixed(QStringLiteral("Cannot create the database to restore into"));
    QStringList args{QStringLiteral("--exit-on-error"), QStringLiteral("--verbose"),
                     QStringLiteral("--no-owner"), backupPath};
    if (QFileInfo(backupPath).isDir())
        args.prepend(QStringLiteral("--jobs=%1").arg(m_settings.jobs));
    qint64 done = 0;
    const ConnectionUrl target = m_db.url().withDatabaseName(database);
    PgTool restore(QStringLiteral("pg_restore"), serverMajor(m_db));
    auto outcome = restore.run(args, &target, progress, [&](const QString& line) {
        if (line.contains(QLatin1String("processing data for table")) ||
            line.contains(QLatin1String("finished item")))
            progress.report(++done, 0, QStringLiteral("restore"));
    });
    if (!outcome || outcome->exitCode != 0) {
        const QString why = outcome ? tail(outcome->standardError) : outcome.error().what;
        (void)dropDatabase(database);
        return Error::failed(
            QStringLiteral("pg_restore failed: %1").arg(why),
            QStringLiteral("The database was not changed; the scratch database %1 was dropped.")
                .arg(database),
            QStringLiteral("Check the archive with `strata-cli verify` and the server's log."));
    }
    return {};
}

CheckResult PostgresBackupEngine::testRestore(const QString& backupPath, const Progress& progress)
{
    const QString name = QStringLiteral("test restore");
    PgTool lister(QStringLiteral("pg_restore"), serverMajor(m_db));
    auto listed = lister.run({QStringLiteral("--list"), backupPath}, nullptr, {});
    if (!listed || listed->exitCode != 0)
        return CheckResult::failed(name, QStringLiteral("pg_restore cannot list the archive"));
    const qsizetype archivedTables = listed->standardOutput.count(
        QRegularExpression(QStringLiteral("(?m)^\\d+; \\d+ \\d+ TABLE (?!DATA )")));
    const QString scratch =
        QStringLiteral("%1_strata_check_%2")
            .arg(baseName().left(30),
                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")));
    if (auto restored = restoreInto(scratch, backupPath, progress); !restored)
        return CheckResult::failed(name, restored.error().what);
    qint64 restoredTables = -1;
    if (auto probe = PostgresDatabase::open(m_db.url().withDatabaseName(scratch))) {
        auto count =
            (*probe)->query(QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                                           "c.relnamespace WHERE c.relkind IN ('r', "
                                           "'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                                           "AND n.nspname NOT LIKE 'pg_toast%'"));
        if (count)
            restoredTables = count->value(0, 0).toLongLong();
    }
    const auto dropped = dropDatabase(scratch);
    if (restoredTables != archivedTables)
        return CheckResult::failed(name,
                                   QStringLiteral("the archive lists %1 tables, the scratch database got %2")
                                       .arg(archivedTables)
                                       .arg(restoredTables));
    if (!dropped)
        return CheckResult::failed(name, dropped.error().what);
    return CheckResult::passed(
        name, QStringLiteral("restored %1 tables into the scratch database %2, then dropped it")
                  .arg(restoredTables)
                  .arg(scratch));
}

Result<QString> PostgresBackupEngine::restore(const QString& backupPath, const QString& asideName,
                                              const Progress& progress, const Vetting& vet)
{
    const QString current = baseName();
    const QString incoming = QStringLiteral("%1_strata_restore").arg(current.left(40));
    (void)dropDatabase(incoming); // a leftover of a restore that was killed
    if (auto restored = restoreInto(incoming, backupPath, progress); !restored)
        return restored.error();
    if (vet) {
        Status vetted = Error::failed(QStringLiteral("Cannot read the restored database %1.").arg(incoming),
                                      QString(), QString());
        if (auto restoredDb = PostgresDatabase::open(m_db.url().withDatabaseName(incoming)))
            vetted = vet(**restoredDb);
        else
            vetted = restoredDb.error();
        if (!vetted) {
            (void)dropDatabase(incoming);
            return vetted.error().withUnchanged(
                QStringLiteral("The database was not changed; the database %1 the backup was restored into "
                               "was dropped.")
                    .arg(incoming));
        }
    }

    // Swap names from the maintenance database: a database cannot be renamed while anyone is connected.
    // Autovacuum workers are not "anyone": the rename stops them itself (PostgreSQL's CountOtherDBBackends
    // signals them when they are all that is left), and one that happened to be vacuuming the restored
    // tables refused the restore with "pid N (, )".
    auto others = m_db.query(QStringLiteral(
        "SELECT pid, coalesce(application_name, ''), coalesce(usename, '') FROM pg_stat_activity WHERE "
        "datname "
        "= current_database() AND pid <> pg_backend_pid() AND backend_type <> 'autovacuum worker'"));
    if (others && !others->isEmpty()) {
        QStringList who;
        for (const auto& row : others->rows)
            who << QStringLiteral("pid %1 (%2, %3)")
                       .arg(row.value(0).toString(), row.value(1).toString(), row.value(2).toString());
        (void)dropDatabase(incoming);
        return Error::failed(
            QStringLiteral("Other sessions are connected to %1: %2.")
                .arg(current, who.join(QStringLiteral(", "))),
            QStringLiteral("The database was not changed."),
            QStringLiteral("Stop the programs that use it (a pre hook can stop them before every "
                           "run), then restore again."));
    }
    const ConnectionUrl maintenance = m_db.url().withDatabaseName(QStringLiteral("postgres"));
    auto admin = PostgresDatabase::open(maintenance);
    if (!admin) {
        (void)dropDatabase(incoming);
        return admin.error();
    }
    // Strata's run lock is a session lock in this database, and PostgreSQL renames a database only when no
    // session is connected to it. So the lock's session ends just before the swap and a new one takes the
    // lock again right after it; both renames commit together, so no run can ever connect between them
    // (a session that connects to either database in that instant makes the swap fail, and nothing is
    // renamed), and the lock is taken again before anything else happens on the restored database.
    const bool heldLock = holdsRunLock();
    m_db.disconnect();
    auto swap = [&]() -> Status {
        if (auto began = (*admin)->execute(QStringLiteral("BEGIN")); !began)
            return began;
        Status renamed = (*admin)->execute(
            QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(quoted(current), quoted(asideName)));
        if (renamed)
            renamed = (*admin)->execute(
                QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(quoted(incoming), quoted(current)));
        if (renamed)
            renamed = (*admin)->execute(QStringLiteral("COMMIT"));
        if (!renamed)
            (void)(*admin)->execute(QStringLiteral("ROLLBACK"));
        return renamed;
    };
    if (auto swapped = swap(); !swapped) {
        (void)(*admin)->execute(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted(incoming)));
        const Status back = reconnectLocked(heldLock);
        return swapped.error()
            .prefixed(QStringLiteral("The restored database could not take the place of %1").arg(current))
            .withUnchanged(
                QStringLiteral("The database was not changed: both renames were rolled back%1.")
                    .arg(back ? QString()
                              : QStringLiteral(" (but reconnecting failed: %1)").arg(back.error().what)));
    }
    if (auto relocked = reconnectLocked(heldLock); !relocked)
        return relocked.error().withUnchanged(
            QStringLiteral("The backup is restored as %1; the database it replaced is kept as %2.")
                .arg(current, asideName));
    return asideName;
}

bool PostgresBackupEngine::holdsRunLock()
{
    auto held = m_db.query(
        QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "
                       "AND granted AND classid = ?::int4::oid AND objid = ?::int4::oid AND objsubid = 2"),
        QVariantList{PostgresRunLock::kClassKey, PostgresRunLock::kObjectKey});
    return held && held->value(0, 0).toLongLong() > 0;
}

Status PostgresBackupEngine::reconnectLocked(bool takeLock)
{
    if (auto reconnected = m_db.reconnect(); !reconnected)
        return reconnected;
    if (!takeLock)
        return {};
    auto taken = m_db.query(QStringLiteral("SELECT pg_try_advisory_lock(?::int4, ?::int4)"),
                            QVariantList{PostgresRunLock::kClassKey, PostgresRunLock::kObjectKey});
    if (!taken)
        return taken.error();
    if (taken->value(0, 0).toString() == QLatin1String("t"))
        return {};
    const QString holder = PostgresRunLock::holder(m_db);
    return Error::locked(
        QStringLiteral("Another run took the migration lock of %1 the instant the restore renamed it: %2.")
            .arg(m_db.display(), holder.isEmpty() ? QStringLiteral("another session") : holder),
        QStringLiteral("Check what that run does before anything else; the restore itself is complete."));
}

} // namespace strata
