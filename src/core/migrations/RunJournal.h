#pragma once

#include <QList>

#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/RunEntry.h"
#include "migrations/RunIdentity.h"

namespace strata {

/// Where a phased run leaves its trace in the database it changes (schema_version_runs): a row when its
/// steps begin, the phase it enters, and its end. A run killed with -9, or whose machine died, leaves a row
/// without an end; the next `status` and `migrate` report it until the operator acknowledges it. Each write
/// commits on its own, outside any step's transaction.
class RunJournal
{
public:
    explicit RunJournal(Database& db) : m_db(db) {}

    Status begin(const RunEntry& entry);
    Status enterPhase(const QString& runId, const QString& phase);
    Status finish(const QString& runId, const QString& outcome);
    /// Runs that have no end and that no operator acknowledged, oldest first (none when the table does not
    /// exist).
    Result<QList<RunEntry>> unfinished();
    /// The same, for a caller that knows schema_version_runs exists (it has just read the table list).
    Result<QList<RunEntry>> readUnfinished();
    /// Records that the operator has seen an interrupted run and checked the database. Refuses a run that
    /// is not recorded, has ended, or was acknowledged already, and a run whose process is still alive.
    Result<QString> acknowledge(const QString& runId, const RunIdentity& who);

private:
    Status ensureTable();
    Result<bool> tableExists();

    Database& m_db;
};

} // namespace strata
