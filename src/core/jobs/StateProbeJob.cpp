#include "jobs/StateProbeJob.h"

#include <QCryptographicHash>

#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/postgres/PostgresRunLock.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteRunLock.h"
#include "migrations/HistoryStore.h"

namespace strata {

Status StateProbeJob::run(Database& db, const Progress& progress)
{
    progress.report(0, 1, QStringLiteral("reading the lock and the history"));
    auto fingerprint = fingerprintOf(db);
    if (!fingerprint)
        return fingerprint.error();
    m_fingerprint = *fingerprint;
    progress.report(1, 1, QStringLiteral("done"));
    return {};
}

Result<QString> StateProbeJob::fingerprintOf(Database& db)
{
    const QString holder =
        db.dialect() == Dialect::Sqlite
            ? SqliteRunLock::holderOf(SqliteRunLock::lockPathFor(static_cast<SqliteDatabase&>(db).path()))
            : PostgresRunLock::holder(static_cast<PostgresDatabase&>(db));
    auto history = HistoryStore(db).read();
    if (!history)
        return history.error();
    QCryptographicHash digest(QCryptographicHash::Sha256);
    const auto add = [&digest](const QStringList& parts) {
        digest.addData(parts.join(QLatin1Char('\x1f')).toUtf8());
        digest.addData("\x1e");
    };
    for (const auto& version : history->versions)
        add({QString::number(version.version),
             version.success ? QStringLiteral("ok") : QStringLiteral("failed"), version.appliedAt});
    for (const auto& step : history->steps)
        add({step.slot(), step.status, step.checksum, step.finishedAt, step.errorMessage});
    for (const auto& run : history->unfinishedRuns)
        add({run.runId, run.phase});
    for (const auto& other : history->otherTools)
        add({other.tool, QString::number(other.rows.size()), other.readError});
    for (const auto& repeatable : history->repeatables)
        add({repeatable.description, repeatable.checksum});
    return holder + QLatin1Char('|') + QString::fromLatin1(digest.result().toHex());
}

} // namespace strata
