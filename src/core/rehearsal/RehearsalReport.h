#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/Error.h"
#include "rehearsal/RehearsedStep.h"

namespace strata {

/// What a rehearsal measured on its copy: the steps of the first up pass (the figures the plan shows),
/// then their rollbacks (down) and the steps once more (up again), which prove that the rollbacks work.
struct RehearsalReport
{
    QString copy;       ///< where it ran: "a copy of /backups/state-pre_v2.db", "the scratch database x on y"
    QString backupPath; ///< the verified backup the copy was made from
    qint64 copyRows = 0;          ///< rows the copy holds in the tables the plan's steps and rollbacks name
    qint64 copyMs = 0;            ///< making the copy (file copy, or pg_restore)
    QStringList leftoversDropped; ///< copies that killed rehearsals had left, removed first
    QList<RehearsedStep> up;
    QList<RehearsedStep> down;
    QList<RehearsedStep> again;
    /// Steps with no rollback script: the down pass stops before the newest of them (not a failure).
    QStringList withoutRollback;
    qint64 upPassMs = 0; ///< the whole first up pass, the rehearsal's own measuring included
    bool succeeded = false;
    std::optional<Error> failure;
    QString failedPass; ///< "up", "down" or "up again"
    bool copyDropped = false;

    /// The sum of the up pass's step durations.
    qint64 stepsMs() const;
    /// The up pass's time against its steps' own time (1.0 = no overhead).
    double overhead() const;
    QJsonObject toJson() const;
    /// The lines the operator reads: one per step, then the rollback proof.
    QStringList lines() const;
};

} // namespace strata
