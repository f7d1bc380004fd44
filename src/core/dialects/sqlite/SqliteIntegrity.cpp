#include "dialects/sqlite/SqliteIntegrity.h"

#include <QFileInfo>

#include <sqlite3.h>

namespace strata {

namespace {

struct ProgressState
{
    const Progress* progress;
    qint64 ticks = 0;
};

int onProgress(void* context)
{
    auto* state = static_cast<ProgressState*>(context);
    ++state->ticks;
    state->progress->report(state->ticks, 0, QStringLiteral("integrity check"));
    return state->progress->cancelled() ? 1 : 0;
}

} // namespace

CheckResult SqliteIntegrity::check(const QString& path, IntegrityMode mode, const Progress& progress)
{
    const QString name =
        mode == IntegrityMode::Full ? QStringLiteral("integrity_check") : QStringLiteral("quick_check");
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return CheckResult::failed(name, QStringLiteral("cannot open %1: %2").arg(path, message));
    }
    const qint64 size = QFileInfo(path).size();
    // Map the whole file and give the cache room for it: each page is read from disk once.
    const QByteArray tuning = QStringLiteral("PRAGMA mmap_size = %1; PRAGMA cache_size = -%2;")
                                  .arg(size + (1 << 20))
                                  .arg(std::min<qint64>(size / 1024 + 1024, 2 << 20))
                                  .toUtf8();
    sqlite3_exec(db, tuning.constData(), nullptr, nullptr, nullptr);
    ProgressState state{&progress};
    sqlite3_progress_handler(db, 100000, onProgress, &state);

    sqlite3_stmt* stmt = nullptr;
    const QByteArray sql = QStringLiteral("PRAGMA %1").arg(name).toUtf8();
    QStringList findings;
    int rc = sqlite3_prepare_v2(db, sql.constData(), -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            if (findings.size() < 20)
                findings << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        }
    }
    const QString error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    if (rc == SQLITE_INTERRUPT)
        return CheckResult::notRun(name, QStringLiteral("cancelled"));
    if (rc != SQLITE_DONE)
        return CheckResult::failed(name, QStringLiteral("the check could not read the file: %1").arg(error));
    if (findings == QStringList{QStringLiteral("ok")})
        return CheckResult::passed(name, QStringLiteral("ok"));
    return CheckResult::failed(name, findings.join(QStringLiteral("; ")));
}

} // namespace strata
