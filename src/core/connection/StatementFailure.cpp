#include "connection/StatementFailure.h"

#include <QFileInfo>
#include <QStorageInfo>

namespace strata {

namespace {

const QString kMigrateAgain = QStringLiteral("then run migrate again.");
const QString kCommandAgain = QStringLiteral("then run the command again.");
/// Free bytes below which a filesystem counts as full: less than a few pages and a journal's header.
constexpr qint64 kNearlyFull = 64 * 1024;

QString folderOf(const QString& file)
{
    return QFileInfo(file).absolutePath();
}

QString restoreAdvice()
{
    return QStringLiteral("Restore the newest good backup: `strata-cli backups` lists them and "
                          "`strata-cli restore ID` puts one back (the damaged database is kept aside).");
}

} // namespace

qsizetype StatementFailure::lineOf(const SqlScript& script, qsizetype byteOffset)
{
    return script.firstLine + script.utf8.left(qMax<qsizetype>(0, byteOffset)).count('\n');
}

Error StatementFailure::inScript(FailureKind kind, const SqlScript& script, qsizetype byteOffset,
                                 const QString& databaseMessage, const Place& place)
{
    const qsizetype line = lineOf(script, byteOffset);
    if (kind.kind() == FailureKind::NeedsNoTransaction && !place.inTransaction)
        kind = FailureKind::Statement;
    Error error = build(kind, QStringLiteral("%1:%2: ").arg(script.path).arg(line),
                        QStringLiteral("the statement at %1 line %2").arg(script.path).arg(line),
                        databaseMessage, place);
    if (kind.kind() == FailureKind::NeedsNoTransaction)
        error.next =
            QStringLiteral("Mark the step `-- strata:no-transaction` in the comment block at the top of "
                           "%1, so that it runs outside a transaction (give such a statement a step "
                           "of its own: a no-transaction step is not rolled back when it fails), %2")
                .arg(script.path, kMigrateAgain);
    return error;
}

Error StatementFailure::outsideScript(FailureKind kind, const QString& databaseMessage, const Place& place)
{
    Error error = build(kind, QString(), QStringLiteral("the statement"), databaseMessage, place);
    if (kind.kind() == FailureKind::NeedsNoTransaction)
        error.next = QStringLiteral("Run the statement outside a transaction.");
    return error;
}

Error StatementFailure::build(FailureKind kind, const QString& at, const QString& statement,
                              const QString& databaseMessage, const Place& place)
{
    const bool sqlite = !place.file.isEmpty();
    const QString message = databaseMessage.simplified();
    const QString folder = sqlite ? folderOf(place.file) : QString();
    const QString serverCheck = place.server.isEmpty() ? QStringLiteral("pg_isready")
                                                       : QStringLiteral("pg_isready %1").arg(place.server);
    const QString notAtFault = QStringLiteral("The statement is not at fault. ");
    const QString runAgain = at.isEmpty() ? kCommandAgain : kMigrateAgain;
    // A write that fails for want of space is not always SQLITE_FULL (a quota gives EDQUOT, an I/O error to
    // SQLite): a filesystem with next to nothing free is named as full.
    if (sqlite && kind.kind() == FailureKind::IoError) {
        const QStorageInfo storage(folder);
        if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < kNearlyFull)
            kind = FailureKind::DiskFull;
    }

    Error error;
    error.code = kind.exitCode();
    if (at.isEmpty() && kind.kind() == FailureKind::Corrupt && sqlite)
        error.unchanged = QStringLiteral("Strata wrote nothing to the file.");
    else if (at.isEmpty())
        error.unchanged = QStringLiteral("The open transaction, if any, was rolled back.");
    else if (!place.inTransaction)
        error.unchanged = QStringLiteral("The script ran outside a transaction: what its statements before "
                                         "this one did stays.");
    else if (kind.kind() == FailureKind::ConnectionLost || kind.kind() == FailureKind::ServerShutdown)
        error.unchanged = QStringLiteral("The server rolls back the open transaction of a session that ends: "
                                         "nothing of this step remains.");
    else
        error.unchanged =
            QStringLiteral("The step's transaction was rolled back: nothing of this step remains.");

