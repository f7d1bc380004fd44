#include "preflight/SessionControl.h"

namespace strata {

Result<BlockingSession> SessionControl::describe(Database& db, int pid)
{
    if (db.dialect() != Dialect::Postgres)
        return Error::badInput(
            QStringLiteral("%1 is a SQLite file: it has no sessions to cancel or end.").arg(db.display()),
            QStringLiteral("Stop the process that has it open (strata-cli blockers names it by pid) with its "
                           "own tools (its stop script or its service manager)."));
    auto rows = db.query(db.catalogSql(QStringLiteral("session_of_database")), QVariantList{pid});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error::badInput(
            QStringLiteral("No other session with pid %1 is connected to %2.").arg(pid).arg(db.display()),
            QStringLiteral("List the sessions with strata-cli blockers and use a pid it shows."),
            QStringLiteral("No session was cancelled or ended."));
    BlockingSession s;
    s.pid = rows->value(0, 0).toInt();
    s.applicationName = rows->value(0, 1).toString();
    s.user = rows->value(0, 2).toString();
    s.state = rows->value(0, 3).toString();
    s.query = rows->value(0, 4).toString();
    return s;
}

Status SessionControl::signal(Database& db, int pid, bool terminate)
{
    auto session = describe(db, pid);
    if (!session)
        return session.error();
    auto rows = db.query(terminate ? QStringLiteral("SELECT pg_terminate_backend(?::int)")
                                   : QStringLiteral("SELECT pg_cancel_backend(?::int)"),
                         QVariantList{pid});
    if (!rows)
        return rows.error();
    if (rows->value(0, 0).toString() != QLatin1String("t"))
        return Error::failed(
            QStringLiteral(
                "PostgreSQL did not %1 %2: the session ended meanwhile, or this role may not signal "
                "it (it needs to be the same role, a superuser, or a member of pg_signal_backend).")
                .arg(terminate ? QStringLiteral("end") : QStringLiteral("cancel"), session->title()),
            QStringLiteral("Nothing was changed."),
            QStringLiteral("Ask the session's owner or a superuser to end it, or run as a role that may."));
    return {};
}

Status SessionControl::cancel(Database& db, int pid)
{
    return signal(db, pid, false);
}

Status SessionControl::terminate(Database& db, int pid)
{
    return signal(db, pid, true);
}

} // namespace strata
