#include "backup/LeftoverSweep.h"

#include <memory>
#include <optional>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <unistd.h>

#include "backup/PartialBackupLock.h"
#include "common/DiskFile.h"
#include "common/FileDigest.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

namespace {

QString quotedPath(const QString& path)
{
    return QLatin1Char('\'') + QString(path).replace(QLatin1Char('\''), QLatin1String("'\\''")) +
           QLatin1Char('\'');
}

void sweepPartials(const QString& folder, LeftoverSweep::Mode mode, QList<LeftoverSweep::Leftover>& found)
{
    const QDir dir(folder);
    if (folder.isEmpty() || !dir.exists())
        return;
    const QFileInfoList entries = dir.entryInfoList(
        {QStringLiteral("*.partial")},
        QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    for (const QFileInfo& entry : entries) {
        LeftoverSweep::Leftover item;
        item.kind = LeftoverSweep::Leftover::Kind::PartialBackup;
        item.where = entry.absoluteFilePath();
        // Clean holds the lock of a .partial whose writer is gone while it removes it (the lock file goes
        // last).
        PartialBackupLock::Writer writer = PartialBackupLock::Writer::None;
        std::unique_ptr<PartialBackupLock> lock;
        if (mode == LeftoverSweep::Mode::Clean)
            lock = PartialBackupLock::takeAbandoned(item.where, &writer);
        else
            writer = PartialBackupLock::writerOf(item.where);
        if (writer == PartialBackupLock::Writer::Alive)
            continue; // a backup is being written right now: not a leftover
        item.size = FileDigest::size(entry.absoluteFilePath());
        const QString what = QStringLiteral("%1 (%2)").arg(item.where, DiskFile::humanSize(item.size));
        if (writer == PartialBackupLock::Writer::None) {
            item.text = QStringLiteral("A partial backup with no lock of its writer is left in place: %1. A "
                                       "Strata older than this one wrote it, and may still be writing it; "
                                       "when no backup is running, remove it: rm -r %2")
                            .arg(what, quotedPath(item.where));
        } else if (mode == LeftoverSweep::Mode::Clean) {
            item.removed = DiskFile::remove(entry.absoluteFilePath());
            item.text = item.removed
                            ? QStringLiteral("Removed a partial backup a killed run left: %1").arg(what)
                            : QStringLiteral("Cannot remove a partial backup a killed run left: %1; "
                                             "remove it by hand: rm -r %2")
                                  .arg(what, quotedPath(item.where));
        } else {
            item.text = QStringLiteral("A killed run left a partial backup: %1; the next migrate or backup "
                                       "removes it")
                            .arg(what);
        }
        found << item;
    }
    // Lock files whose backup is gone (a run killed just before or after writing it).
    const QFileInfoList locks =
        dir.entryInfoList({QStringLiteral("*.partial.lock")}, QDir::Files | QDir::Hidden, QDir::Name);
    for (const QFileInfo& entry : locks) {
        const QString partial = entry.absoluteFilePath().chopped(5);
        if (QFileInfo::exists(partial) || mode != LeftoverSweep::Mode::Clean)
            continue;
        PartialBackupLock::Writer writer = PartialBackupLock::Writer::None;
        if (auto lock = PartialBackupLock::takeAbandoned(partial, &writer); lock) {
            lock.reset();
            LeftoverSweep::Leftover item;
            item.kind = LeftoverSweep::Leftover::Kind::PartialBackup;
            item.where = entry.absoluteFilePath();
            item.size = 0;
            item.removed = true;
            item.text =
                QStringLiteral("Removed the lock file of a backup a killed run left: %1").arg(item.where);
            found << item;
        }
    }
}

/// The copy of a SQLite database a restore keeps aside is written as `<file>.failed_<time>.partial` beside
/// it and renamed when complete: one still there was left by a restore that was killed. Restores hold the
/// run lock, so while this run holds it none is running.
void sweepRestoreCopies(Database& db, LeftoverSweep::Mode mode, bool runLockHeld,
                        QList<LeftoverSweep::Leftover>& found)
{
    if (db.dialect() != Dialect::Sqlite)
        return;
    const QFileInfo file(static_cast<SqliteDatabase&>(db).path());
    const QFileInfoList entries = file.absoluteDir().entryInfoList(
        {file.fileName() + QStringLiteral(".failed_*.partial")}, QDir::Files | QDir::Hidden, QDir::Name);
    for (const QFileInfo& entry : entries) {
        LeftoverSweep::Leftover item;
        item.kind = LeftoverSweep::Leftover::Kind::PartialBackup;
        item.where = entry.absoluteFilePath();
        item.size = entry.size();
        const QString what = QStringLiteral("%1 (%2)").arg(item.where, DiskFile::humanSize(item.size));
        if (mode == LeftoverSweep::Mode::Clean && runLockHeld) {
            item.removed = QFile::remove(item.where);
            for (const QString& suffix :
                 {QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(item.where + suffix);
            item.text = item.removed
                            ? QStringLiteral("Removed the partial copy a killed restore left: %1 (the "
                                             "database was not changed by that restore)")
                                  .arg(what)
                            : QStringLiteral("Cannot remove the partial copy a killed restore left: "
                                             "%1; remove it: rm %2")
                                  .arg(what, quotedPath(item.where));
        } else {
            item.text = QStringLiteral("A killed restore left a partial copy of the database: %1; the next "
                                       "migrate removes it")
                            .arg(what);
        }
        found << item;
    }
}

/// The scratch databases Strata makes on a server: a drift check's, a test restore's, a restore's, a
/// rehearsal's.
void listScratchDatabases(Database& db, QList<LeftoverSweep::Leftover>& found)
{
    if (db.dialect() != Dialect::Postgres)
        return;
    // The names first: looking for sessions in pg_stat_activity costs a new session three times the names'
    // query, and there is almost never a scratch database to look for them in.
    const QString named = QStringLiteral(
        "SELECT d.datname FROM pg_database d WHERE (d.datname LIKE 'strata\\_drift\\_%' OR d.datname LIKE "
        "'%\\_strata\\_check\\_%' OR d.datname LIKE '%\\_strata\\_restore' OR d.datname LIKE "
        "'%\\_strata\\_rehearsal\\_%')");
    auto rows = db.query(named);
    if (!rows || rows->rows.isEmpty())
        return;
    // Only those no session is connected to: a running drift check, verify, restore or rehearsal uses its
    // own.
    rows =
        db.query(named + QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = "
                                        "d.datname) ORDER BY d.datname"));
    if (!rows)
        return;
    for (const auto& row : rows->rows) {
        LeftoverSweep::Leftover item;
        item.kind = LeftoverSweep::Leftover::Kind::ScratchDatabase;
        item.where = row.value(0).toString();
        const QString left =
            item.where.startsWith(QLatin1String("strata_drift_"))   ? QStringLiteral("a drift check")
            : item.where.endsWith(QLatin1String("_strata_restore")) ? QStringLiteral("a restore")
            : item.where.contains(QLatin1String("_strata_rehearsal_"))
                ? QStringLiteral("a rehearsal (the next rehearsal of its database drops it)")
                : QStringLiteral("a test restore (verify --test-restore)");
        item.text =
            QStringLiteral(
                "A scratch database of %1 that did not finish is on the server: %2. When no "
                "drift check, verify, restore or rehearsal is running, drop it: DROP DATABASE \"%3\";")
                .arg(left, item.where, QString(item.where).replace(QLatin1Char('"'), QLatin1String("\"\"")));
        found << item;
    }
}

/// Paths of files that processes have open, read from /proc.
QStringList openFiles()
{
    QStringList paths;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString& pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (pid.isEmpty() || !pid.at(0).isDigit())
            continue;
        const QDir fds(proc.filePath(pid + QStringLiteral("/fd")));
        for (const QString& fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot))
            paths << QFileInfo(fds.filePath(fd)).symLinkTarget();
    }
    return paths;
}

/// An earlier Strata gave pg_dump and pg_restore the password in a file QTemporaryFile made
/// (`<program>.XXXXXX`), which a kill left behind; a drift check of SQLite works in a temporary folder
/// (`<program>-XXXXXX`) with one database in it.
void sweepTemporary(LeftoverSweep::Mode mode, QList<LeftoverSweep::Leftover>& found)
{
    static const QRegularExpression passwordFile(QStringLiteral("^strata[\\w-]*\\.\\w{6}$"));
    static const QRegularExpression scratchFolder(QStringLiteral("^strata[\\w-]*-\\w{6}$"));
    const QDir temp(QDir::tempPath());
    const QFileInfoList entries = temp.entryInfoList(
        {QStringLiteral("strata*")},
        QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks, QDir::Name);
    std::optional<QStringList> open;
    for (const QFileInfo& entry : entries) {
        if (entry.ownerId() != ::getuid())
            continue;
        LeftoverSweep::Leftover item;
        item.where = entry.absoluteFilePath();
        if (entry.isFile() && passwordFile.match(entry.fileName()).hasMatch() && entry.size() < 4096) {
            QFile file(item.where);
            if (!file.open(QIODevice::ReadOnly) || !file.read(8).startsWith("*:*:*:*:"))
                continue;
            file.close();
            item.kind = LeftoverSweep::Leftover::Kind::PasswordFile;
            item.size = entry.size();
            item.removed = QFile::remove(item.where);
            item.text =
                item.removed
                    ? QStringLiteral("Removed a password file an earlier Strata left in the temporary "
                                     "folder: %1")
                          .arg(item.where)
                    : QStringLiteral("A password file an earlier Strata left in the temporary folder "
                                     "holds a password in plain text: remove it: rm %1")
                          .arg(quotedPath(item.where));
            found << item;
            continue;
        }
        if (!entry.isDir() || !scratchFolder.match(entry.fileName()).hasMatch())
            continue;
        const QStringList inside =
            QDir(item.where).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        static const QRegularExpression driftFiles(QStringLiteral("^drift\\.db(-journal|-wal|-shm)?$"));
        if (inside.isEmpty() || !inside.contains(QStringLiteral("drift.db")))
            continue;
        bool onlyDrift = true;
        for (const QString& name : inside)
            onlyDrift = onlyDrift && driftFiles.match(name).hasMatch();
        // A drift check creates the file and opens it a moment later: one changed in the last minute is
        // taken as in use, whoever has it open.
        const QDateTime changed =
            QFileInfo(QDir(item.where).filePath(QStringLiteral("drift.db"))).lastModified();
        if (!onlyDrift || changed.secsTo(QDateTime::currentDateTime()) < 60)
            continue;
        if (!open)
            open = openFiles();
        bool inUse = false;
        for (const QString& name : inside)
            inUse = inUse || open->contains(QDir(entry.canonicalFilePath()).filePath(name));
        if (inUse)
            continue; // a drift check is running
        item.kind = LeftoverSweep::Leftover::Kind::TemporaryFolder;
        item.size = FileDigest::size(entry.absoluteFilePath());
        const QString what = QStringLiteral("%1 (%2)").arg(item.where, DiskFile::humanSize(item.size));
        if (mode == LeftoverSweep::Mode::Clean) {
            item.removed = DiskFile::remove(entry.absoluteFilePath());
            item.text = item.removed
                            ? QStringLiteral("Removed the temporary folder of a drift check a killed "
                                             "run left: %1")
                                  .arg(what)
                            : QStringLiteral("Cannot remove the temporary folder of a drift check a "
                                             "killed run left: %1; remove it: rm -r %2")
                                  .arg(what, quotedPath(item.where));
        } else {
            item.text =
                QStringLiteral("A killed drift check left its temporary folder: %1; the next migrate or "
                               "backup removes it")
                    .arg(what);
        }
        found << item;
    }
}

} // namespace

