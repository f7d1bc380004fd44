#pragma once

#include <chrono>
#include <optional>

#include <QStringList>

#include "jobs/DatabaseJob.h"
#include "preflight/BlockerReport.h"

namespace strata {

/// The live pre-flight of blockers on the worker's connection, for the wizard's pre-flight page: scan the
/// sessions that would block the plan's tables (PlanTables::of(plan.steps)), wait until they finish, or
/// cancel or end one session by pid and scan again. Confirming a cancel or an end (naming the session) is the
/// page's job, before it starts this one.
class BlockersJob final : public DatabaseJob
{
public:
    enum class Action { Scan, Wait, Cancel, Terminate };

    explicit BlockersJob(QStringList tables, Action action = Action::Scan, int pid = 0,
                         std::chrono::milliseconds waitFor = std::chrono::minutes(5))
        : m_tables(std::move(tables)), m_action(action), m_pid(pid), m_waitFor(waitFor)
    {}

    QString title() const override;
    /// Wait reports the seconds waited against `waitFor`, and stops when the job is cancelled.
    Status run(Database& db, const Progress& progress) override;
    /// The last scan (after the cancel or end, at the end of the wait). Set when run() succeeded.
    const std::optional<BlockerReport>& report() const { return m_report; }
    /// Nothing is listed any more (Wait: they finished before the time was up).
    bool clear() const { return m_report && m_report->isEmpty(); }

private:
    QStringList m_tables;
    Action m_action;
    int m_pid;
    std::chrono::milliseconds m_waitFor;
    std::optional<BlockerReport> m_report;
};

} // namespace strata
