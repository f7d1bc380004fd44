#include "jobs/SessionControlJob.h"

#include "preflight/SessionControl.h"

namespace strata {

QString SessionControlJob::title() const
{
    return m_action == Action::Terminate ? QStringLiteral("Ending session %1").arg(m_pid)
                                         : QStringLiteral("Cancelling the query of session %1").arg(m_pid);
}

Status SessionControlJob::run(Database& db, const Progress& progress)
{
    progress.report(0, 1, title());
    const Status done = m_action == Action::Terminate ? SessionControl::terminate(db, m_pid)
                                                      : SessionControl::cancel(db, m_pid);
    progress.report(1, 1, title());
    return done;
}

} // namespace strata
