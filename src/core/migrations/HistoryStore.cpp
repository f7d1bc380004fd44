#include "migrations/HistoryStore.h"

#include <QDateTime>

#include "migrations/RepeatableHistory.h"
#include "migrations/RunJournal.h"
#include "tools/ToolHistories.h"

namespace strata {

qint64 HistoryState::currentVersion() const
{
    qint64 current = 0;
    for (const auto& v : versions)
        if (v.success && v.version > current)
            current = v.version;
    return current;
}

const StepRecord* HistoryState::step(qint64 version, int stepNumber) const
{
    for (const auto& s : steps)
        if (s.version == version && s.step == stepNumber)
            return &s;
    return nullptr;
}

const RepeatableRecord* HistoryState::repeatable(const QString& description) const
{
    for (const auto& r : repeatables)
        if (r.description == description)
            return &r;
    return nullptr;
}

QString HistoryStore::now()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

namespace {

/// A timestamp as the dialect stores it: SQLite keeps seed 004's datetime('now') text, PostgreSQL a
/// TIMESTAMPTZ (so the zone is spelled out).
QString stamp(const Database& db)
{
    return db.dialect() == Dialect::Sqlite ? HistoryStore::now()
                                           : HistoryStore::now() + QStringLiteral("+00");
}

} // namespace

QStringList HistoryStore::tablesRead(Dialect dialect)
{
    return QStringList{QStringLiteral("schema_version"), QStringLiteral("schema_version_steps"),
                       QStringLiteral("schema_version_runs"), RepeatableHistory::table()} +
           ToolHistories::tablesRead(dialect);
}

Result<HistoryState> HistoryStore::read()
{
    auto tables = m_db.tablesNamed(tablesRead(m_db.dialect()));
    if (!tables)
        return tables.error();
    return read(*tables);
}

Result<HistoryState> HistoryStore::read(const QStringList& userTables)
{
    HistoryState state;
    const bool hasVersions = userTables.contains(QStringLiteral("schema_version"));
    const bool hasSteps = userTables.contains(QStringLiteral("schema_version_steps"));
    if (hasVersions) {
        auto rows = m_db.query(QStringLiteral(
            "SELECT version, applied_at, description, migration_script, rollback_script, execution_time_ms, "
            "success, error_message FROM schema_version ORDER BY version"));
        if (!rows)
            return rows.error().prefixed(QStringLiteral("Cannot read schema_version"));
        for (const auto& r : rows->rows) {
            VersionRecord v;
            v.version = r.value(0).toLongLong();
            v.appliedAt = r.value(1).toString();
            v.description = r.value(2).toString();
            v.migrationScript = r.value(3).toString();
            v.rollbackScript = r.value(4).toString();
            v.executionTimeMs = r.value(5).toLongLong();
            const QString success = r.value(6).toString();
            v.success = success == QLatin1String("1") || success == QLatin1String("t") ||
                        success == QLatin1String("true");
            v.errorMessage = r.value(7).toString();
            state.versions << v;
        }
    }
    if (hasSteps) {
        auto rows = m_db.query(QStringLiteral(
            "SELECT version, step, name, phase, script, checksum, status, transactional, started_at, "
            "finished_at, "
            "execution_time_ms, applied_by, host, tool_version, error_message FROM schema_version_steps "
            "ORDER BY version, step"));
        if (!rows)
            return rows.error().prefixed(QStringLiteral("Cannot read schema_version_steps"));
        for (const auto& r : rows->rows) {
            StepRecord s;
            s.version = r.value(0).toLongLong();
            s.step = r.value(1).toInt();
            s.name = r.value(2).toString();
            s.phase = r.value(3).toString();
            s.script = r.value(4).toString();
            s.checksum = r.value(5).toString();
            s.status = r.value(6).toString();
            s.transactional = r.value(7).toInt() != 0;
            s.startedAt = r.value(8).toString();
            s.finishedAt = r.value(9).toString();
            s.executionTimeMs = r.value(10).toLongLong();
            s.appliedBy = r.value(11).toString();
            s.host = r.value(12).toString();
            s.toolVersion = r.value(13).toString();
            s.errorMessage = r.value(14).toString();
            state.steps << s;
        }
    }
    auto repeatables = RepeatableHistory(m_db).read(userTables);
    if (!repeatables)
        return repeatables.error();
    state.repeatables = *repeatables;
    state.tracked = !state.versions.isEmpty() || !state.steps.isEmpty() || !state.repeatables.isEmpty();
    state.otherTools = ToolHistories::read(m_db, userTables);
    if (userTables.contains(QStringLiteral("schema_version_runs"))) {
        auto runs = RunJournal(m_db).readUnfinished();
        if (!runs)
            return runs.error();
        state.unfinishedRuns = *runs;
    }
    return state;
}

Status HistoryStore::ensureTables()
{
    auto tables = m_db.userTables();
    if (!tables)
        return tables.error();
    if (tables->contains(QStringLiteral("schema_version")) &&
        tables->contains(QStringLiteral("schema_version_steps")) &&
        tables->contains(QStringLiteral("schema_version_scripts")))
        return {};
    const QString ddl = m_db.catalogSql(QStringLiteral("history"));
    return m_db.runScript(SqlScript{QStringLiteral("history tables"), ddl.toUtf8(), 1}, false);
}

Status HistoryStore::upsertStep(const MigrationStep& step, const QString& status, qint64 elapsedMs,
                                const QString& error, const RunIdentity& who, bool finished)
{
    const QString at = stamp(m_db);
    return m_db.execute(
        QStringLiteral(
            "INSERT INTO schema_version_steps (version, step, name, phase, script, checksum, status, "
            "transactional, "
            "started_at, finished_at, execution_time_ms, applied_by, host, tool_version, error_message) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (version, step) DO UPDATE SET name = excluded.name, phase = excluded.phase, "
            "script = excluded.script, checksum = excluded.checksum, status = excluded.status, "
            "transactional = excluded.transactional, started_at = excluded.started_at, "
            "finished_at = excluded.finished_at, execution_time_ms = excluded.execution_time_ms, "
            "applied_by = excluded.applied_by, host = excluded.host, tool_version = excluded.tool_version, "
            "error_message = excluded.error_message"),
        QVariantList{step.version, step.step, step.name, step.phase(), step.forwardPath, step.checksum,
                     status, step.transactional() ? 1 : 0, at, finished ? QVariant(at) : QVariant(),
                     elapsedMs, who.user, who.host, who.toolVersion,
                     error.isEmpty() ? QVariant() : QVariant(error)});
}

Status HistoryStore::recordStarted(const MigrationStep& step, const RunIdentity& who)
{
    return upsertStep(step, QStringLiteral("started"), 0, {}, who, false);
}

Status HistoryStore::recordApplied(const MigrationStep& step, qint64 elapsedMs, const RunIdentity& who)
{
    if (auto recorded = upsertStep(step, QStringLiteral("applied"), elapsedMs, {}, who, true); !recorded)
        return recorded;
    return keepScript(step.checksum, step.forwardSql);
}

Status HistoryStore::recordBaseline(const MigrationStep& step, const RunIdentity& who)
{
    if (auto recorded = upsertStep(step, QStringLiteral("baseline"), 0, {}, who, true); !recorded)
        return recorded;
    return keepScript(step.checksum, step.forwardSql);
}

Status HistoryStore::recordFailed(const MigrationStep& step, qint64 elapsedMs, const QString& error,
                                  const RunIdentity& who)
{
    return upsertStep(step, QStringLiteral("failed"), elapsedMs, error, who, true);
}

Status HistoryStore::recordDirtyFailure(const MigrationStep& step, const QString& error)
{
    return m_db.execute(QStringLiteral("UPDATE schema_version_steps SET error_message = ? "
                                       "WHERE version = ? AND step = ?"),
                        QVariantList{error, step.version, step.step});
}

Status HistoryStore::recordRolledBack(const MigrationStep& step, qint64 elapsedMs, const RunIdentity& who)
{
    return upsertStep(step, QStringLiteral("rolled_back"), elapsedMs, {}, who, true);
}

Status HistoryStore::recordVersionComplete(const VersionRecord& record)
{
    return m_db.execute(
        QStringLiteral(
            "INSERT INTO schema_version (version, applied_at, description, migration_script, "
            "rollback_script, execution_time_ms, success, error_message) VALUES (?, ?, ?, ?, ?, ?, 1, NULL) "
            "ON CONFLICT (version) DO UPDATE SET applied_at = excluded.applied_at, "
            "description = excluded.description, migration_script = excluded.migration_script, "
            "rollback_script = excluded.rollback_script, execution_time_ms = excluded.execution_time_ms, "
            "success = 1, error_message = NULL WHERE schema_version.success = 0"),
        QVariantList{record.version, stamp(m_db), record.description, record.migrationScript,
                     record.rollbackScript.isEmpty() ? QVariant() : QVariant(record.rollbackScript),
                     record.executionTimeMs});
}

Status HistoryStore::recordVersionFailed(const VersionRecord& record)
{
    return m_db.execute(
        QStringLiteral(
            "INSERT INTO schema_version (version, applied_at, description, migration_script, "
            "rollback_script, execution_time_ms, success, error_message) VALUES (?, ?, ?, ?, ?, ?, 0, ?) "
            "ON CONFLICT (version) DO UPDATE SET applied_at = excluded.applied_at, "
            "error_message = excluded.error_message WHERE schema_version.success = 0"),
        QVariantList{record.version, stamp(m_db), record.description, record.migrationScript,
                     record.rollbackScript.isEmpty() ? QVariant() : QVariant(record.rollbackScript),
                     record.executionTimeMs, record.errorMessage});
}

Status HistoryStore::removeVersion(qint64 version)
{
    return m_db.execute(QStringLiteral("DELETE FROM schema_version WHERE version = ?"),
                        QVariantList{version});
}

Status HistoryStore::acceptChecksum(qint64 version, int step, const QString& checksum)
{
    return m_db.execute(
        QStringLiteral("UPDATE schema_version_steps SET checksum = ? WHERE version = ? AND step = ?"),
        QVariantList{checksum, version, step});
}

Status HistoryStore::settleStep(qint64 version, int step, const QString& status)
{
    return m_db.execute(QStringLiteral("UPDATE schema_version_steps SET status = ?, finished_at = ? "
                                       "WHERE version = ? AND step = ? AND status = 'started'"),
                        QVariantList{status, stamp(m_db), version, step});
}

Status HistoryStore::keepScript(const QString& checksum, const QByteArray& body)
{
    // Content-addressed: one row per distinct text, however many steps or databases' runs applied it.
    // The bytes go as they are and the database makes them text: a 50 MB script is not held again as
    // UTF-16 on its way in.
    return m_db.execute(
        QStringLiteral("INSERT INTO schema_version_scripts (checksum, body) VALUES (?, CAST(? AS TEXT)) "
                       "ON CONFLICT (checksum) DO NOTHING"),
        QVariantList{checksum, body});
}

Result<std::optional<QString>> HistoryStore::keptScript(const QString& checksum)
{
    auto exists = m_db.tableExists(QStringLiteral("schema_version_scripts"));
    if (!exists)
        return exists.error();
    if (!*exists)
        return std::optional<QString>();
    auto rows = m_db.query(QStringLiteral("SELECT body FROM schema_version_scripts WHERE checksum = ?"),
                           QVariantList{checksum});
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Cannot read schema_version_scripts"));
    if (rows->isEmpty())
        return std::optional<QString>();
    return std::optional<QString>(rows->value(0, 0).toString());
}

} // namespace strata
