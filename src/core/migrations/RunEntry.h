#pragma once

#include <QString>

namespace strata {

/// One row of schema_version_runs: a phased run that reached its steps, as the database remembers it.
/// A row without `finishedAt` is a run that is still going, or one that was killed or lost its machine.
struct RunEntry
{
    QString runId;
    QString startedAt;
    QString phase; ///< the phase it was in last: steps, verification, post
    QString finishedAt;
    QString outcome; ///< succeeded, failed, restored, cancelled; empty while unfinished
    QString fromVersion;
    qint64 targetVersion = 0;
    QString appliedBy;
    QString host;
    qint64 pid = 0;
    QString runLog;

    /// Whether the run's process is alive on this machine right now (a run of another machine can't be
    /// told apart from a dead one: it counts as not live).
    bool live() const;
    /// What the interruption means for the database, for the operator: "its verification never ran ...".
    QString consequence() const;
};

} // namespace strata
