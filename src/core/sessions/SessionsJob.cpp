#include "sessions/SessionsJob.h"

#include <QThread>

#include "sessions/ServerSessions.h"

namespace strata {

QString SessionsJob::title() const
{
    switch (m_action) {
    case Action::CancelQuery:
        return QStringLiteral("Cancelling the statement of session %1").arg(m_pid);
    case Action::Terminate:
        return QStringLiteral("Ending session %1").arg(m_pid);
    case Action::Read:
        break;
    }
    return QStringLiteral("Reading the sessions");
}

Status SessionsJob::run(Database& db, const Progress& progress)
{
    progress.report(0, 1, title());
    if (m_action != Action::Read) {
        const Status done = m_action == Action::Terminate
                                ? SessionControl::terminate(db, m_pid, SessionControl::Scope::Server)
                                : SessionControl::cancel(db, m_pid, SessionControl::Scope::Server);
        if (!done)
            m_actionError = done.error();
        else
            QThread::msleep(100); // the signalled backend needs a moment to leave pg_stat_activity
    }
    auto snapshot = ServerSessions::read(db);
    progress.report(1, 1, title());
    if (!snapshot)
        return m_actionError ? Status(*m_actionError) : Status(snapshot.error());
    m_snapshot = std::move(snapshot).value();
    if (m_actionError)
        return *m_actionError;
    return {};
}

} // namespace strata
