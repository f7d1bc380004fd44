#pragma once

#include "migrations/MigrationObserver.h"

namespace strata {

class PhasedRun;

/// Passes a phased run's step events on to its observer, announces each migration phase as it begins,
/// and records in the run's report what was applied.
class RunStepRelay final : public MigrationObserver
{
public:
    explicit RunStepRelay(PhasedRun& run) : m_run(run) {}

    void baselineRecorded(qint64 version) override;
    void stepStarted(const MigrationStep& step, qsizetype index, qsizetype count) override;
    void stepFinished(const MigrationStep& step, qint64 elapsedMs) override;
    void stepOutput(const MigrationStep& step, const QString& line) override;
    void stepWaited(const MigrationStep& step, const LockWait& wait) override;
    void stepFailed(const MigrationStep& step, const Error& error) override;

private:
    PhasedRun& m_run;
    QString m_phase;
};

} // namespace strata
