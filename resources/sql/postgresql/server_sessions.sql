-- Every session of the server but the reader's own, for the Sessions view: who, from where, on which
-- database, doing what for how long, waiting on what, and blocked by whom. pg_blocking_pids() takes the
-- lock manager's locks while it looks, so it is asked only of the sessions that wait for a lock (its
-- documentation warns against calling it often for every session); the others are blocked by no one.
-- For those it also names the lock they wait for ("ShareLock on transaction 812", "AccessExclusiveLock on
-- fills"; a table of another database by its oid, which only that database can name). The last column says
-- whether this role may cancel or end the session (see session_to_signal.sql).
SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.usename, ''),
       coalesce(host(a.client_addr),
                CASE WHEN a.backend_type = 'client backend' THEN 'local socket' ELSE '' END),
       coalesce(a.datname, ''), coalesce(a.state, ''), coalesce(left(a.query, 2000), ''),
       coalesce(round(extract(epoch FROM now() - a.query_start) * 1000), -1)::bigint,
       coalesce(round(extract(epoch FROM now() - a.xact_start) * 1000), -1)::bigint,
       coalesce(round(extract(epoch FROM now() - a.state_change) * 1000), -1)::bigint,
       coalesce(age(a.backend_xmin), -1)::bigint,
       coalesce(a.wait_event_type, ''), coalesce(a.wait_event, ''), coalesce(a.backend_type, ''),
       CASE WHEN a.wait_event_type = 'Lock' THEN array_to_string(pg_blocking_pids(a.pid), ',') ELSE '' END,
       CASE WHEN a.wait_event_type = 'Lock' THEN
           (SELECT string_agg(l.mode || ' on ' ||
                              CASE WHEN l.relation IS NOT NULL AND l.database = (SELECT oid FROM pg_database
                                                                                 WHERE datname = current_database())
                                   THEN l.relation::regclass::text
                                   WHEN l.relation IS NOT NULL THEN 'relation ' || l.relation
                                   WHEN l.locktype = 'transactionid' THEN 'transaction ' || l.transactionid
                                   ELSE l.locktype END, ', ')
            FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted)
       ELSE '' END,
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
       OR (a.usesysid IS NOT NULL
           AND NOT coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.oid = a.usesysid), false)
           AND (pg_has_role(current_user, a.usesysid, 'MEMBER')
                OR pg_has_role(current_user, 'pg_signal_backend', 'MEMBER')))
FROM pg_stat_activity a
WHERE a.pid <> pg_backend_pid()
ORDER BY a.backend_type <> 'client backend', a.pid