QString LeftoverSweep::Leftover::kindName() const
{
    switch (kind) {
    case Kind::PartialBackup:
        return QStringLiteral("partial_backup");
    case Kind::ScratchDatabase:
        return QStringLiteral("scratch_database");
    case Kind::PasswordFile:
        return QStringLiteral("password_file");
    case Kind::TemporaryFolder:
        return QStringLiteral("temporary_folder");
    }
    return {};
}

QJsonObject LeftoverSweep::Leftover::toJson() const
{
    QJsonObject object{{QStringLiteral("kind"), kindName()},
                       {QStringLiteral("where"), where},
                       {QStringLiteral("removed"), removed},
                       {QStringLiteral("text"), text}};
    if (size >= 0)
        object.insert(QStringLiteral("size"), size);
    return object;
}

QList<LeftoverSweep::Leftover> LeftoverSweep::sweep(Database& db, const QString& backupFolder, Mode mode,
                                                    bool runLockHeld)
{
    QList<Leftover> found;
    sweepPartials(backupFolder, mode, found);
    sweepRestoreCopies(db, mode, runLockHeld, found);
    listScratchDatabases(db, found);
    sweepTemporary(mode, found);
    return found;
}

QList<CheckResult> LeftoverSweep::checks(const QList<Leftover>& leftovers)
{
    QList<CheckResult> results;
    for (const auto& item : leftovers)
        results << CheckResult::passed(QStringLiteral("leftover"), item.text);
    return results;
}

} // namespace strata
