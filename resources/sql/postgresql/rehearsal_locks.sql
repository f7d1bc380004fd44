-- The table locks one session holds now: the rehearsal samples the session that runs the steps from a
-- second session every few milliseconds, and reads them once more in that session itself when the
-- statements of a step have run (inside its transaction). Tables only: indexes, sequences and the system
-- catalogs are left out, and so are the history tables of Strata (schema_version*), which every step
-- writes. A table the step creates is seen by that last read only (the second session sees it at commit).
-- No apostrophe in these comments: the placeholder below is numbered outside quotes.
SELECT CASE WHEN n.nspname = current_schema() THEN c.relname ELSE n.nspname || '.' || c.relname END,
       l.mode
FROM pg_catalog.pg_locks l
JOIN pg_catalog.pg_class c ON c.oid = l.relation
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE l.pid = ?::int
  AND l.locktype = 'relation'
  AND l.granted
  AND c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND c.relname NOT LIKE 'schema\_version%'
