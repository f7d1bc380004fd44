-- What session $1 waits for while it waits for a lock: the lock it asked for (relation, mode) and the
-- sessions that hold it or queue before it (pg_blocking_pids), what they do and since when.
-- pg_blocking_pids takes the lock manager's locks for a moment, so it runs only while $1 waits on a lock.
SELECT coalesce(w.relation, ''), coalesce(w.mode, ''), b.pid, coalesce(b.application_name, ''),
       coalesce(b.usename, ''), coalesce(b.state, ''), coalesce(left(b.query, 300), ''),
       coalesce(round(extract(epoch FROM now() - coalesce(b.xact_start, b.query_start)) * 1000), 0)::bigint
FROM (SELECT a.pid, CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) END AS blockers
      FROM pg_stat_activity a WHERE a.pid = $1::int) AS s
CROSS JOIN LATERAL unnest(s.blockers) AS bp(pid)
JOIN pg_stat_activity b ON b.pid = bp.pid
LEFT JOIN LATERAL (SELECT coalesce(l.relation::regclass::text, l.locktype) AS relation, l.mode
                   FROM pg_locks l WHERE l.pid = s.pid AND NOT l.granted LIMIT 1) w ON true
ORDER BY b.pid
