#pragma once

#include <QList>
#include <QStringList>

#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/MigrationStep.h"
#include "migrations/RepeatableRecord.h"
#include "migrations/RunIdentity.h"

namespace strata {

/// Reads and writes schema_version_repeatables, Strata's table for repeatable scripts (see
/// docs/decisions.md). Writes happen on the caller's connection, inside its transaction when there is one, so
/// a repeatable script and its row commit together.
class RepeatableHistory
{
public:
    explicit RepeatableHistory(Database& db) : m_db(db) {}

    /// The rows, when `tables` (the database's tables) has the table; none otherwise.
    Result<QList<RepeatableRecord>> read(const QStringList& tables);
    /// Creates the table if it is missing (only a set with repeatable scripts needs it).
    Status ensureTable();

    Status recordStarted(const MigrationStep& script, const RunIdentity& who);
    Status recordApplied(const MigrationStep& script, qint64 elapsedMs, const RunIdentity& who);
    /// The script failed inside its transaction (nothing of it stayed): its last good checksum stays.
    Status recordFailed(const MigrationStep& script, qint64 elapsedMs, const QString& error,
                        const RunIdentity& who);
    /// The script failed outside a transaction: its row stays `started` (dirty), with the error.
    Status recordDirtyFailure(const MigrationStep& script, const QString& error);

    /// What decides whether a repeatable script runs again: the SHA-256 of the text it runs.
    static QString checksumOf(const MigrationStep& script);
    /// The table it keeps them in (schema_version_repeatables).
    static QString table();

private:
    Status upsert(const MigrationStep& script, const QString& status, qint64 elapsedMs, const QString& error,
                  const RunIdentity& who, bool finished);

    Database& m_db;
};

} // namespace strata
