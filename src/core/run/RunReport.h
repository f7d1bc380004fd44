#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "backup/BackupRecord.h"
#include "common/Error.h"
#include "migrations/MigrationPlan.h"
#include "preflight/BlockerReport.h"
#include "rehearsal/RehearsalReport.h"
#include "review/ReviewReport.h"
#include "timeouts/LockWait.h"
#include "verify/CheckResult.h"

namespace strata {

/// Everything a phased run did, kept as a JSON run log beside the backups.
struct RunReport
{
    struct PhaseChecks
    {
        QString phase;
        QList<CheckResult> checks;
    };

    QString runId;
    QString database;
    QString set;
    QString startedAt;
    QString finishedAt;
    qint64 fromVersion = 0;
    qint64 toVersion = 0;
    QStringList options;
    QList<PhaseChecks> phases;
    std::optional<BackupRecord> backup;
    QStringList tablesBefore; ///< the schema recorded before phase 1 (seed 004's v1_tables.txt)
    QStringList appliedSteps;
    /// What a step's own tool printed while it ran (Alembic's output), by step slot.
    QMap<QString, QStringList> stepOutput;
    /// Each try of a step that waited for a lock past its timeout, by step slot: what it waited for, who
    /// held it, the back-off before the next try.
    QMap<QString, QList<LockWait>> lockWaits;
    /// The live pre-flight's blocking tree, as it was before the first step.
    std::optional<BlockerReport> blockers;
    /// migrate --rehearse: what the rehearsal on a copy of the backup measured, before any step ran here.
    std::optional<RehearsalReport> rehearsal;
    /// The review of the pending steps before the first ran: findings, and those a step allows and why.
    std::optional<ReviewReport> review;
    QString outcome = QStringLiteral("running"); ///< succeeded, failed, refused, nothing-to-do, restored
    std::optional<Error> error;
    QString restoreCommand; ///< the exact command that restores the backup taken at phase 0
    QString restoredAside;  ///< after --restore-on-failure: where the failed database was kept

    void add(const QString& phase, const CheckResult& check);
    QJsonObject toJson() const;
};

} // namespace strata
