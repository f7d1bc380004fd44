-- Who uses one table now: the other sessions that hold or wait for a lock on it, with what they are doing
-- and for how long their transaction has been open.
-- $1: the table's name, quoted as SQL writes it.
SELECT a.pid, coalesce(nullif(a.application_name, ''), a.usename::text, '') AS application,
       coalesce(a.state, '') AS state, l.mode, l.granted,
       coalesce(to_char(now() - a.xact_start, 'HH24:MI:SS'), '') AS in_transaction
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.relation = to_regclass($1::text) AND l.pid <> pg_backend_pid()
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY l.granted DESC, a.pid, l.mode
