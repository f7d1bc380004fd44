#include "rehearsal/RehearsalCopy.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

#include "dialects/postgres/PostgresBackupEngine.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

namespace {

const QLatin1String kMarker("_strata_rehearsal_");

QString stamp()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
}

QString quoted(const QString& identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QLatin1String("\"\"")) +
           QLatin1Char('"');
}

QString sqliteBase(Database& live)
{
    return QFileInfo(static_cast<SqliteDatabase&>(live).path()).completeBaseName();
}

QString postgresBase(Database& live)
{
    return static_cast<PostgresDatabase&>(live).url().postgresParameter(QStringLiteral("dbname")).left(30);
}

/// SQLite: the copy's path: the operator's target, else a new name in the folder.
QString sqliteCopyPath(Database& live, const RehearsalCopy::Where& where)
{
    if (where.target)
        return QFileInfo(where.target->sqlitePath()).absoluteFilePath();
    return QDir(where.folder).absoluteFilePath(sqliteBase(live) + kMarker + stamp() + QStringLiteral(".db"));
}

QString serverOf(const ConnectionUrl& url)
{
    const QString host = url.postgresParameter(QStringLiteral("host"));
    const QString port = url.postgresParameter(QStringLiteral("port"));
    return (host.isEmpty() ? QStringLiteral("localhost") : host) +
           (port.isEmpty() ? QString() : QLatin1Char(':') + port);
}

/// Where the server keeps its files, when it runs on this machine and the role may read the setting: the
/// disk a copy restored on it fills. Empty when that cannot be known from here.
QString localDataDirectory(PostgresDatabase& server)
{
    const QString host = server.url().postgresParameter(QStringLiteral("host"));
    const bool local = host.isEmpty() || host.startsWith(QLatin1Char('/')) ||
                       host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") ||
                       host == QLatin1String("::1");
    if (!local)
        return {};
    // data_directory is readable by superusers and pg_read_all_settings only: anyone else gets no row.
    auto rows = server.query(QStringLiteral(
        "SELECT current_setting('data_directory') WHERE (SELECT rolsuper FROM pg_roles WHERE rolname = "
        "current_user) OR pg_has_role(current_user, 'pg_read_all_settings', 'MEMBER')"));
    if (!rows || rows->rows.isEmpty())
        return {};
    const QString folder = rows->value(0, 0).toString();
    return QFileInfo::exists(folder) ? folder : QString();
}

} // namespace

