#include "dialects/sqlite/SqliteBackupEngine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QThread>

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include "common/FileDigest.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteIntegrity.h"

namespace strata {

namespace {

Error sqliteError(sqlite3* db, const QString& what, const QString& unchanged)
{
    return Error::failed(
        QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(db))), unchanged,
        QStringLiteral("Check free disk space and permissions of the backup folder, then try "
                       "again."));
}

struct Closer
{
    sqlite3* db;
    ~Closer() { sqlite3_close_v2(db); }
};

} // namespace

QString SqliteBackupEngine::databaseIdentity() const
{
    return QStringLiteral("sqlite:") + m_db.path();
}

QString SqliteBackupEngine::baseName() const
{
    return QFileInfo(m_db.path()).completeBaseName();
}

qint64 SqliteBackupEngine::estimatedSize()
{
    auto pages = m_db.query(QStringLiteral("PRAGMA page_count"));
    auto size = m_db.query(QStringLiteral("PRAGMA page_size"));
    if (!pages || !size)
        return QFileInfo(m_db.path()).size();
    return pages->value(0, 0).toLongLong() * size->value(0, 0).toLongLong();
}

Result<sqlite3*> SqliteBackupEngine::openFile(const QString& path, bool readOnly)
{
    sqlite3* db = nullptr;
    const int flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
        Error error = sqliteError(db, QStringLiteral("Cannot open %1").arg(path),
                                  QStringLiteral("Nothing was changed."));
        sqlite3_close(db);
        return error;
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

Status SqliteBackupEngine::copyPages(sqlite3* source, sqlite3* destination, const Progress& progress,
                                     const QString& stage, const QString& flushPath)
{
    int flushFd = -1;
    auto closeFlush = qScopeGuard([&flushFd] {
        if (flushFd >= 0)
            ::close(flushFd);
    });
    sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
    if (!backup)
        return sqliteError(destination, QStringLiteral("The backup could not start"),
                           QStringLiteral("Nothing was changed."));
    int busyRetries = 0;
    for (;;) {
        const int rc = sqlite3_backup_step(backup, kPagesPerStep);
        const int total = sqlite3_backup_pagecount(backup);
        progress.report(total - sqlite3_backup_remaining(backup), total, stage);
        if (rc == SQLITE_DONE)
            break;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (++busyRetries > 6000) // 30 s of a lock held by someone else
                break;
            QThread::msleep(5);
            continue;
        }
        if (rc != SQLITE_OK)
            break;
        busyRetries = 0;
        if (!flushPath.isEmpty()) {
            if (flushFd < 0)
                flushFd = ::open(QFile::encodeName(flushPath).constData(), O_RDONLY | O_CLOEXEC);
            if (flushFd >= 0)
                ::fdatasync(flushFd); // any descriptor of the file flushes the file's data
        }
        if (progress.cancelled()) {
            sqlite3_backup_finish(backup);
            return Error::failed(
                QStringLiteral("The %1 was cancelled.").arg(stage),
                QStringLiteral("The database was not changed; the partial copy is discarded."), QString());
        }
    }
    if (sqlite3_backup_finish(backup) != SQLITE_OK)
        return sqliteError(destination, QStringLiteral("The %1 failed").arg(stage),
                           QStringLiteral("The database was not changed; the partial copy is discarded."));
    return {};
}

Status SqliteBackupEngine::write(const QString& path, const Progress& progress)
{
    sqlite3* source = m_db.handle();
    // Pin one snapshot: a read transaction held for the whole copy. Writers go on (WAL), the copy does not
    // restart, and what it copies is one consistent state of the database.
    if (sqlite3_exec(source, "BEGIN; SELECT count(*) FROM sqlite_schema;", nullptr, nullptr, nullptr) !=
        SQLITE_OK)
        return sqliteError(source, QStringLiteral("Cannot start a read transaction on %1").arg(m_db.path()),
                           QStringLiteral("Nothing was changed."));
    auto endRead = qScopeGuard([source] { sqlite3_exec(source, "ROLLBACK", nullptr, nullptr, nullptr); });
    auto pages = m_db.query(QStringLiteral("PRAGMA page_count"));
    auto pageSize = m_db.query(QStringLiteral("PRAGMA page_size"));
    if (pages && pageSize)
        // An empty database still makes a one-page copy.
        m_expectedSize =
            std::max<qint64>(1, pages->value(0, 0).toLongLong()) * pageSize->value(0, 0).toLongLong();

    QFile::remove(path);
    auto destination = openFile(path, false);
    if (!destination)
        return destination.error();
    Closer closer{*destination};
    // The copy is a new private file, checked and fsynced before it counts: no journal needed while writing.
    sqlite3_exec(*destination, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", nullptr, nullptr,
                 nullptr);
    if (auto copied = copyPages(source, *destination, progress, QStringLiteral("backup"), path); !copied)
        return copied;
    // A backup is one self-contained file: never a WAL database that needs a -wal beside it.
    sqlite3_exec(*destination, "PRAGMA journal_mode = DELETE;", nullptr, nullptr, nullptr);
    return {};
}

