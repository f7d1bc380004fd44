#include "preflight/SessionControl.h"

namespace strata {

namespace {

QString listHint(SessionControl::Scope scope)
{
    return scope == SessionControl::Scope::Server
               ? QStringLiteral("Refresh the sessions and pick a pid they list.")
               : QStringLiteral("List the sessions with strata-cli blockers and use a pid it shows.");
}

QString verb(bool terminate)
{
    return terminate ? QStringLiteral("end") : QStringLiteral("cancel the statement of");
}

} // namespace

Result<BlockingSession> SessionControl::describe(Database& db, int pid, Scope scope)
{
    if (db.dialect() != Dialect::Postgres)
        return Error::badInput(
            QStringLiteral("%1 is a SQLite file: it has no sessions to cancel or end.").arg(db.display()),
            QStringLiteral("Stop the process that has it open (strata-cli blockers names it by pid) with its "
                           "own tools (its stop script or its service manager)."));
    auto rows =
        db.query(db.catalogSql(QStringLiteral("session_to_signal")),
                 QVariantList{pid, scope == Scope::Server ? QStringLiteral("t") : QStringLiteral("f")});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error::badInput(
            scope == Scope::Server
                ? QStringLiteral("No other session with pid %1 is connected to the server of %2: it has "
                                 "ended, or the pid is wrong.")
                      .arg(pid)
                      .arg(db.display())
                : QStringLiteral("No other session with pid %1 is connected to %2.")
                      .arg(pid)
                      .arg(db.display()),
            listHint(scope), QStringLiteral("No session was cancelled or ended."));
    BlockingSession s;
    s.pid = rows->value(0, 0).toInt();
    s.applicationName = rows->value(0, 1).toString();
    s.user = rows->value(0, 2).toString();
    s.state = rows->value(0, 3).toString();
    s.query = rows->value(0, 4).toString();
    s.database = rows->value(0, 5).toString();
    s.queryMs = rows->value(0, 6).toLongLong();
    s.maySignal = rows->value(0, 7).toString() == QLatin1String("t");
    return s;
}

Status SessionControl::signal(Database& db, int pid, bool terminate, Scope scope)
{
    auto session = describe(db, pid, scope);
    if (!session)
        return session.error();
    const QString refusedNext =
        QStringLiteral("Ask the session's owner or a superuser to %1 it, or have a superuser grant this role "
                       "the right to (GRANT pg_signal_backend TO the role; a superuser's session stays "
                       "out of its reach).")
            .arg(terminate ? QStringLiteral("end") : QStringLiteral("cancel"));
    // Checked first, so that the refusal says why in the operator's words rather than as PostgreSQL's
    // "must be a member of the role whose process is being terminated".
    if (!session->maySignal)
        return Error::failed(
            QStringLiteral(
                "This role may not %1 %2: PostgreSQL lets a role signal only the sessions of roles "
                "it is a member of, unless it is a superuser or a member of pg_signal_backend, "
                "and only a superuser may signal a superuser's session.")
                .arg(verb(terminate), session->title()),
            QStringLiteral("Nothing was changed: the session still runs."), refusedNext);
    auto rows = db.query(terminate ? QStringLiteral("SELECT pg_terminate_backend(?::int)")
                                   : QStringLiteral("SELECT pg_cancel_backend(?::int)"),
                         QVariantList{pid});
    if (!rows)
        return rows.error()
            .prefixed(QStringLiteral("PostgreSQL refused to %1 %2").arg(verb(terminate), session->title()))
            .withUnchanged(QStringLiteral("Nothing was changed."));
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

Status SessionControl::cancel(Database& db, int pid, Scope scope)
{
    return signal(db, pid, false, scope);
}

Status SessionControl::terminate(Database& db, int pid, Scope scope)
{
    return signal(db, pid, true, scope);
}

} // namespace strata
