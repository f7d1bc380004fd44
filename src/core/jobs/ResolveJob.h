#pragma once

#include "jobs/DatabaseJob.h"
#include "migrations/StepHeader.h"
#include "migrations/StepResolution.h"

namespace strata {

/// Settles one step's problem as `strata-cli resolve` does (accept the current file, or mark a dirty step
/// applied or rolled back), under the run lock, on the worker's connection. No SQL of the step runs.
class ResolveJob final : public DatabaseJob
{
public:
    ResolveJob(QString setFolder, StepRef step, StepResolution::Action action)
        : m_setFolder(std::move(setFolder)), m_step(step), m_action(action)
    {}

    QString title() const override { return QStringLiteral("Resolve step %1").arg(m_step.text()); }
    Status run(Database& db, const Progress& progress) override;
    /// What was recorded, once the job succeeded.
    const QString& outcome() const { return m_outcome; }

private:
    QString m_setFolder;
    StepRef m_step;
    StepResolution::Action m_action;
    QString m_outcome;
};

} // namespace strata