    switch (kind.kind()) {
    case FailureKind::Statement:
        error.what = at + message;
        error.next = QStringLiteral("Fix %1 and run migrate again.").arg(statement);
        break;
    case FailureKind::ConnectionLost:
        error.what = at + QStringLiteral("the connection to %1 was lost while the statement ran (%2).")
                              .arg(place.database, message);
        error.next = notAtFault +
                     QStringLiteral("Check that the server is up (%1) and read its log for why the session "
                                    "ended (a restart, a crash, a network cut), %2")
                         .arg(serverCheck, runAgain);
        break;
    case FailureKind::ServerShutdown:
        error.what = at + QStringLiteral("the server of %1 shut down, restarted or ended this session while "
                                         "the statement ran (%2).")
                              .arg(place.database, message);
        error.next =
            notAtFault +
            QStringLiteral("Check that the server is up again (%1) and read its log for what ended the "
                           "session (a shutdown, a crash, pg_terminate_backend); make sure nothing "
                           "ends the session of a migration, %2")
                .arg(serverCheck, runAgain);
        break;
    case FailureKind::DiskFull:
        if (sqlite) {
            error.what =
                at + QStringLiteral("the filesystem that holds %1 is full (%2).").arg(place.file, message);
            error.next =
                notAtFault + QStringLiteral("Free space on the filesystem of %1 (df -h %1): SQLite needs "
                                            "room for the step's changes and for its journal beside "
                                            "the file, %2")
                                 .arg(folder, runAgain);
        } else {
            error.what =
                at +
                QStringLiteral("the disk of the server of %1 is full (%2).").arg(place.database, message);
            error.next = notAtFault + QStringLiteral("Free space on the server's data filesystem (the "
                                                     "database's tablespace and pg_wal), %1")
                                          .arg(runAgain);
        }
        break;
    case FailureKind::OutOfMemory:
        error.what = at + QStringLiteral("%1 ran out of memory (%2).")
                              .arg(sqlite ? QStringLiteral("SQLite") : QStringLiteral("the server"), message);
        error.next = sqlite
                         ? notAtFault + QStringLiteral("Free memory on this machine, or split the step into "
                                                       "smaller ones, %1")
                                            .arg(runAgain)
                         : notAtFault + QStringLiteral("Free memory on the server, or lower work_mem and "
                                                       "maintenance_work_mem for this step, %1")
                                            .arg(runAgain);
        break;
    case FailureKind::Permission:
        if (sqlite) {
            error.what =
                at +
                QStringLiteral("this user may not write %1 or its folder (%2).").arg(place.file, message);
            error.next =
                QStringLiteral("Let this user read and write %1 and create files in %2 (SQLite keeps "
                               "its journal there), %3")
                    .arg(place.file, folder, runAgain);
        } else {
            error.what =
                at + QStringLiteral("the role lacks a privilege the statement needs (%1).").arg(message);
            error.next = QStringLiteral("Run migrate as the role that owns these objects, or GRANT this role "
                                        "the privilege, %1")
                             .arg(runAgain);
        }
        break;
    case FailureKind::ReadOnly:
        if (sqlite) {
            error.what = at + QStringLiteral("%1 takes no writes (%2).").arg(place.file, message);
            error.next = QStringLiteral("Check that this user may write %1 and that its filesystem is not "
                                        "mounted read-only, %2")
                             .arg(place.file, runAgain);
        } else {
            error.what = at + QStringLiteral("the server of %1 takes no writes: it is a standby, or "
                                             "default_transaction_read_only is on (%2).")
                                  .arg(place.database, message);
            error.next = QStringLiteral("Point migrate at the primary server (or turn "
                                        "default_transaction_read_only off for this role), %1")
                             .arg(runAgain);
        }
        break;
    case FailureKind::LockTimeout:
        if (sqlite) {
            const QString holder =
                place.lockHolder.isEmpty() ? QStringLiteral("another process") : place.lockHolder;
            error.what = at + QStringLiteral("%1 is locked by %2 (%3).").arg(place.file, holder, message);
            error.next = place.lockHolder.isEmpty()
                             ? QStringLiteral("Stop the process that writes to it (a pre hook can stop the "
                                              "programs that use the database before every run), %1")
                                   .arg(runAgain)
                             : QStringLiteral("Wait for %1 to finish, %2").arg(place.lockHolder, runAgain);
        } else {
            error.what =
                at + QStringLiteral("a lock the statement needs was not granted in time (%1).").arg(message);
            error.next = QStringLiteral("Another session holds a lock on what this step changes: find it "
                                        "(SELECT pid, usename, application_name, state, query FROM "
                                        "pg_stat_activity WHERE datname = current_database()), let it finish "
                                        "or end it, %1")
                             .arg(runAgain);
        }
        break;
    case FailureKind::Deadlock:
        error.what = at + QStringLiteral("the server ended the statement to break a deadlock with another "
                                         "session (%1).")
                              .arg(message);
        error.next = QStringLiteral("Run %1 again; if it happens again, stop the other writers first (a pre "
                                    "hook can stop them before every run).")
                         .arg(at.isEmpty() ? QStringLiteral("the command") : QStringLiteral("migrate"));
        break;
    case FailureKind::Timeout:
        error.what =
            at + QStringLiteral("the server's statement_timeout stopped the statement (%1).").arg(message);
        error.next = QStringLiteral("Raise statement_timeout for this role (ALTER ROLE name SET "
                                    "statement_timeout = '1h'), or run the step at a quieter time, %1")
                         .arg(runAgain);
        break;
    case FailureKind::Cancelled:
        error.what = at + QStringLiteral("the statement was cancelled (%1).").arg(message);
        error.next = QStringLiteral("Run %1 again when you are ready.")
                         .arg(at.isEmpty() ? QStringLiteral("the command") : QStringLiteral("migrate"));
        break;
    case FailureKind::IoError:
        if (sqlite) {
            error.what = at + QStringLiteral("reading or writing %1 failed (%2).").arg(place.file, message);
            error.next =
                notAtFault + QStringLiteral("Check the disk and the filesystem of %1 (dmesg, df -h %1, "
                                            "a full quota, a network filesystem that went away), %2")
                                 .arg(folder, runAgain);
        } else {
            error.what = at + QStringLiteral("the server of %1 could not read or write its files (%2).")
                                  .arg(place.database, message);
            error.next =
                notAtFault + QStringLiteral("Check the server's disks and its log, %1").arg(runAgain);
        }
        break;
    case FailureKind::Corrupt:
        if (sqlite) {
            error.what = at + QStringLiteral("%1 is damaged (%2).").arg(place.file, message);
            error.next = QStringLiteral("Stop writing to this file. ") + restoreAdvice();
        } else {
            error.what = at + QStringLiteral("the server found damaged data (%1).").arg(message);
            error.next = QStringLiteral("Check the server's log and disks. If this database's data is "
                                        "damaged: ") +
                         restoreAdvice();
        }
        break;
    case FailureKind::NeedsNoTransaction:
        error.what = at + QStringLiteral("%1: the statement cannot run inside a transaction, and Strata runs "
                                         "each step in one.")
                              .arg(message);
        error.next = QStringLiteral("Run %1 outside a transaction.").arg(statement);
        break;
    }
    if (!place.detail.isEmpty())
        error.what += QLatin1Char(' ') + place.detail;
    return error;
}

} // namespace strata