Status RehearsalCopy::check(Database& live, qint64 backupSize, const Where& where)
{
    if (where.target && where.target->dialect() != live.dialect())
        return Error::badInput(
            QStringLiteral("--rehearse-on names a %1 database, but %2 is a %3 database: the rehearsal runs "
                           "the steps on a copy of the same engine.")
                .arg(dialectName(where.target->dialect()), live.display(), dialectName(live.dialect())),
            live.dialect() == Dialect::Sqlite
                ? QStringLiteral("Name a file for the copy (--rehearse-on sqlite:/path/copy.db), or leave "
                                 "--rehearse-on out to copy beside the backups.")
                : QStringLiteral(
                      "Name a PostgreSQL server (--rehearse-on postgresql://user@host:port/postgres), "
                      "or leave --rehearse-on out to rehearse on the live database's server."),
            QStringLiteral("Nothing was changed: the rehearsal did not start."));
    if (live.dialect() != Dialect::Sqlite) {
        // The copy is restored on the live database's server: its disk must hold a second copy of the
        // database. Checked when the server runs on this machine and says where its files are; elsewhere
        // pg_restore fills the server's disk and the server's own error says so.
        if (where.target)
            return {};
        auto& server = static_cast<PostgresDatabase&>(live);
        const QString folder = localDataDirectory(server);
        auto size = live.query(QStringLiteral("SELECT pg_database_size(current_database())"));
        if (folder.isEmpty() || !size)
            return {};
        const qint64 databaseSize = size->value(0, 0).toLongLong();
        const qint64 needed = databaseSize + databaseSize / 5;
        const QStorageInfo storage(folder);
        if (storage.isValid() && storage.bytesAvailable() < needed)
            return Error::badInput(
                QStringLiteral("Not enough free disk on the server for the rehearsal's copy: %1 free in %2, "
                               "about %3 needed (a copy of the %4 database and room for the steps).")
                    .arg(QLocale::c().formattedDataSize(storage.bytesAvailable()), folder,
                         QLocale::c().formattedDataSize(needed),
                         QLocale::c().formattedDataSize(databaseSize)),
                QStringLiteral("Free disk space on the server, or rehearse on another server with "
                               "--rehearse-on postgresql://user@host:port/postgres."),
                QStringLiteral("Nothing was changed: the rehearsal did not start, and the live database was "
                               "not touched."));
        return {};
    }
    const QString path = sqliteCopyPath(live, where);
    if (where.target && QFileInfo::exists(path))
        return Error::badInput(
            QStringLiteral("%1 already exists, and the rehearsal's copy would replace it.").arg(path),
            QStringLiteral(
                "Name a file that does not exist yet; the rehearsal removes it when it ends (a file "
                "left there by an interrupted rehearsal can be removed)."),
            QStringLiteral("Nothing was changed: the rehearsal did not start."));
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return Error::badInput(
            QStringLiteral("Cannot create the folder %1 for the rehearsal's copy.").arg(folder),
            QStringLiteral("Check its permissions, or name another place with "
                           "--rehearse-on sqlite:/path/copy.db."),
            QStringLiteral("Nothing was changed: the rehearsal did not start."));
    // The copy, and room for what the steps add to it (index builds, a rebuilt table): a fifth more.
    const qint64 needed = backupSize + backupSize / 5;
    const QStorageInfo storage(folder);
    if (storage.isValid() && storage.bytesAvailable() < needed)
        return Error::badInput(
            QStringLiteral("Not enough free disk for the rehearsal's copy: %1 free in %2, about %3 needed "
                           "(a copy of the %4 backup and room for the steps).")
                .arg(QLocale::c().formattedDataSize(storage.bytesAvailable()), folder,
                     QLocale::c().formattedDataSize(needed), QLocale::c().formattedDataSize(backupSize)),
            QStringLiteral("Free disk space there, or put the copy on another disk with --rehearse-on "
                           "sqlite:/other/disk/copy.db."),
            QStringLiteral("Nothing was changed: the rehearsal did not start, and the live database was not "
                           "touched."));
    return {};
}

Result<std::unique_ptr<RehearsalCopy>> RehearsalCopy::make(Database& live, const QString& backupPath,
                                                           qint64 backupSize, const Where& where,
                                                           const Progress& progress)
{
    if (auto ok = check(live, backupSize, where); !ok)
        return ok.error();
    if (live.dialect() == Dialect::Sqlite)
        return makeSqlite(live, backupPath, where);
    return makePostgres(live, backupPath, where, progress);
}

