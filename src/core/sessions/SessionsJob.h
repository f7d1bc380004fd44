#pragma once

#include <optional>

#include "jobs/DatabaseJob.h"
#include "preflight/SessionControl.h"
#include "sessions/SessionsSnapshot.h"

namespace strata {

/// One refresh of the Sessions view on a worker's own connection, or a cancel or end of one session
/// (server-wide: the view lists every database's sessions) followed by a refresh, so that the view shows
/// the outcome. The operator confirmed the cancel or end, naming the session, before this started.
class SessionsJob final : public DatabaseJob
{
public:
    enum class Action { Read, CancelQuery, Terminate };

    explicit SessionsJob(Action action = Action::Read, int pid = 0) : m_action(action), m_pid(pid) {}

    QString title() const override;
    Status run(Database& db, const Progress& progress) override;
    bool onlyReads() const override { return m_action == Action::Read; }
    Action action() const { return m_action; }
    int pid() const { return m_pid; }
    /// Set when the read after the action (or the read alone) succeeded.
    const std::optional<SessionsSnapshot>& snapshot() const { return m_snapshot; }
    /// The action's failure (the refresh after it may still have succeeded).
    const std::optional<Error>& actionError() const { return m_actionError; }

private:
    Action m_action;
    int m_pid;
    std::optional<SessionsSnapshot> m_snapshot;
    std::optional<Error> m_actionError;
};

} // namespace strata
