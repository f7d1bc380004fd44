// How the desktop app's window behaves during Backup > Create backup of a large SQLite database: the
// longest gap in the GUI event loop (the time the window could not repaint or move), measured with a 1 ms
// timer on the GUI thread, against the time the backup takes and the references an operator would use
// (cp, sqlite3 .backup). Prints figures, never pass/fail. The goal: the longest gap under 50 ms
// for a database of 500 MB or more.
//
//   gui_backup_gap [SIZE_MB=600] [FOLDER=a temporary folder]
//
// Runs offscreen unless QT_QPA_PLATFORM says otherwise.

#include <algorithm>
#include <vector>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <sqlite3.h>

#include "backup/BackupActions.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"

using namespace strata;

namespace {

/// A trading state file of about `megabytes`: ticks with a price, a size and a payload like an order book
/// snapshot, in one transaction.
bool createDatabase(const QString& path, int megabytes)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return false;
    const QByteArray sql =
        QStringLiteral("PRAGMA journal_mode=WAL;"
                       "CREATE TABLE book_snapshots (id INTEGER PRIMARY KEY, symbol TEXT, "
                       "taken_at INTEGER, bids BLOB, asks BLOB);"
                       "BEGIN;"
                       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                       "WHERE i < %1) INSERT INTO book_snapshots SELECT i, 'ES' || (i %% 7), "
                       "1700000000 + i, randomblob(1900), randomblob(1900) FROM n;"
                       "CREATE INDEX idx_book_symbol_time ON book_snapshots(symbol, taken_at);"
                       "COMMIT;")
            .arg(qint64(megabytes) * 1024 * 1024 / 3900)
            .replace(QStringLiteral("%%"), QStringLiteral("%"))
            .toUtf8();
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK)
        qWarning("creating the database failed: %s", message);
    sqlite3_free(message);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

double timeCommand(const QString& program, const QStringList& arguments)
{
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(-1) || process.exitCode() != 0)
        return -1;
    return double(timer.elapsed()) / 1000.0;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("StrataBench"));
    QApplication::setApplicationName(QStringLiteral("StrataBench"));
    const int megabytes = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 600;
    QTemporaryDir scratch;
    const QString folder = argc > 2 ? QString::fromLocal8Bit(argv[2]) : scratch.path();
    QDir().mkpath(folder);
    const QString path = QDir(folder).filePath(QStringLiteral("bench-state.db"));
    QFile::remove(path);
    QDir(QDir(folder).filePath(QStringLiteral("backups"))).removeRecursively();

    std::printf("Creating a %d MB SQLite database in %s…\n", megabytes, qPrintable(folder));
    if (!createDatabase(path, megabytes))
        return 1;
    const qint64 size = QFileInfo(path).size();

    const QString copy = QDir(folder).filePath(QStringLiteral("reference-copy.db"));
    const double cp = timeCommand(QStringLiteral("cp"), {path, copy});
    QFile::remove(copy);
    const double dotBackup =
        timeCommand(QStringLiteral("sqlite3"), {path, QStringLiteral(".backup '%1'").arg(copy)});
    const double integrity =
        timeCommand(QStringLiteral("sqlite3"), {copy, QStringLiteral("PRAGMA integrity_check")});
    QFile::remove(copy);
    // The same backup from strata-cli (no GUI), into a folder of its own.
    QDir().mkpath(QDir(folder).filePath(QStringLiteral("cli")));
    const double cli =
        timeCommand(QStringLiteral(STRATA_CLI_PATH),
                    {QStringLiteral("--db"), QStringLiteral("sqlite:") + path, QStringLiteral("backup"),
                     QStringLiteral("--out"), QDir(folder).filePath(QStringLiteral("cli/cli-copy.db"))});
    QDir(QDir(folder).filePath(QStringLiteral("cli"))).removeRecursively();

    MainWindow window;
    window.resize(1180, 720);
    window.show();
    ConnectionTarget target;
    target.url = QStringLiteral("sqlite:") + path;
    target.backupFolder = QDir(folder).filePath(QStringLiteral("backups"));
    window.open(target);
    QSignalSpy shown(&window, &MainWindow::statusShown);
    if (!shown.wait(60000))
        return 1;

    // The gap between two turns of the GUI event loop, as a 1 ms timer on the GUI thread sees it.
    std::vector<qint64> gaps;
    QElapsedTimer loop;
    loop.start();
    qint64 last = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = loop.nsecsElapsed();
        gaps.push_back(now - last);
        last = now;
        window.update(); // and the window repaints on every turn
    });

    QSignalSpy done(window.backups(), &BackupActions::done);
    QSignalSpy failed(window.backups(), &BackupActions::failed);
    QElapsedTimer backup;
    backup.start();
    last = loop.nsecsElapsed();
    tick.start();
    window.actions()->createBackup->trigger();
    while (done.isEmpty() && failed.isEmpty())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    tick.stop();
    const double seconds = double(backup.elapsed()) / 1000.0;
    if (!failed.isEmpty()) {
        std::printf("The backup failed.\n");
        return 1;
    }

    std::sort(gaps.begin(), gaps.end());
    const auto ms = [](qint64 ns) { return double(ns) / 1e6; };
    const qint64 longest = gaps.empty() ? 0 : gaps.back();
    const qint64 p99 = gaps.empty() ? 0 : gaps[gaps.size() * 99 / 100];
    std::printf(
        "\nDatabase: %.0f MB. Backup > Create backup (copy, fsync, integrity_check, size, SHA-256): %.2f s\n",
        double(size) / 1e6, seconds);
    std::printf("  references: cp %.2f s (%.2fx), sqlite3 .backup %.2f s (%.2fx), .backup + integrity_check "
                "%.2f s (%.2fx)\n",
                cp, cp > 0 ? seconds / cp : 0.0, dotBackup, dotBackup > 0 ? seconds / dotBackup : 0.0,
                dotBackup + integrity, dotBackup + integrity > 0 ? seconds / (dotBackup + integrity) : 0.0);
    std::printf("  strata-cli backup of the same file: %.2f s (the desktop app takes %.2fx)\n", cli,
                cli > 0 ? seconds / cli : 0.0);
    std::printf("GUI event loop during the backup: %zu turns, longest gap %.1f ms (goal < 50 ms), 99th "
                "percentile %.1f ms, median %.2f ms\n",
                gaps.size(), ms(longest), ms(p99), gaps.empty() ? 0.0 : ms(gaps[gaps.size() / 2]));
    return 0;
}
