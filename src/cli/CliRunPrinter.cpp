#include "CliRunPrinter.h"

namespace strata::cli {

void CliRunPrinter::phaseStarted(const QString& phase, const QString& title)
{
    (void)phase;
    m_out.notice(title);
}

void CliRunPrinter::checkDone(const QString& phase, const CheckResult& check)
{
    (void)phase;
    const QString mark = check.state == CheckResult::State::Passed   ? QStringLiteral("[ok]     ")
                         : check.state == CheckResult::State::Failed ? QStringLiteral("[FAILED] ")
                                                                     : QStringLiteral("[not run]");
    m_out.notice(QStringLiteral("  %1 %2: %3").arg(mark, check.name, check.detail));
}

void CliRunPrinter::hookOutput(const QString& line)
{
    m_out.notice(QStringLiteral("      | ") + line);
}

void CliRunPrinter::progress(qint64 done, qint64 total, const QString& stage)
{
    if (total <= 0)
        return;
    const int decile = static_cast<int>(done * 10 / total);
    if (stage == m_stage && decile == m_decile)
        return;
    m_stage = stage;
    m_decile = decile;
    if (decile > 0 && decile < 10)
        m_out.notice(QStringLiteral("      %1 %2%").arg(stage).arg(decile * 10));
}

void CliRunPrinter::baselineRecorded(qint64 version)
{
    (void)version; // reported as a check of the schema phase
}

void CliRunPrinter::stepStarted(const MigrationStep& step, qsizetype index, qsizetype count)
{
    m_out.notice(QStringLiteral("  [%1/%2] %3 ...").arg(index + 1).arg(count).arg(step.label()));
}

void CliRunPrinter::stepFinished(const MigrationStep& step, qint64 elapsedMs)
{
    m_out.notice(QStringLiteral("  [ok]      %1 in %2 ms").arg(step.shortLabel()).arg(elapsedMs));
}

void CliRunPrinter::stepWaited(const MigrationStep& step, const LockWait& wait)
{
    m_out.notice(QStringLiteral("  [waited]  %1: %2; rolled back, %3")
                     .arg(step.shortLabel(), wait.describe(),
                          wait.backoffMs > 0 ? QStringLiteral("trying again in %1 ms").arg(wait.backoffMs)
                                             : QStringLiteral("no tries left")));
}

void CliRunPrinter::stepFailed(const MigrationStep& step, const Error& error)
{
    (void)error;
    m_out.notice(QStringLiteral("  [FAILED]  %1, rolled back").arg(step.shortLabel()));
}

} // namespace strata::cli
