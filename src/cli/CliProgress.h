#pragma once

#include "CliOutput.h"
#include "migrations/MigrationObserver.h"

namespace strata::cli {

/// Prints each step as it runs: "[2/3] 2.2 indexes (002_v2/02_indexes.sql), phase indexes ... done in 4 ms".
class CliProgress final : public MigrationObserver
{
public:
    CliProgress(const CliOutput& out, QString verb) : m_out(out), m_verb(std::move(verb)) {}

    void baselineRecorded(qint64 version) override;
    void stepStarted(const MigrationStep& step, qsizetype index, qsizetype count) override;
    void stepFinished(const MigrationStep& step, qint64 elapsedMs) override;
    void stepWaited(const MigrationStep& step, const LockWait& wait) override;
    void stepFailed(const MigrationStep& step, const Error& error) override;

private:
    const CliOutput& m_out;
    QString m_verb;
};

} // namespace strata::cli
