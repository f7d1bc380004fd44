#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>

#include "common/Progress.h"
#include "connection/Database.h"
#include "migrations/MigrationObserver.h"
#include "rehearsal/RehearsedStep.h"
#include "rehearsal/TableFiles.h"

namespace strata {

class LockSampler;

/// Hears the real runner (MigrationRunner) apply or roll back steps on the rehearsal's copy and measures
/// each: its duration (the runner's own figure), its transaction's time, the rows its statements touched,
/// the tables whose data file changed and, with a LockSampler (PostgreSQL), the table locks seen.
/// SQLite's write lock covers the whole file from BEGIN to COMMIT: its time is the transaction's.
class StepMeter final : public MigrationObserver
{
public:
    /// `tableRows`: the copy's rows per table the plan names, counted before the passes. `firstId`: the
    /// sampler's id of this pass's first step (ids must not repeat across passes).
    StepMeter(Database& copy, LockSampler* sampler, const QHash<QString, qint64>& tableRows, int firstId,
              QString pass, const Progress& progress);

    void stepStarted(const MigrationStep& step, qsizetype index, qsizetype count) override;
    void stepScriptRan(const MigrationStep& step) override;
    void stepFinished(const MigrationStep& step, qint64 elapsedMs) override;
    void stepFailed(const MigrationStep& step, const Error& error) override;

    /// The steps measured, in the order they ran; call after the sampler stopped to get its locks.
    QList<RehearsedStep> steps() const;
    /// The tables of `tables` that `sql` names as a word (quoted or not, any case).
    static QStringList namedIn(const QString& sql, const QStringList& tables);
    /// The sampler id after this pass's last step.
    int nextId() const { return m_firstId + static_cast<int>(m_steps.size()); }

private:
    void finish(const MigrationStep& step, bool succeeded, qint64 elapsedMs, const QString& error);
    QStringList tablesNamedIn(const MigrationStep& step) const;

    Database& m_copy;
    LockSampler* m_sampler;
    QHash<QString, qint64> m_tableRows;
    int m_firstId;
    QString m_pass;
    Progress m_progress;
    QList<RehearsedStep> m_steps;
    TableFiles::Snapshot m_filesBefore;
    qint64 m_rowsBefore = 0;
    QElapsedTimer m_transaction;
    /// PostgreSQL: the locks the copy's session held when the step's statements had run (until its
    /// COMMIT), by the sampler id of the step; raw pg_locks modes.
    QHash<int, QHash<QString, QString>> m_heldAtEnd;
    bool m_running = false;
};

} // namespace strata
