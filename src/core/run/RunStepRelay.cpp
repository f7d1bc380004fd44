#include "run/RunStepRelay.h"

#include "run/PhasedRun.h"

namespace strata {

void RunStepRelay::baselineRecorded(qint64 version)
{
    m_run.check(QStringLiteral("schema"),
                CheckResult::passed(
                    QStringLiteral("baseline"),
                    QStringLiteral("the untracked database was recorded as version %1").arg(version)));
    if (m_run.m_observer)
        m_run.m_observer->baselineRecorded(version);
}

void RunStepRelay::stepStarted(const MigrationStep& step, qsizetype index, qsizetype count)
{
    if (step.phase() != m_phase) {
        m_phase = step.phase();
        m_run.startPhase(m_phase, QStringLiteral("Phase %1").arg(m_phase));
    }
    if (m_run.m_observer)
        m_run.m_observer->stepStarted(step, index, count);
}

void RunStepRelay::stepFinished(const MigrationStep& step, qint64 elapsedMs)
{
    m_run.m_report.appliedSteps << step.reportKey();
    m_run.m_report.add(
        m_phase,
        CheckResult::passed(step.shortLabel(),
                            QStringLiteral("%1 applied in %2 ms").arg(step.forwardPath).arg(elapsedMs)));
    if (m_run.m_observer)
        m_run.m_observer->stepFinished(step, elapsedMs);
}

void RunStepRelay::stepOutput(const MigrationStep& step, const QString& line)
{
    m_run.m_report.stepOutput[step.slot()] << line;
    if (m_run.m_observer)
        m_run.m_observer->stepOutput(step, line);
}

void RunStepRelay::stepWaited(const MigrationStep& step, const LockWait& wait)
{
    // Kept apart from the phase's checks: a wait the next try got past is no failed check.
    m_run.m_report.lockWaits[step.reportKey()] << wait;
    if (m_run.m_observer)
        m_run.m_observer->stepWaited(step, wait);
}

void RunStepRelay::stepFailed(const MigrationStep& step, const Error& error)
{
    m_run.m_report.add(m_phase, CheckResult::failed(step.shortLabel(), error.what));
    if (m_run.m_observer)
        m_run.m_observer->stepFailed(step, error);
}

} // namespace strata
