-- The sessions of this database that may block a migration or be blocked by it, for the pre-flight's
-- blocking tree. $1: the tables the pending steps name (text[], as written: book, public.orders, "Desk");
-- $2: how old a transaction is "long" (milliseconds). A session is listed when it holds or awaits a lock on
-- one of those tables, is idle in a transaction, blocks or is blocked by another session
-- (pg_blocking_pids), or has had a transaction (and with it a snapshot) open longer than $2.
WITH named AS (
    SELECT to_regclass(t.name) AS oid FROM unnest($1::text[]) AS t(name)
), plan AS (
    SELECT oid FROM named WHERE oid IS NOT NULL
    UNION
    SELECT i.indrelid FROM pg_index i JOIN named n ON n.oid = i.indexrelid
), sessions AS (
    SELECT a.*, pg_blocking_pids(a.pid) AS blocked_by
    FROM pg_stat_activity a
    WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend'
), plan_locks AS (
    SELECT l.pid,
           string_agg(DISTINCT l.relation::regclass::text || ' ' || l.mode ||
                      CASE WHEN l.granted THEN '' ELSE ' (waiting)' END, ', ') AS locks,
           bool_or(l.granted) AS holds
    FROM pg_locks l JOIN plan p ON p.oid = l.relation
    GROUP BY l.pid
)
SELECT s.pid, coalesce(s.application_name, ''), coalesce(s.usename, ''),
       coalesce(host(s.client_addr), 'local socket'), coalesce(s.state, ''), coalesce(left(s.query, 300), ''),
       coalesce(round(extract(epoch FROM now() - s.xact_start) * 1000), -1)::bigint,
       coalesce(round(extract(epoch FROM now() - s.state_change) * 1000), -1)::bigint,
       coalesce(age(s.backend_xmin), -1)::bigint,
       coalesce(s.wait_event_type, ''), array_to_string(s.blocked_by, ','), coalesce(pl.locks, ''),
       coalesce(pl.holds, false)
FROM sessions s LEFT JOIN plan_locks pl ON pl.pid = s.pid
WHERE pl.pid IS NOT NULL
   OR s.state LIKE 'idle in transaction%'
   OR cardinality(s.blocked_by) > 0
   OR s.pid IN (SELECT unnest(blocked_by) FROM sessions)
   OR now() - s.xact_start > make_interval(secs => $2::bigint / 1000.0)
ORDER BY s.pid
