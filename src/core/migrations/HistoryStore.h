#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/MigrationStep.h"
#include "migrations/RepeatableRecord.h"
#include "migrations/RunEntry.h"
#include "migrations/RunIdentity.h"
#include "tools/ForeignHistory.h"

namespace strata {

/// One row of schema_version (the contract of DB-SCHEMA-001).
struct VersionRecord
{
    qint64 version = 0;
    QString appliedAt;
    QString description;
    QString migrationScript;
    QString rollbackScript;
    qint64 executionTimeMs = 0;
    bool success = false;
    QString errorMessage;
};

/// One row of schema_version_steps: what Strata knows of one step.
struct StepRecord
{
    qint64 version = 0;
    int step = 0;
    QString name;
    QString phase;
    QString script;
    QString checksum;
    QString status; ///< started, applied, baseline, failed, rolled_back
    bool transactional = true;
    QString startedAt;
    QString finishedAt;
    qint64 executionTimeMs = 0;
    QString appliedBy;
    QString host;
    QString toolVersion;
    QString errorMessage;

    QString slot() const { return QStringLiteral("%1.%2").arg(version).arg(step); }
    /// Applied or recorded as baseline: its changes are in the database.
    bool isIn() const { return status == QLatin1String("applied") || status == QLatin1String("baseline"); }
    bool isDirty() const { return status == QLatin1String("started"); }
};

/// Everything the history tables say.
struct HistoryState
{
    bool tracked = false; ///< the history tables exist and hold at least one row
    QList<VersionRecord> versions;
    QList<StepRecord> steps;
    /// Runs that reached their steps and never recorded an end, and that no operator acknowledged.
    QList<RunEntry> unfinishedRuns;
    /// Other tools' history tables in the database (dbmate's, Flyway's, ...), each named and read.
    QList<ForeignHistory> otherTools;
    /// Repeatable scripts (Flyway's `R__`) as schema_version_repeatables records them.
    QList<RepeatableRecord> repeatables;

    /// `SELECT MAX(version) FROM schema_version WHERE success = 1`, 0 when none.
    qint64 currentVersion() const;
    const StepRecord* step(qint64 version, int step) const;
    const RepeatableRecord* repeatable(const QString& description) const;
};

/// Reads and writes Strata's history tables. Every write happens on the caller's connection, inside the
/// caller's transaction when there is one, so a step and its history row commit together.
class HistoryStore
{
public:
    explicit HistoryStore(Database& db) : m_db(db) {}

    Result<HistoryState> read();
    /// The same, for a caller that has just listed the user's tables (`userTables()`): saves listing them
    /// again, which on a PostgreSQL schema of thousands of tables is most of what `status` spends on the
    /// server.
    Result<HistoryState> read(const QStringList& userTables);
    /// The tables read() looks for: Strata's history tables and every other tool's. A caller passes
    /// `Database::tablesNamed(tablesRead(dialect))` as `userTables`, not the whole schema's list.
    static QStringList tablesRead(Dialect dialect);
    /// Creates schema_version, schema_version_steps and schema_version_scripts if they are missing (DDL of
    /// the dialect's resources).
    Status ensureTables();

    Status recordStarted(const MigrationStep& step, const RunIdentity& who);
    Status recordApplied(const MigrationStep& step, qint64 elapsedMs, const RunIdentity& who);
    Status recordBaseline(const MigrationStep& step, const RunIdentity& who);
    Status recordFailed(const MigrationStep& step, qint64 elapsedMs, const QString& error,
                        const RunIdentity& who);
    Status recordDirtyFailure(const MigrationStep& step, const QString& error);
    Status recordRolledBack(const MigrationStep& step, qint64 elapsedMs, const RunIdentity& who);
    /// Marks a version done (success = 1), inserting its row if needed.
    Status recordVersionComplete(const VersionRecord& record);
    /// Records that a version's run failed, unless the version is already complete.
    Status recordVersionFailed(const VersionRecord& record);
    Status removeVersion(qint64 version);
    /// Accepts the current file of an applied step (after the operator checked the change).
    Status acceptChecksum(qint64 version, int step, const QString& checksum);
    /// Settles a dirty step by hand: `applied` or `rolled_back`.
    Status settleStep(qint64 version, int step, const QString& status);
    /// Keeps the text of a script by its checksum (schema_version_scripts; a text kept already stays).
    Status keepScript(const QString& checksum, const QByteArray& body);
    /// The text kept for `checksum`; none when it was not kept (e.g. applied before Strata kept scripts).
    Result<std::optional<QString>> keptScript(const QString& checksum);

    static QString now();

private:
    Status upsertStep(const MigrationStep& step, const QString& status, qint64 elapsedMs,
                      const QString& error, const RunIdentity& who, bool finished);

    Database& m_db;
};

} // namespace strata
