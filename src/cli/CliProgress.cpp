#include "CliProgress.h"

namespace strata::cli {

void CliProgress::baselineRecorded(qint64 version)
{
    m_out.notice(QStringLiteral("Recorded the untracked database as version %1 (baseline).").arg(version));
}

void CliProgress::stepStarted(const MigrationStep& step, qsizetype index, qsizetype count)
{
    m_out.notice(QStringLiteral("[%1/%2] %3 %4, phase %5 ...")
                     .arg(index + 1)
                     .arg(count)
                     .arg(m_verb, step.label(), step.phase()));
}

void CliProgress::stepFinished(const MigrationStep& step, qint64 elapsedMs)
{
    m_out.notice(QStringLiteral("        %1 done in %2 ms").arg(step.slot()).arg(elapsedMs));
}

void CliProgress::stepFailed(const MigrationStep& step, const Error& error)
{
    (void)error;
    m_out.notice(QStringLiteral("        %1 FAILED").arg(step.slot()));
}

void CliProgress::stepWaited(const MigrationStep& step, const LockWait& wait)
{
    m_out.notice(QStringLiteral("  [waited]  %1: %2; rolled back, %3")
                     .arg(step.shortLabel(), wait.describe(),
                          wait.backoffMs > 0 ? QStringLiteral("trying again in %1 ms").arg(wait.backoffMs)
                                             : QStringLiteral("no tries left")));
}

} // namespace strata::cli
