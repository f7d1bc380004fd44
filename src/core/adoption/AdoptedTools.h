#pragma once

#include <QList>
#include <QString>

#include "adoption/AdoptionPlan.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/MigrationSet.h"
#include "migrations/RunIdentity.h"
#include "tools/ToolHistory.h"

namespace strata {

/// The other tools whose history Strata adopted in a database (schema_version_tools), and the keeping of
/// their tables current: every step Strata applies or rolls back writes or deletes that tool's row, in the
/// tool's format, on the caller's connection inside the step's own transaction.
class AdoptedTools
{
public:
    struct Entry
    {
        const ToolHistory* tool = nullptr;
        QString table;
        QString adoptedAt;
        QString adoptedBy;
    };

    /// The adopted tools of `db`; none when the database was never adopted (no schema_version_tools).
    static Result<AdoptedTools> read(Database& db);
    /// Creates schema_version_tools and schema_version_adopted if they are missing.
    static Status ensureTables(Database& db);
    /// Records the adoption: the tool and its table, and each adopted step with the tool's row and whether
    /// its checksum agrees with the file today. Inside the caller's transaction.
    static Status recordAdoption(Database& db, const AdoptionPlan& plan, const RunIdentity& who);

    bool isEmpty() const { return m_entries.isEmpty(); }
    const QList<Entry>& entries() const { return m_entries; }
    const Entry* find(const QString& tool) const;

    /// Writes each adopted tool's row for a step Strata applied.
    Status stepApplied(Database& db, const MigrationSet& set, const MigrationStep& step, qint64 elapsedMs,
                       const RunIdentity& who) const;
    /// Changes each adopted tool's table as its own down would, for a step Strata rolled back.
    Status stepRolledBack(Database& db, const MigrationSet& set, const MigrationStep& step,
                          const RunIdentity& who) const;

private:
    QList<Entry> m_entries;
};

} // namespace strata
