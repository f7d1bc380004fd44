#pragma once

#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/MigrationSet.h"
#include "migrations/StepHeader.h"

namespace strata {

/// Settles a problem that only the operator can judge (`strata-cli resolve`, and the timeline's buttons):
/// accepts the current file of an applied step, or records a dirty step as applied or rolled back. Only
/// Strata's history tables change; no SQL of the step runs. The caller holds the run lock.
class StepResolution
{
public:
    enum class Action { AcceptChecksum, MarkApplied, MarkRolledBack };

    StepResolution(Database& db, const MigrationSet& set) : m_db(db), m_set(set) {}

    /// Checks that `action` fits the step's history, records it in one transaction and says what it
    /// recorded. A step without history, a file to accept that is gone, or a step that is not dirty is
    /// refused and nothing changes.
    Result<QString> apply(const StepRef& step, Action action);

    /// The command-line flag of an action ("--accept-checksum").
    static QString flag(Action action);
    /// What `action` records for step `slot`, for the question asked before it runs. `file` and
    /// `checksum` are the current file of the step (for AcceptChecksum).
    static QString whatIsRecorded(const QString& slot, Action action, const QString& file = {},
                                  const QString& checksum = {});

private:
    const MigrationStep* fileOf(const StepRef& step) const;

    Database& m_db;
    const MigrationSet& m_set;
};

} // namespace strata
