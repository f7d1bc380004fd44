#pragma once

#include "jobs/DatabaseJob.h"

namespace strata {

/// Cancels the running statement of, or ends, another session of the database (SessionControl), on a
/// worker's own connection, after the operator confirmed it on the wizard's pre-flight page.
class SessionControlJob final : public DatabaseJob
{
public:
    enum class Action { CancelQuery, Terminate };

    SessionControlJob(int pid, Action action) : m_pid(pid), m_action(action) {}

    QString title() const override;
    Status run(Database& db, const Progress& progress) override;

private:
    int m_pid;
    Action m_action;
};

} // namespace strata
