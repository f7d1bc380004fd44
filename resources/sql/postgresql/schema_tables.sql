-- The tables of the user (the history tables of Strata included; tables of extensions are not), with
-- the row estimate of the planner: reltuples is -1 until the table is first vacuumed or analyzed.
-- $1: one schema or NULL for all; $2: one table or NULL for all.
SELECT n.nspname AS schema_name, c.relname AS table_name,
       CASE WHEN c.reltuples < 0 THEN -1 ELSE c.reltuples::bigint END AS estimated_rows,
       c.relkind, c.relpersistence,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  AND ($1::text IS NULL OR n.nspname = $1::text) AND ($2::text IS NULL OR c.relname = $2::text)
ORDER BY n.nspname, c.relname
