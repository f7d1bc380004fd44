-- One session by pid, to name it before it is cancelled or ended: application_name, user, state, query,
-- database, how long its statement has run, and whether this role may signal it. $1: the pid; $2: true
-- when any database of the server will do (the Sessions view), false for this database only (a
-- migration's pre-flight: sessions of other databases are not the run's business).
-- PostgreSQL 15's rule (signalfuncs.c): only a superuser may signal a superuser's session or a process
-- without a role; anyone else must be a member of the session's role or of pg_signal_backend.
SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.usename, ''), coalesce(a.state, ''),
       coalesce(left(a.query, 300), ''), coalesce(a.datname, ''),
       coalesce(round(extract(epoch FROM now() - a.query_start) * 1000), -1)::bigint,
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
       OR (a.usesysid IS NOT NULL
           AND NOT coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.oid = a.usesysid), false)
           AND (pg_has_role(current_user, a.usesysid, 'MEMBER')
                OR pg_has_role(current_user, 'pg_signal_backend', 'MEMBER')))
FROM pg_stat_activity a
WHERE a.pid = $1::int AND a.pid <> pg_backend_pid() AND ($2::bool OR a.datname = current_database())
