-- Each table's data file (relfilenode): a statement that rewrites a table (a column type change, a volatile
-- default, VACUUM FULL, CLUSTER) gives it a new one. Read before and after each rehearsed step.
SELECT CASE WHEN n.nspname = current_schema() THEN c.relname ELSE n.nspname || '.' || c.relname END,
       c.relfilenode::text
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND c.relname NOT LIKE 'schema\_version%'
