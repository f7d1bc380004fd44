#include "migrations/RepeatableHistory.h"

#include "common/TextFile.h"
#include "migrations/HistoryStore.h"

namespace strata {

namespace {

const QString kTable = QStringLiteral("schema_version_repeatables");

/// A timestamp as the dialect stores it (as HistoryStore does).
QString stamp(const Database& db)
{
    return db.dialect() == Dialect::Sqlite ? HistoryStore::now()
                                           : HistoryStore::now() + QStringLiteral("+00");
}

} // namespace

QString RepeatableHistory::table()
{
    return kTable;
}

QString RepeatableHistory::checksumOf(const MigrationStep& script)
{
    return TextFile::sha256(script.forwardSql);
}

Result<QList<RepeatableRecord>> RepeatableHistory::read(const QStringList& tables)
{
    QList<RepeatableRecord> records;
    if (!tables.contains(kTable))
        return records;
    auto rows = m_db.query(QStringLiteral(
        "SELECT description, script, checksum, status, transactional, started_at, finished_at, "
        "execution_time_ms, applied_by, host, tool_version, runs, error_message "
        "FROM schema_version_repeatables ORDER BY description"));
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Cannot read schema_version_repeatables"));
    for (const auto& r : rows->rows) {
        RepeatableRecord record;
        record.description = r.value(0).toString();
        record.script = r.value(1).toString();
        record.checksum = r.value(2).toString();
        record.status = r.value(3).toString();
        record.transactional = r.value(4).toInt() != 0;
        record.startedAt = r.value(5).toString();
        record.finishedAt = r.value(6).toString();
        record.executionTimeMs = r.value(7).toLongLong();
        record.appliedBy = r.value(8).toString();
        record.host = r.value(9).toString();
        record.toolVersion = r.value(10).toString();
        record.runs = r.value(11).toInt();
        record.errorMessage = r.value(12).toString();
        records << record;
    }
    return records;
}

Status RepeatableHistory::ensureTable()
{
    auto exists = m_db.tableExists(kTable);
    if (!exists)
        return exists.error();
    if (*exists)
        return {};
    const QString ddl = m_db.catalogSql(QStringLiteral("repeatables"));
    return m_db.runScript(SqlScript{QStringLiteral("repeatables table"), ddl.toUtf8(), 1}, false);
}

Status RepeatableHistory::recordStarted(const MigrationStep& script, const RunIdentity& who)
{
    // A script that ran before keeps the checksum of its last good run until this one finishes.
    return m_db.execute(
        QStringLiteral(
            "INSERT INTO schema_version_repeatables (description, script, checksum, status, transactional, "
            "started_at, finished_at, execution_time_ms, applied_by, host, tool_version, runs, "
            "error_message) "
            "VALUES (?, ?, '', 'started', ?, ?, NULL, 0, ?, ?, ?, 0, NULL) "
            "ON CONFLICT (description) DO UPDATE SET script = excluded.script, status = 'started', "
            "transactional = excluded.transactional, started_at = excluded.started_at, finished_at = NULL, "
            "execution_time_ms = 0, applied_by = excluded.applied_by, host = excluded.host, "
            "tool_version = excluded.tool_version, error_message = NULL"),
        QVariantList{script.name, script.forwardPath, script.transactional() ? 1 : 0, stamp(m_db), who.user,
                     who.host, who.toolVersion});
}

Status RepeatableHistory::recordApplied(const MigrationStep& script, qint64 elapsedMs, const RunIdentity& who)
{
    const QString at = stamp(m_db);
    return m_db.execute(
        QStringLiteral(
            "INSERT INTO schema_version_repeatables (description, script, checksum, status, transactional, "
            "started_at, finished_at, execution_time_ms, applied_by, host, tool_version, runs, "
            "error_message) "
            "VALUES (?, ?, ?, 'applied', ?, ?, ?, ?, ?, ?, ?, 1, NULL) "
            "ON CONFLICT (description) DO UPDATE SET script = excluded.script, checksum = excluded.checksum, "
            "status = 'applied', transactional = excluded.transactional, "
            "started_at = CASE WHEN schema_version_repeatables.status = 'started' "
            "THEN schema_version_repeatables.started_at ELSE excluded.started_at END, "
            "finished_at = excluded.finished_at, execution_time_ms = excluded.execution_time_ms, "
            "applied_by = excluded.applied_by, host = excluded.host, tool_version = excluded.tool_version, "
            "runs = schema_version_repeatables.runs + 1, error_message = NULL"),
        QVariantList{script.name, script.forwardPath, checksumOf(script), script.transactional() ? 1 : 0, at,
                     at, elapsedMs, who.user, who.host, who.toolVersion});
}

Status RepeatableHistory::recordFailed(const MigrationStep& script, qint64 elapsedMs, const QString& error,
                                       const RunIdentity& who)
{
    const QString at = stamp(m_db);
    return m_db.execute(
        QStringLiteral(
            "INSERT INTO schema_version_repeatables (description, script, checksum, status, transactional, "
            "started_at, finished_at, execution_time_ms, applied_by, host, tool_version, runs, "
            "error_message) "
            "VALUES (?, ?, '', 'failed', ?, ?, ?, ?, ?, ?, ?, 0, ?) "
            "ON CONFLICT (description) DO UPDATE SET script = excluded.script, status = 'failed', "
            "transactional = excluded.transactional, started_at = excluded.started_at, "
            "finished_at = excluded.finished_at, execution_time_ms = excluded.execution_time_ms, "
            "applied_by = excluded.applied_by, host = excluded.host, tool_version = excluded.tool_version, "
            "error_message = excluded.error_message"),
        QVariantList{script.name, script.forwardPath, script.transactional() ? 1 : 0, at, at, elapsedMs,
                     who.user, who.host, who.toolVersion, error});
}

Status RepeatableHistory::recordDirtyFailure(const MigrationStep& script, const QString& error)
{
    return m_db.execute(
        QStringLiteral("UPDATE schema_version_repeatables SET error_message = ? WHERE description = ?"),
        QVariantList{error, script.name});
}

} // namespace strata