QList<CheckResult> SqliteBackupEngine::check(const QString& path, IntegrityMode mode,
                                             const Progress& progress)
{
    return {SqliteIntegrity::check(path, mode, progress)};
}

Result<QString> SqliteBackupEngine::restore(const QString& backupPath, const QString& asideName,
                                            const Progress& progress, const Vetting& vet)
{
    (void)vet; // a SQLite backup is read before the restore (BackupOrigin reads its history)
    const QString folder = QFileInfo(m_db.path()).absolutePath();
    const QString aside = QDir(folder).filePath(asideName);
    if (QFileInfo::exists(aside))
        return Error::failed(QStringLiteral("%1 already exists.").arg(aside),
                             QStringLiteral("Nothing was changed."),
                             QStringLiteral("Move it away and try again."));
    // The copy is written under a `.partial` name and renamed once it is complete and on disk: a file named
    // `.failed_<timestamp>` is always a whole copy, even after a kill.
    const QString partial = aside + QStringLiteral(".partial");
    const auto removeAside = [&partial] {
        for (const QString& suffix :
             {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(partial + suffix);
    };
    const auto asideFailed = [&](const Error& cause) {
        removeAside();
        return Error::failed(
            QStringLiteral("Could not keep the current database aside as %1: %2").arg(aside, cause.what),
            QStringLiteral("Nothing was changed: the database was not touched, and the partial copy was "
                           "removed."),
            QStringLiteral("The copy is written beside the database: free disk space in %1 (the copy needs "
                           "about %2 bytes) and check that this user may write there, then restore again.")
                .arg(folder)
                .arg(estimatedSize()));
    };
    // 1. Keep the current database aside: a consistent copy (with what its -wal holds), on disk. The copy is
    //    a new private file, fsynced before it counts: it needs no journal while it is written, so a copy
    //    that fails leaves nothing beside the database.
    {
        removeAside();
        auto copy = openFile(partial, false);
        if (!copy)
            return asideFailed(copy.error());
        Closer closer{*copy};
        sqlite3_exec(*copy, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", nullptr, nullptr,
                     nullptr);
        auto copied = copyPages(m_db.handle(), *copy, progress,
                                QStringLiteral("copy of the current database"), partial);
        if (copied)
            sqlite3_exec(*copy, "PRAGMA journal_mode = DELETE;", nullptr, nullptr, nullptr);
        if (!copied) {
            sqlite3_close_v2(closer.db);
            closer.db = nullptr;
            return asideFailed(copied.error());
        }
    }
    if (auto synced = FileDigest::sync(partial); !synced)
        return asideFailed(synced.error());
    if (!QDir().rename(partial, aside))
        return asideFailed(Error::failed(QStringLiteral("cannot rename %1 to %2").arg(partial, aside),
                                         QString(), QString()));
    (void)FileDigest::sync(aside);
    // 2. Load the backup into the live file in one write transaction: if anything fails, SQLite rolls the
    //    database back and it stays exactly as it was.
    auto backup = openFile(backupPath, true);
    if (!backup)
        return backup.error().withUnchanged(
            QStringLiteral("The database was not changed. A copy of it was kept as %1.").arg(aside));
    Closer closer{*backup};
    if (auto loaded = copyPages(*backup, m_db.handle(), progress, QStringLiteral("restore")); !loaded) {
        Error error = loaded.error();
        error.unchanged =
            QStringLiteral("The database was not changed (the restore's transaction was rolled back). A copy "
                           "of it was kept as %1.")
                .arg(aside);
        error.next =
            QStringLiteral("The backup passed its checks; the database's own file could not take its "
                           "pages. Free disk space in %1 and check that this user may write there, "
                           "then restore again.")
                .arg(folder);
        return error;
    }
    return aside;
}

} // namespace strata
