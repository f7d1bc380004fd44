#include "migrations/RunJournal.h"

#include <QDateTime>

namespace strata {

namespace {

const QString kTable = QStringLiteral("schema_version_runs");

QString stamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

Result<bool> RunJournal::tableExists()
{
    return m_db.tableExists(kTable);
}

Status RunJournal::ensureTable()
{
    // Plain types both engines read alike; times are ISO 8601 text in UTC.
    return m_db.execute(
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version_runs ("
                       "run_id TEXT PRIMARY KEY, started_at TEXT NOT NULL, phase TEXT NOT NULL, "
                       "finished_at TEXT, outcome TEXT, from_version TEXT NOT NULL, "
                       "target_version BIGINT NOT NULL, applied_by TEXT NOT NULL, "
                       "host TEXT NOT NULL, pid BIGINT NOT NULL, run_log TEXT, "
                       "acknowledged_at TEXT, acknowledged_by TEXT)"));
}

Status RunJournal::begin(const RunEntry& entry)
{
    if (auto made = ensureTable(); !made)
        return made;
    return m_db.execute(QStringLiteral("INSERT INTO schema_version_runs (run_id, started_at, phase, "
                                       "from_version, target_version, applied_by, host, pid, run_log) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {entry.runId, entry.startedAt.isEmpty() ? stamp() : entry.startedAt, entry.phase,
                         entry.fromVersion, entry.targetVersion, entry.appliedBy, entry.host, entry.pid,
                         entry.runLog});
}

Status RunJournal::enterPhase(const QString& runId, const QString& phase)
{
    return m_db.execute(QStringLiteral("UPDATE schema_version_runs SET phase = ? WHERE run_id = ?"),
                        {phase, runId});
}

Status RunJournal::finish(const QString& runId, const QString& outcome)
{
    auto exists = tableExists();
    if (!exists)
        return exists.error();
    if (!*exists) // the run ended before its steps (or a restore took the database back to before them)
        return {};
    return m_db.execute(
        QStringLiteral("UPDATE schema_version_runs SET finished_at = ?, outcome = ? WHERE run_id = ?"),
        {stamp(), outcome, runId});
}

Result<QList<RunEntry>> RunJournal::unfinished()
{
    auto exists = tableExists();
    if (!exists)
        return exists.error();
    if (!*exists)
        return QList<RunEntry>();
    return readUnfinished();
}

Result<QList<RunEntry>> RunJournal::readUnfinished()
{
    QList<RunEntry> entries;
    auto rows = m_db.query(QStringLiteral(
        "SELECT run_id, started_at, phase, from_version, target_version, applied_by, host, pid, run_log "
        "FROM schema_version_runs WHERE finished_at IS NULL AND acknowledged_at IS NULL ORDER BY "
        "started_at"));
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Cannot read schema_version_runs"));
    for (const auto& r : rows->rows) {
        RunEntry e;
        e.runId = r.value(0).toString();
        e.startedAt = r.value(1).toString();
        e.phase = r.value(2).toString();
        e.fromVersion = r.value(3).toString();
        e.targetVersion = r.value(4).toLongLong();
        e.appliedBy = r.value(5).toString();
        e.host = r.value(6).toString();
        e.pid = r.value(7).toLongLong();
        e.runLog = r.value(8).toString();
        entries << e;
    }
    return entries;
}

Result<QString> RunJournal::acknowledge(const QString& runId, const RunIdentity& who)
{
    auto open = unfinished();
    if (!open)
        return open.error();
    const RunEntry* found = nullptr;
    for (const auto& e : *open)
        if (e.runId == runId)
            found = &e;
    if (!found) {
        QStringList ids;
        for (const auto& e : *open)
            ids << e.runId;
        return Error::badInput(
            QStringLiteral("No interrupted run \"%1\" waits for acknowledgement on this database.")
                .arg(runId),
            ids.isEmpty()
                ? QStringLiteral("Nothing needs acknowledging: `strata-cli status` lists interrupted "
                                 "runs when there are any.")
                : QStringLiteral("The interrupted runs are: %1.").arg(ids.join(QStringLiteral(", "))),
            QStringLiteral("Nothing was changed."));
    }
    if (found->live())
        return Error::locked(QStringLiteral("The run %1 is still going: pid %2 on %3.")
                                 .arg(runId)
                                 .arg(found->pid)
                                 .arg(found->host),
                             QStringLiteral("Wait for it to end; it records its own outcome."));
    if (auto done =
            m_db.execute(QStringLiteral("UPDATE schema_version_runs SET acknowledged_at = ?, "
                                        "acknowledged_by = ?, outcome = 'interrupted' WHERE run_id = ?"),
                         {stamp(), QStringLiteral("%1@%2").arg(who.user, who.host), runId});
        !done)
        return done.error();
    return QStringLiteral("Recorded that %1 acknowledged the interrupted run %2 (%3 phase).")
        .arg(who.user, runId, found->phase);
}

} // namespace strata
