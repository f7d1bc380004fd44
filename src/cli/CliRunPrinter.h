#pragma once

#include "CliOutput.h"
#include "run/RunObserver.h"

namespace strata::cli {

/// Prints a phased run as it goes, phase by phase, each check with its result, on stderr.
class CliRunPrinter final : public RunObserver
{
public:
    explicit CliRunPrinter(const CliOutput& out) : m_out(out) {}

    void phaseStarted(const QString& phase, const QString& title) override;
    void checkDone(const QString& phase, const CheckResult& check) override;
    void hookOutput(const QString& line) override;
    void progress(qint64 done, qint64 total, const QString& stage) override;
    void baselineRecorded(qint64 version) override;
    void stepStarted(const MigrationStep& step, qsizetype index, qsizetype count) override;
    void stepFinished(const MigrationStep& step, qint64 elapsedMs) override;
    void stepWaited(const MigrationStep& step, const LockWait& wait) override;
    void stepFailed(const MigrationStep& step, const Error& error) override;

private:
    const CliOutput& m_out;
    QString m_stage;
    int m_decile = -1;
};

} // namespace strata::cli
