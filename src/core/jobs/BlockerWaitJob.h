#pragma once

#include <chrono>
#include <optional>

#include <QStringList>

#include "jobs/DatabaseJob.h"
#include "preflight/BlockerWait.h"

namespace strata {

/// "Wait for them to finish" on the wizard's pre-flight page: scans the plan's blockers again and again on a
/// worker's own connection (BlockerWait) until none is listed, the time is up or the operator cancels. Each
/// scan is reported as progress ("3 sessions still listed"). Changes nothing.
class BlockerWaitJob final : public DatabaseJob
{
public:
    BlockerWaitJob(QStringList tables, std::chrono::milliseconds timeout)
        : m_tables(std::move(tables)), m_timeout(timeout)
    {}

    QString title() const override { return QStringLiteral("Waiting for the blocking sessions to finish"); }
    Status run(Database& db, const Progress& progress) override;
    /// The last scan, whether the sessions are gone, and whether the wait was cancelled.
    const std::optional<BlockerWait::Outcome>& outcome() const { return m_outcome; }

private:
    QStringList m_tables;
    std::chrono::milliseconds m_timeout;
    std::optional<BlockerWait::Outcome> m_outcome;
};

} // namespace strata