Result<std::unique_ptr<RehearsalCopy>> RehearsalCopy::makeSqlite(Database& live, const QString& backupPath,
                                                                 const Where& where)
{
    std::unique_ptr<RehearsalCopy> copy(new RehearsalCopy());
    if (!where.target) {
        // What a killed rehearsal of this database left beside the backups (the copy and its journal).
        const QDir folder(where.folder);
        const QString pattern = sqliteBase(live) + kMarker + QStringLiteral("*.db*");
        for (const QString& file : folder.entryList({pattern}, QDir::Files | QDir::Hidden))
            if (!file.contains(QLatin1String("_backup")) && // the backup this rehearsal alone took
                QFile::remove(folder.filePath(file)))
                copy->m_leftovers << folder.filePath(file);
    }
    const QString path = sqliteCopyPath(live, where);
    copy->m_name = path;
    copy->m_description = QStringLiteral("a copy of the backup at %1").arg(path);
    if (!QFile::copy(backupPath, path)) {
        QFile::remove(path);
        copy->m_dropped = true;
        return Error::failed(QStringLiteral("Cannot copy the backup %1 to %2.").arg(backupPath, path),
                             QStringLiteral("Nothing was changed: the backup was only read and the live "
                                            "database was not touched."),
                             QStringLiteral("Check free disk space and permissions in %1.")
                                 .arg(QFileInfo(path).absolutePath()));
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    auto db = SqliteDatabase::open(path);
    if (!db)
        return db.error().prefixed(QStringLiteral("Cannot open the rehearsal's copy %1").arg(path));
    copy->m_db = std::move(db).value();
    return copy;
}

Result<std::unique_ptr<RehearsalCopy>> RehearsalCopy::makePostgres(Database& live, const QString& backupPath,
                                                                   const Where& where,
                                                                   const Progress& progress)
{
    std::unique_ptr<RehearsalCopy> copy(new RehearsalCopy());
    if (where.target) {
        auto admin = PostgresDatabase::open(*where.target);
        if (!admin)
            return admin.error().prefixed(
                QStringLiteral("Cannot connect to the server named by --rehearse-on"));
        copy->m_admin = std::move(admin).value();
        copy->m_server = copy->m_admin.get();
    } else {
        copy->m_server = &live;
    }
    auto& server = static_cast<PostgresDatabase&>(*copy->m_server);
    const QString base = postgresBase(live);
    QString pattern = base + kMarker;
    pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"));
    auto leftovers =
        server.query(server.catalogSql(QStringLiteral("rehearsal_leftovers")), {pattern + QLatin1Char('%')});
    if (!leftovers)
        return leftovers.error().prefixed(QStringLiteral("Cannot list the earlier rehearsals' databases"));
    for (const auto& row : leftovers->rows) {
        const QString name = row.value(0).toString();
        if (server.execute(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted(name))))
            copy->m_leftovers << name;
    }
    copy->m_name = base + kMarker + stamp();
    copy->m_description =
        QStringLiteral("the scratch database %1 on %2").arg(copy->m_name, serverOf(server.url()));
    if (auto restored = PostgresBackupEngine(server).restoreInto(copy->m_name, backupPath, progress);
        !restored) {
        copy->m_dropped = true; // restoreInto dropped it
        if (restored.error().what.contains(QLatin1String("42501")) ||
            restored.error().what.contains(QLatin1String("permission denied to create database")))
            return Error::failed(
                QStringLiteral(
                    "This role may not create databases, and the rehearsal restores the backup into "
                    "one (%1).")
                    .arg(restored.error().what),
                QStringLiteral(
                    "Nothing was changed: the rehearsal did not start, and the live database was not "
                    "touched."),
                QStringLiteral(
                    "Rehearse as a role with CREATEDB (ALTER ROLE <role> CREATEDB), or on a server "
                    "where you may create databases: --rehearse-on "
                    "postgresql://user@host:port/postgres."));
        return restored.error().withUnchanged(
            QStringLiteral("The live database was not touched; the scratch database %1 was dropped.")
                .arg(copy->m_name));
    }
    auto db = PostgresDatabase::open(server.url().withDatabaseName(copy->m_name));
    if (!db)
        return db.error().prefixed(
            QStringLiteral("Cannot connect to the scratch database %1").arg(copy->m_name));
    copy->m_db = std::move(db).value();
    return copy;
}

RehearsalCopy::~RehearsalCopy()
{
    (void)drop();
}

Status RehearsalCopy::drop()
{
    if (m_dropped)
        return {};
    m_db.reset(); // its session or file handle ends before the copy goes
    m_dropped = true;
    if (!m_server) {
        bool removed = true;
        for (const QString& suffix :
             {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
            if (QFileInfo::exists(m_name + suffix))
                removed = QFile::remove(m_name + suffix) && removed;
        if (removed)
            return {};
        return Error::failed(QStringLiteral("Cannot remove the rehearsal's copy %1.").arg(m_name),
                             QStringLiteral("The live database was not touched."),
                             QStringLiteral("Remove it by hand: rm '%1'").arg(m_name));
    }
    const QString sql = QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted(m_name));
    auto dropped = m_server->execute(sql);
    if (dropped)
        return {};
    // The session may be unusable (a cancelled statement, a lost connection): try a session of its own.
    if (auto again = PostgresDatabase::open(static_cast<PostgresDatabase&>(*m_server).url()))
        if ((*again)->execute(sql))
            return {};
    return Error::failed(
        QStringLiteral("Cannot drop the rehearsal's scratch database %1: %2")
            .arg(m_name, dropped.error().what),
        QStringLiteral("The live database was not touched."),
        QStringLiteral("Drop it by hand: DROP DATABASE %1; (the next rehearsal drops it too).").arg(m_name));
}

} // namespace strata
